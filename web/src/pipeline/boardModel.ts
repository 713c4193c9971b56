import { availableTransitions } from '../../../src/domain/stages';
import { can } from '../../../src/domain/policy';
import { stages } from '../../../src/shared/vocabulary';
import type { JourneyListParams } from '../api/client';
import type { Journey, Me, Stage } from '../api/types';

/**
 * The pipeline board's logic, kept out of the components: filters, the query of each
 * column, grouping, what a card offers and what a drop means. The stage machine and the
 * permission rule are the server's own domain modules, imported, never restated.
 */

export interface BoardFilters {
  solutionId: string | null;
  ownerId: string | null;
}

export const emptyFilters: BoardFilters = { solutionId: null, ownerId: null };
export const COLUMN_PAGE_SIZE = 100;
export const boardStages: readonly Stage[] = stages;

/** Filters from the address bar (?solution=…&owner=…), so a filtered board can be shared. */
export function filtersFromSearch(search: string): BoardFilters {
  const params = new URLSearchParams(search);
  return { solutionId: params.get('solution') || null, ownerId: params.get('owner') || null };
}

export function filtersToSearch(filters: BoardFilters): string {
  const params = new URLSearchParams();
  if (filters.solutionId) params.set('solution', filters.solutionId);
  if (filters.ownerId) params.set('owner', filters.ownerId);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The API query that fills one column: open journeys in that stage, longest-waiting first. */
export function columnQuery(stage: Stage, filters: BoardFilters, cursor?: string): JourneyListParams {
  return {
    stage,
    outcome: 'open',
    limit: COLUMN_PAGE_SIZE,
    sort: 'stageEnteredAt',
    ...(filters.solutionId ? { solutionId: filters.solutionId } : {}),
    ...(filters.ownerId ? { ownerId: filters.ownerId } : {}),
    ...(cursor ? { cursor } : {}),
  };
}

export function matchesFilters(journey: Journey, filters: BoardFilters): boolean {
  if (filters.solutionId && journey.solutionId !== filters.solutionId) return false;
  if (filters.ownerId && journey.ownerId !== filters.ownerId) return false;
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
