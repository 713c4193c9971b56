import { describe, expect, it } from 'vitest';
import type { Journey, Me } from '../api/types';
import {
  activeFilterCount,
  apiFilter,
  boardHref,
  canMove,
  cardActions,
  columnQuery,
  dropAction,
  emptyFilters,
  filtersFromQuery,
  filtersFromSearch,
  filtersToQuery,
  filtersToSearch,
  groupByStage,
  relocate,
  sameFilters,
} from './boardModel';

let n = 0;
function makeJourney(overrides: Partial<Journey> = {}): Journey {
  n += 1;
  return {
    id: `j${n}`,
    accountId: `a${n}`,
    accountName: `PT Contoh ${n}`,
    solutionId: 'sol-dc',
    solutionName: 'Data Center',
    teamId: 'team-smb',
    ownerId: 'u-am',
    saId: null,
    marcommId: null,
    valueMinor: 150_000_000,
    currency: 'IDR',
    expectedDecisionDate: null,
    principalInvolvement: null,
    stage: 'knowledge',
    outcome: 'open',
    outcomeReason: null,
    stageEnteredAt: '2025-01-01T00:00:00.000Z',
    lastActivityAt: null,
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function makeUser(overrides: Partial<Me['user']> = {}): Me['user'] {
  return {
    id: 'u-am',
    email: 'am@example.test',
    name: 'Andi Wijaya',
    role: 'account_manager',
    teamId: 'team-smb',
    locale: 'id',
    timeZone: 'Asia/Jakarta',
    active: true,
    version: 1,
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('board model', () => {
  it('groups open journeys into the five stage columns in order', () => {
    const columns = groupByStage([
      makeJourney({ stage: 'decision' }),
      makeJourney({ stage: 'knowledge' }),
      makeJourney({ stage: 'decision', outcome: 'rejected' }),
    ]);
    expect(Object.keys(columns)).toEqual(['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation']);
    expect(columns.decision).toHaveLength(1);
    expect(columns.knowledge).toHaveLength(1);
    expect(columns.persuasion).toHaveLength(0);
  });

  it('keeps only the journeys of the chosen solution, owner and team', () => {
    const journeys = [makeJourney(), makeJourney({ solutionId: 'sol-sec' }), makeJourney({ ownerId: 'u-other' }), makeJourney({ teamId: 'team-ent' })];
    expect(groupByStage(journeys, { ...emptyFilters, solution: 'sol-sec' }).knowledge).toHaveLength(1);
    expect(groupByStage(journeys, { ...emptyFilters, owner: 'u-am' }).knowledge).toHaveLength(3);
    expect(groupByStage(journeys, { ...emptyFilters, solution: 'sol-dc', owner: 'u-am' }).knowledge).toHaveLength(2);
    expect(groupByStage(journeys, { ...emptyFilters, team: 'team-ent' }).knowledge).toHaveLength(1);
  });

  it('asks the API for one column at a time with every filter under the API’s names', () => {
    expect(columnQuery('persuasion', emptyFilters)).toEqual({ stage: 'persuasion', outcome: 'open', limit: 100, sort: 'stageEnteredAt' });
    expect(columnQuery('decision', { solution: 's1', principal: 'p1', team: 't1', owner: 'u1', city: 'Surabaya', tier: 'smb' }, 'c2')).toEqual({
      stage: 'decision',
      outcome: 'open',
      limit: 100,
      sort: 'stageEnteredAt',
      solutionId: 's1',
      principalId: 'p1',
      teamId: 't1',
      ownerId: 'u1',
      city: 'Surabaya',
      tier: 'smb',
      cursor: 'c2',
    });
  });

  it('round-trips the filters through the address bar under the names the analytics dashboards use', () => {
    const filters = { ...emptyFilters, solution: 's1', principal: 'p1', city: 'Jakarta Selatan', tier: 'enterprise' };
    expect(filtersToSearch(filters)).toBe('?solution=s1&principal=p1&city=Jakarta+Selatan&tier=enterprise');
    expect(filtersFromSearch(filtersToSearch(filters))).toEqual(filters);
    expect(filtersToSearch(emptyFilters)).toBe('');
    expect(boardHref({ ...emptyFilters, team: 't1', owner: 'u1' })).toBe('/pipeline?team=t1&owner=u1');
  });

  it('reads a shared link leniently: blanks, unknown parameters and an unknown tier are dropped', () => {
    expect(filtersFromSearch('?solution=%20&tier=gold&view=funnel&city=%20Surabaya%20')).toEqual({ ...emptyFilters, city: 'Surabaya' });
    expect(filtersFromSearch('')).toEqual(emptyFilters);
  });

  it('stores in a saved view only the filters that are set, and counts them', () => {
    const filters = { ...emptyFilters, owner: 'u1', tier: 'smb' };
    expect(filtersToQuery(filters)).toEqual({ owner: 'u1', tier: 'smb' });
    expect(filtersFromQuery(filtersToQuery(filters))).toEqual(filters);
    expect(activeFilterCount(filters)).toBe(2);
    expect(activeFilterCount(emptyFilters)).toBe(0);
    expect(sameFilters(filters, filtersFromSearch('?tier=smb&owner=u1'))).toBe(true);
    expect(sameFilters(filters, { ...filters, city: 'Bandung' })).toBe(false);
    expect(apiFilter(filters)).toEqual({ ownerId: 'u1', tier: 'smb' });
  });

  it('offers every other stage and the outcomes the stage machine allows', () => {
    expect(cardActions({ stage: 'knowledge', outcome: 'open' })).toEqual([
      { kind: 'move', to: 'persuasion' },
      { kind: 'move', to: 'decision' },
      { kind: 'move', to: 'implementation' },
      { kind: 'move', to: 'confirmation' },
      { kind: 'reject' },
    ]);
    expect(cardActions({ stage: 'confirmation', outcome: 'open' }).map((a) => a.kind)).toEqual(['move', 'move', 'move', 'move', 'adopt', 'discontinue']);
    expect(cardActions({ stage: 'decision', outcome: 'rejected' })).toEqual([{ kind: 'reopen' }]);
  });

  it('turns a drop on another column into a move and a drop in place into nothing', () => {
    expect(dropAction({ stage: 'knowledge' }, 'persuasion')).toEqual({ kind: 'move', to: 'persuasion' });
    expect(dropAction({ stage: 'knowledge' }, 'knowledge')).toBeNull();
    expect(dropAction({ stage: 'knowledge' }, null)).toBeNull();
    expect(dropAction({ stage: 'knowledge' }, 'not-a-stage')).toBeNull();
  });

  it('lets the owner, the team manager and admins move, and never a viewer', () => {
    const journey = makeJourney();
    expect(canMove(makeUser(), journey)).toBe(true);
    expect(canMove(makeUser({ id: 'u-else' }), journey)).toBe(false);
    expect(canMove(makeUser({ id: 'u-mgr', role: 'sales_manager' }), journey)).toBe(true);
    expect(canMove(makeUser({ role: 'admin', id: 'x', teamId: null }), journey)).toBe(true);
    expect(canMove(makeUser({ role: 'viewer' }), journey)).toBe(false);
    expect(canMove(null, journey)).toBe(false);
  });

  it('relocates a moved journey and drops a closed one from the board', () => {
    const a = makeJourney();
    const columns = groupByStage([a]);
    const moved = relocate(columns, { ...a, stage: 'persuasion' });
    expect(moved.knowledge).toHaveLength(0);
    expect(moved.persuasion.map((j) => j.id)).toEqual([a.id]);
    expect(relocate(moved, { ...a, stage: 'persuasion', outcome: 'rejected' }).persuasion).toHaveLength(0);
  });
});
