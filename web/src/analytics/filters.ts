import { firstTouchChannels } from '../../../src/domain/firstTouch';

/**
 * The analytics filters live in the address bar, under the same names the pipeline board uses
 * (solution, principal, team, owner, city, tier), plus the period (from, to, both inclusive)
 * and the first-touch channel, so a filtered view can be shared and opened from the board.
 */
export const filterKeys = ['solution', 'principal', 'team', 'owner', 'city', 'tier', 'channel', 'from', 'to'] as const;
export type FilterKey = (typeof filterKeys)[number];
export type AnalyticsFilters = Record<FilterKey, string | null>;

export const analyticsViews = ['funnel', 'diffusion', 'adopters', 'heatmap', 'practice', 'satisfaction'] as const;
export type AnalyticsView = (typeof analyticsViews)[number];

const datePattern = /^\d{4}-\d{2}-\d{2}$/;

export function filtersFromSearch(search: string): AnalyticsFilters {
  const params = new URLSearchParams(search);
  const out = Object.fromEntries(filterKeys.map((key) => [key, params.get(key)?.trim() || null])) as AnalyticsFilters;
  // A malformed date or channel in a shared link is dropped rather than sent to the server.
  for (const key of ['from', 'to'] as const) if (out[key] !== null && !datePattern.test(out[key] ?? '')) out[key] = null;
  if (out.channel !== null && !(firstTouchChannels as readonly string[]).includes(out.channel)) out.channel = null;
  return out;
}

export function viewFromSearch(search: string): AnalyticsView {
  const view = new URLSearchParams(search).get('view');
  return (analyticsViews as readonly string[]).includes(view ?? '') ? (view as AnalyticsView) : 'funnel';
}

/** The address for a view and its filters (empty filters left out). */
export function analyticsHref(view: AnalyticsView, filters: AnalyticsFilters, extra: Record<string, string | null> = {}): string {
  const params = new URLSearchParams();
  if (view !== 'funnel') params.set('view', view);
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  for (const [key, value] of Object.entries(extra)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `/analytics?${text}` : '/analytics';
}

/** The API's names for the same filters (GET /api/analytics/funnel, /selling-practice). */
export function apiFilter(filters: AnalyticsFilters): Record<string, string> {
  const names: Record<FilterKey, string> = {
    solution: 'solutionId',
    principal: 'principalId',
    team: 'teamId',
    owner: 'ownerId',
    city: 'city',
    tier: 'tier',
    channel: 'channel',
    from: 'from',
    to: 'to',
  };
  const out: Record<string, string> = {};
  for (const key of filterKeys) {
    const value = filters[key];
    if (value) out[names[key]] = value;
  }
  return out;
}

export const emptyAnalyticsFilters: AnalyticsFilters = Object.fromEntries(filterKeys.map((k) => [k, null])) as AnalyticsFilters;
