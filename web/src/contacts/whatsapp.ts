/**
 * WhatsApp click-to-chat (https://faq.whatsapp.com/5913398998672934): wa.me/ followed by
 * the full international number as digits only — no +, spaces or leading zeros.
 */
export function whatsAppLink(e164: string | null | undefined, text?: string): string | null {
  if (!e164) return null;
  const trimmed = e164.trim();
  if (!/^\+?[\d\s\-().]+$/.test(trimmed)) return null;
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 7 || digits.length > 15 || digits.startsWith('0')) return null;
  const query = text?.trim() ? `?text=${encodeURIComponent(text.trim())}` : '';
  return `https://wa.me/${digits}${query}`;
}
