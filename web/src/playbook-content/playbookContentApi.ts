import type { Stage } from '../api/types';
import { contentCall as call, type ContentSummary, type Proficiency } from '../content/contentApi';

export const entryKinds = ['talk_track', 'question', 'objection', 'tip'] as const;
export type EntryKind = (typeof entryKinds)[number];

export interface PlaybookEntry {
  id: string;
  stage: Stage;
  proficiency: Proficiency | null;
  division: string | null;
  kind: EntryKind;
  titleId: string;
  titleEn: string;
  bodyId: string;
  bodyEn: string;
  contentItemIds: string[];
  position: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type EntryInput = Pick<PlaybookEntry, 'stage' | 'proficiency' | 'division' | 'kind' | 'titleId' | 'titleEn' | 'bodyId' | 'bodyEn' | 'contentItemIds'>;

export interface JourneyPlaybook {
  journeyId: string;
  stage: Stage;
  personas: { proficiency: Proficiency; division: string; contacts: number }[];
  entries: (PlaybookEntry & { relevance: number; contentItems: ContentSummary[] })[];
}

export const playbookContentApi = {
  list: (stage?: Stage) => call<{ items: PlaybookEntry[] }>('GET', `/playbook-entries${stage ? `?stage=${stage}` : ''}`),
  create: (input: EntryInput) => call<PlaybookEntry>('POST', '/playbook-entries', input),
  update: (id: string, patch: Partial<EntryInput> & { version: number }) => call<PlaybookEntry>('PATCH', `/playbook-entries/${encodeURIComponent(id)}`, patch),
  remove: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `/playbook-entries/${encodeURIComponent(id)}?version=${version}`),
  forJourney: (journeyId: string) => call<JourneyPlaybook>('GET', `/journeys/${encodeURIComponent(journeyId)}/playbook`),
};

/** Entries grouped by kind, in the playbook's order (talk tracks, questions, objections, tips). */
export function byKind<T extends { kind: EntryKind }>(entries: readonly T[]): { kind: EntryKind; entries: T[] }[] {
  return entryKinds.map((kind) => ({ kind, entries: entries.filter((e) => e.kind === kind) })).filter((g) => g.entries.length > 0);
}

/** The persona an entry is written for, as a key for grouping the editor: "all", "beginner", "beginner|it", "|hr". */
export function personaKey(entry: Pick<PlaybookEntry, 'proficiency' | 'division'>): string {
  if (!entry.proficiency && !entry.division) return 'all';
  return `${entry.proficiency ?? ''}|${entry.division ?? ''}`;
}
