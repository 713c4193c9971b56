import { availableTransitions } from '../../../src/domain/stages';
import { can } from '../../../src/domain/policy';
import { stages, tiers } from '../../../src/shared/vocabulary';
import type { JourneyListParams } from '../api/client';
import type { Journey, Me, Stage } from '../api/types';

/**
 * The pipeline board's logic, kept out of the components: filters, the query of each
 * column, grouping, what a card offers and what a drop means. The stage machine and the
 * permission rule are the server's own domain modules, imported, never restated.
 */

/**
 * The board's filters, under the names the address bar uses (?solution=&principal=&team=&owner=&city=&tier=),
 * the same names the analytics dashboards read, so a filtered board can be shared or opened from there.
 */
export const boardFilterKeys = ['solution', 'principal', 'team', 'owner', 'city', 'tier'] as const;
export type BoardFilterKey = (typeof boardFilterKeys)[number];
export type BoardFilters = Record<BoardFilterKey, string | null>;

export const emptyFilters: BoardFilters = { solution: null, principal: null, team: null, owner: null, city: null, tier: null };
export const COLUMN_PAGE_SIZE = 100;
export const boardStages: readonly Stage[] = stages;

/** GET /api/journeys parameters with the board's filters (the shared client's type plus principal, team, city, tier). */
export interface BoardListParams extends JourneyListParams {
  principalId?: string;
  teamId?: string;
  city?: string;
  tier?: string;
}

/** The API's names for the same filters (GET /api/journeys and /api/journeys/summary). */
const apiNames = { solution: 'solutionId', principal: 'principalId', team: 'teamId', owner: 'ownerId', city: 'city', tier: 'tier' } as const satisfies Record<BoardFilterKey, keyof BoardListParams>;

/** Filters from the address bar; unknown parameters are ignored, and a tier the server does not know is dropped. */
export function filtersFromSearch(search: string): BoardFilters {
  const params = new URLSearchParams(search);
  return filtersFromQuery(Object.fromEntries(boardFilterKeys.map((key) => [key, params.get(key) ?? ''])));
}

/** Filters from a saved view's query (the same names as the address bar). */
export function filtersFromQuery(query: Readonly<Record<string, string>>): BoardFilters {
  const out = { ...emptyFilters };
  for (const key of boardFilterKeys) out[key] = query[key]?.trim() || null;
  if (out.tier !== null && !(tiers as readonly string[]).includes(out.tier)) out.tier = null;
  return out;
}

/** The filters that are set, in the fixed order: what a saved view stores. */
export function filtersToQuery(filters: BoardFilters): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of boardFilterKeys) {
    const value = filters[key]?.trim();
    if (value) out[key] = value;
  }
  return out;
}

export function filtersToSearch(filters: BoardFilters): string {
  const text = new URLSearchParams(filtersToQuery(filters)).toString();
  return text ? `?${text}` : '';
}

/** The address of the board with these filters. */
export function boardHref(filters: BoardFilters): string {
  return `/pipeline${filtersToSearch(filters)}`;
}

export function activeFilterCount(filters: BoardFilters): number {
  return Object.keys(filtersToQuery(filters)).length;
}

export function sameFilters(a: BoardFilters, b: BoardFilters): boolean {
  return filtersToSearch(a) === filtersToSearch(b);
}

/** The filters as API parameters; unset ones are left out. */
export function apiFilter(filters: BoardFilters): Partial<Record<(typeof apiNames)[BoardFilterKey], string>> {
  const out: Partial<Record<(typeof apiNames)[BoardFilterKey], string>> = {};
  for (const [key, value] of Object.entries(filtersToQuery(filters))) out[apiNames[key as BoardFilterKey]] = value;
  return out;
}

/** The API query that fills one column: open journeys in that stage, longest-waiting first. */
export function columnQuery(stage: Stage, filters: BoardFilters, cursor?: string): BoardListParams {
  return {
    stage,
    outcome: 'open',
    limit: COLUMN_PAGE_SIZE,
    sort: 'stageEnteredAt',
    ...apiFilter(filters),
    ...(cursor ? { cursor } : {}),
  };
}

/**
 * Whether a journey passes the filters it carries the facts for (solution, owner, team); principal,
 * city and tier live on the solution and the account, and only the server applies them.
 */
export function matchesFilters(journey: Journey, filters: BoardFilters): boolean {
  if (filters.solution && journey.solutionId !== filters.solution) return false;
  if (filters.owner && journey.ownerId !== filters.owner) return false;
  if (filters.team && journey.teamId !== filters.team) return false;
  return true;
}

/** Open journeys that pass the filters, grouped into the board's columns in stage order. */
export function groupByStage(journeys: readonly Journey[], filters: BoardFilters = emptyFilters): Record<Stage, Journey[]> {
  const columns = Object.fromEntries(boardStages.map((s) => [s, [] as Journey[]])) as Record<Stage, Journey[]>;
  for (const journey of journeys) {
    if (journey.outcome !== 'open' || !matchesFilters(journey, filters)) continue;
    columns[journey.stage].push(journey);
  }
  return columns;
}

/** Whether the signed-in user may move this journey (mirrors the server's answer to hide controls). */
export function canMove(me: Me['user'] | null | undefined, journey: Journey): boolean {
  if (!me) return false;
  return can(
    { userId: me.id, role: me.role, teamId: me.teamId },
    'write',
    { type: 'journey', ownerId: journey.ownerId, saId: journey.saId, marcommId: journey.marcommId, teamId: journey.teamId },
  );
}

export type CardAction = { kind: 'move'; to: Stage } | { kind: 'reject' } | { kind: 'discontinue' } | { kind: 'adopt' } | { kind: 'reopen' };

/**
 * What a card's "Move to…" menu lists. Every other stage is offered, so the server (the
 * one place the stage machine runs) answers a skipped stage with its reason; outcomes come
 * from the domain's list of available transitions.
 */
export function cardActions(journey: Pick<Journey, 'stage' | 'outcome'>): CardAction[] {
  const kinds = availableTransitions(journey);
  const actions: CardAction[] = [];
  if (kinds.includes('move')) for (const stage of boardStages) if (stage !== journey.stage) actions.push({ kind: 'move', to: stage });
  if (kinds.includes('adopt')) actions.push({ kind: 'adopt' });
  if (kinds.includes('reject')) actions.push({ kind: 'reject' });
  if (kinds.includes('discontinue')) actions.push({ kind: 'discontinue' });
  if (kinds.includes('reopen')) actions.push({ kind: 'reopen' });
  return actions;
}

/** A drop onto a column: a move, or nothing when the card is dropped where it was. */
export function dropAction(journey: Pick<Journey, 'stage'>, overStage: string | null | undefined): CardAction | null {
  if (!overStage || !isStage(overStage) || overStage === journey.stage) return null;
  return { kind: 'move', to: overStage };
}

export function isStage(value: string): value is Stage {
  return (boardStages as readonly string[]).includes(value);
}

/** Moves a journey between two loaded column lists (after the server said yes), newest arrivals last. */
export function relocate(columns: Record<Stage, Journey[]>, moved: Journey): Record<Stage, Journey[]> {
  const next = Object.fromEntries(boardStages.map((s) => [s, columns[s].filter((j) => j.id !== moved.id)])) as Record<Stage, Journey[]>;
  if (moved.outcome === 'open') next[moved.stage].push(moved);
  return next;
}
