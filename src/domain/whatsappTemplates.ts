/**
 * WhatsApp message templates and click-to-chat links. Pure and free of Node APIs, so the web app
 * previews a template with the same rules the server renders it with.
 */

export const templatePlaceholderNames = ['name', 'firstName', 'account', 'sender', 'solution'] as const;
export type TemplatePlaceholder = (typeof templatePlaceholderNames)[number];
export type TemplateValues = Partial<Record<TemplatePlaceholder, string>>;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The distinct placeholders a body uses, in order of first use. */
export function templatePlaceholders(body: string): string[] {
  return [...new Set([...body.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/** Placeholders a body uses that Difusi cannot fill. */
export function unknownPlaceholders(body: string): string[] {
  const known = new Set<string>(templatePlaceholderNames);
  return templatePlaceholders(body).filter((name) => !known.has(name));
}

/** Fills the placeholders; the caller checks first that every one used has a value. */
export function renderTemplate(body: string, values: TemplateValues): string {
  return body.replace(PLACEHOLDER, (whole, name: string) => values[name as TemplatePlaceholder] ?? whole);
}

/** `https://wa.me/<digits>?text=<message>`: WhatsApp's click-to-chat link for an E.164 number. */
export function clickToChatUrl(e164: string, text: string): string {
  const digits = e164.replace(/\D/g, '');
  return text.length > 0 ? `https://wa.me/${digits}?text=${encodeURIComponent(text)}` : `https://wa.me/${digits}`;
}
