/**
 * WhatsApp click-to-chat (https://faq.whatsapp.com/5913398998672934): wa.me/ followed by
 * the full international number as digits only — no +, spaces or leading zeros.
 */
export function whatsAppLink(e164: string | null | undefined, text?: string, consents?: readonly ConsentOnRecord[]): string | null {
  if (!e164) return null;
  if (consents && whatsAppOptedOut(consents)) return null;
  const trimmed = e164.trim();
  if (!/^\+?[\d\s\-().]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) return null;
  const query = text?.trim() ? `?text=${encodeURIComponent(text.trim())}` : '';
  return `https://wa.me/${digits}${query}`;
}

export interface ConsentOnRecord {
  channel: string;
  granted: boolean;
}

/**
 * Whether the contact opted out of WhatsApp. A click-to-chat link is a chat the seller starts by
 * hand, so it is offered until the contact opts out (the server's rule in channels.service.ts, which
 * mirrors every opt-out, including a STOP reply, onto the contact). Pass a contact's `consents` to
 * whatsAppLink to get no link after an opt-out.
 */
export function whatsAppOptedOut(consents: readonly ConsentOnRecord[]): boolean {
  return consents.some((c) => c.channel === 'whatsapp' && !c.granted);
}
