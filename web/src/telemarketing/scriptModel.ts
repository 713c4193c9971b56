import type { Positioning } from '../campaigns/campaignsApi';

type Message = Positioning['messages'][number];

/**
 * The persona message to read to a contact: the one for their proficiency and division, else
 * the one for their proficiency and every division; null when the positioning has none.
 */
export function messageFor(messages: readonly Message[], contact: { techProficiency: string; division: string }): Message | null {
  return (
    messages.find((m) => m.proficiency === contact.techProficiency && m.division === contact.division) ??
    messages.find((m) => m.proficiency === contact.techProficiency && m.division === null) ??
    null
  );
}

/** The text in the user's language. */
export function localized(item: { textId: string; textEn: string } | { statementId: string; statementEn: string }, locale: string): string {
  if ('textId' in item) return locale === 'en' ? item.textEn : item.textId;
  return locale === 'en' ? item.statementEn : item.statementId;
}

/** Whether there is anything to show in the script panel. */
export function hasScript(positioning: Positioning | null | undefined): positioning is Positioning {
  return !!positioning && (positioning.pillars.length > 0 || positioning.messages.length > 0);
}
