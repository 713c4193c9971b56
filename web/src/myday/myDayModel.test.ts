import { describe, expect, it } from 'vitest';
import type { Journey, Task } from '../api/types';
import { dayIn, daysQuiet, staleJourneys, taskBuckets } from './myDayModel';

function makeTask(overrides: Partial<Task>): Task {
  return {
    id: 't',
    title: 'Follow up',
    notes: null,
    assigneeId: 'u1',
    dueAt: null,
    status: 'open',
    relatedType: null,
    relatedId: null,
    accountId: null,
    source: 'manual',
    createdBy: 'u1',
    completedAt: null,
    version: 1,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...overrides,
  };
}

function makeJourney(overrides: Partial<Journey>): Journey {
  return {
    id: 'j',
    accountId: 'a',
    accountName: 'PT Bank Sejahtera',
    solutionId: 's',
    solutionName: 'Data Center',
    teamId: null,
    ownerId: 'u1',
    saId: null,
    marcommId: null,
    valueMinor: 0,
    currency: 'IDR',
    expectedDecisionDate: null,
    principalInvolvement: null,
    stage: 'knowledge',
    outcome: 'open',
    outcomeReason: null,
    stageEnteredAt: '2026-03-01T00:00:00.000Z',
    lastActivityAt: null,
    version: 1,
    createdAt: '2026-03-01T00:00:00.000Z',
    updatedAt: '2026-03-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('My day', () => {
  // 10:00 in Jakarta (UTC+7) on 10 March.
  const now = new Date('2026-03-10T03:00:00Z');

  it('reads the calendar day in the user’s time zone', () => {
    expect(dayIn(new Date('2026-03-10T18:00:00Z'), 'Asia/Jakarta')).toBe('2026-03-11');
    expect(dayIn(new Date('2026-03-10T18:00:00Z'), 'UTC')).toBe('2026-03-10');
  });

  it('sorts open tasks into overdue, due today, later and undated', () => {
    const buckets = taskBuckets(
      [
        makeTask({ id: 'past', dueAt: '2026-03-10T01:00:00Z' }),
        makeTask({ id: 'tonight', dueAt: '2026-03-10T15:00:00Z' }),
        makeTask({ id: 'tomorrow', dueAt: '2026-03-10T18:00:00Z' }),
        makeTask({ id: 'someday' }),
        makeTask({ id: 'finished', status: 'done', dueAt: '2026-03-01T00:00:00Z' }),
      ],
      now,
      'Asia/Jakarta',
    );
    expect(buckets.overdue.map((t) => t.id)).toEqual(['past']);
    expect(buckets.today.map((t) => t.id)).toEqual(['tonight']);
    expect(buckets.later.map((t) => t.id)).toEqual(['tomorrow']);
    expect(buckets.undated.map((t) => t.id)).toEqual(['someday']);
  });

  it('counts quiet days from the later of the last activity and the last stage move', () => {
    expect(daysQuiet(makeJourney({ stageEnteredAt: '2026-02-20T03:00:00Z', lastActivityAt: null }), now)).toBe(18);
    expect(daysQuiet(makeJourney({ stageEnteredAt: '2026-02-20T03:00:00Z', lastActivityAt: '2026-03-05T03:00:00Z' }), now)).toBe(5);
    expect(daysQuiet(makeJourney({ stageEnteredAt: '2026-03-08T03:00:00Z', lastActivityAt: '2026-01-05T03:00:00Z' }), now)).toBe(2);
  });

  it('lists open journeys untouched for 14 days, the quietest first', () => {
    const stale = staleJourneys(
      [
        makeJourney({ id: 'fresh', stageEnteredAt: '2026-03-01T03:00:00Z' }),
        makeJourney({ id: 'quiet', stageEnteredAt: '2026-02-24T03:00:00Z' }),
        makeJourney({ id: 'quietest', stageEnteredAt: '2026-01-01T00:00:00Z' }),
        makeJourney({ id: 'closed', stageEnteredAt: '2026-01-01T00:00:00Z', outcome: 'adopted' }),
        makeJourney({ id: 'touched', stageEnteredAt: '2026-01-01T00:00:00Z', lastActivityAt: '2026-03-09T00:00:00Z' }),
      ],
      now,
    );
    expect(stale.map((j) => j.id)).toEqual(['quietest', 'quiet']);
  });
});
