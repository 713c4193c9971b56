/**
 * Which playbook entries a journey's team should read (issue 5 §5), as a pure rule: the entries
 * of the journey's stage that fit at least one persona among its contacts, the most specific first.
 *
 * An entry fits a persona when its proficiency and its division are each either unset (for
 * everyone) or equal to the persona's. Relevance: 1 for a generic entry, +2 for a matching
 * proficiency, +1 for a matching division, the best over the personas. With no persona known,
 * every entry of the stage is shown, the generic ones first.
 */
export interface Persona {
  proficiency: string;
  division: string;
}

export interface Targeted {
  stage: string;
  proficiency: string | null;
  division: string | null;
  kind: string;
  position: number;
  id: string;
}

const kindOrder = ['talk_track', 'question', 'objection', 'tip'];

export function relevance(entry: Pick<Targeted, 'proficiency' | 'division'>, personas: readonly Persona[]): number | null {
  if (personas.length === 0) return entry.proficiency === null && entry.division === null ? 1 : 0;
  let best: number | null = null;
  for (const p of personas) {
    if (entry.proficiency !== null && entry.proficiency !== p.proficiency) continue;
    if (entry.division !== null && entry.division !== p.division) continue;
    const score = 1 + (entry.proficiency !== null ? 2 : 0) + (entry.division !== null ? 1 : 0);
    if (best === null || score > best) best = score;
  }
  return best;
}

/** The entries for `stage` and `personas`, ordered by relevance, then kind, position and id. */
export function selectPlaybook<T extends Targeted>(entries: readonly T[], stage: string, personas: readonly Persona[]): (T & { relevance: number })[] {
  const chosen: (T & { relevance: number })[] = [];
  for (const entry of entries) {
    if (entry.stage !== stage) continue;
    const score = relevance(entry, personas);
    if (score !== null) chosen.push({ ...entry, relevance: score });
  }
  return chosen.sort(
    (a, b) =>
      b.relevance - a.relevance ||
      kindOrder.indexOf(a.kind) - kindOrder.indexOf(b.kind) ||
      a.position - b.position ||
      (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
  );
}

/** Distinct personas with how many contacts have each, in a stable order. */
export function personasOf(contacts: readonly Persona[]): (Persona & { contacts: number })[] {
  const counts = new Map<string, Persona & { contacts: number }>();
  for (const c of contacts) {
    const key = `${c.proficiency}|${c.division}`;
    const seen = counts.get(key);
    if (seen) seen.contacts += 1;
    else counts.set(key, { proficiency: c.proficiency, division: c.division, contacts: 1 });
  }
  return [...counts.values()].sort((a, b) => b.contacts - a.contacts || `${a.proficiency}|${a.division}`.localeCompare(`${b.proficiency}|${b.division}`));
}
