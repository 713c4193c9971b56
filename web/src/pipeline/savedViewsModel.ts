import type { SavedView } from '../../../src/shared/schemas/saved-views';

/**
 * What the saved-views menu shows, kept out of the component: the user's own views first,
 * then the ones colleagues share, each group by name; which one the screen is showing now;
 * and the check of a new name before it is sent (the server has the last word: 409).
 */
export function groupViews(views: readonly SavedView[], meId: string): { mine: SavedView[]; shared: SavedView[] } {
  const byName = (a: SavedView, b: SavedView) => a.name.localeCompare(b.name, undefined, { sensitivity: 'base' }) || a.id.localeCompare(b.id);
  return {
    mine: views.filter((v) => v.userId === meId).sort(byName),
    shared: views.filter((v) => v.userId !== meId && v.shared).sort(byName),
  };
}

/** The parameters of a query in a canonical form (keys sorted, empty values left out), to compare two of them. */
export function canonicalQuery(query: Readonly<Record<string, string>>): string {
  return Object.entries(query)
    .filter(([, v]) => v.trim() !== '')
    .map(([k, v]) => [k, v.trim()] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, v]) => `${k}=${v}`)
    .join('&');
}

/** The view whose filters are exactly the current ones (the user's own preferred), or null. */
export function currentView(views: readonly SavedView[], query: Readonly<Record<string, string>>, meId: string): SavedView | null {
  const key = canonicalQuery(query);
  const matches = views.filter((v) => canonicalQuery(v.query) === key);
  return matches.find((v) => v.userId === meId) ?? matches[0] ?? null;
}

export type NameProblem = 'savedViews.nameRequired' | 'savedViews.nameTooLong' | 'savedViews.nameTaken';

/** A name the server would refuse, told before sending: empty, too long, or already one of the user's views (any case). */
export function nameProblem(name: string, views: readonly SavedView[], meId: string, exceptId?: string): NameProblem | null {
  const trimmed = name.trim();
  if (!trimmed) return 'savedViews.nameRequired';
  if (trimmed.length > 80) return 'savedViews.nameTooLong';
  const key = trimmed.toLowerCase();
  if (views.some((v) => v.userId === meId && v.id !== exceptId && v.name.trim().toLowerCase() === key)) return 'savedViews.nameTaken';
  return null;
}
