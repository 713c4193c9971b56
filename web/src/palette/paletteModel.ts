import type { Account, Contact, Journey } from '../api/types';

/**
 * The command palette's logic: which actions match the typed text, how search results
 * become one list, and how the arrow keys move through it.
 */
export interface PaletteAction {
  id: string;
  /** Translated label, matched against what the user types. */
  label: string;
  /** Extra words that find the action (e.g. both languages' names). */
  keywords?: string;
}

export type PaletteItem =
  | { kind: 'action'; id: string; label: string; action: PaletteAction }
  | { kind: 'account'; id: string; label: string; detail: string; to: string }
  | { kind: 'contact'; id: string; label: string; detail: string; to: string }
  | { kind: 'journey'; id: string; label: string; detail: string; to: string };

/** Case- and accent-insensitive text for matching ("Kunjungan" ~ "kunjungan"). */
export function fold(text: string): string {
  return text.normalize('NFD').replace(/\p{Diacritic}/gu, '').toLowerCase();
}

/** Actions whose label or keywords contain every typed word; all of them when nothing is typed. */
export function matchActions(actions: readonly PaletteAction[], query: string): PaletteAction[] {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...actions];
  return actions.filter((a) => {
    const text = fold(`${a.label} ${a.keywords ?? ''}`);
    return words.every((w) => text.includes(w));
  });
}

export interface SearchResults {
  accounts: Account[];
  contacts: Contact[];
  journeys: Journey[];
}

/** Records first (what the user searched for), then the matching actions. */
export function paletteItems(query: string, actions: readonly PaletteAction[], results: SearchResults | undefined, accountNames: ReadonlyMap<string, string> = new Map()): PaletteItem[] {
  const items: PaletteItem[] = [];
  if (results) {
    for (const a of results.accounts) items.push({ kind: 'account', id: `account:${a.id}`, label: a.name, detail: a.city, to: `/accounts/${a.id}` });
    for (const c of results.contacts)
      items.push({
        kind: 'contact',
        id: `contact:${c.id}`,
        label: c.fullName,
        detail: [c.title, accountNames.get(c.accountId)].filter(Boolean).join(' · '),
        to: `/accounts/${c.accountId}`,
      });
    for (const j of results.journeys) items.push({ kind: 'journey', id: `journey:${j.id}`, label: j.accountName, detail: j.solutionName, to: `/journeys/${j.id}` });
  }
  for (const action of matchActions(actions, query)) items.push({ kind: 'action', id: `action:${action.id}`, label: action.label, action });
  return items;
}

/** The next highlighted row after an arrow key, wrapping at both ends; -1 for an empty list. */
export function moveHighlight(current: number, delta: number, length: number): number {
  if (length === 0) return -1;
  if (current < 0) return delta > 0 ? 0 : length - 1;
  return (((current + delta) % length) + length) % length;
}

/** Search starts from two characters, so one keystroke does not ask the server for everything. */
export const MIN_QUERY = 2;
export function shouldSearch(query: string): boolean {
  return query.trim().length >= MIN_QUERY;
}
