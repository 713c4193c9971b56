import { describe, expect, it } from 'vitest';
import type { Account, Journey } from '../api/types';
import { adoptionStatus, editFromAccount, solutionMatrix, statusCounts, validateAccountEdit } from './accountModel';

function makeJourney(overrides: Partial<Journey>): Journey {
  return {
    id: 'j',
    accountId: 'a',
    accountName: 'PT Bank Sejahtera',
    solutionId: 's1',
    solutionName: 'Data Center',
    teamId: null,
    ownerId: null,
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

const account: Account = {
  id: 'a',
  name: 'PT Bank Sejahtera',
  industry: 'banking',
  sizeBand: '250-999',
  tier: 'enterprise',
  city: 'Jakarta Selatan',
  province: 'DKI Jakarta',
  region: 'jabodetabek',
  relationship: 'new_logo',
  ownerId: 'am',
  teamId: 't',
  website: null,
  phone: null,
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
};

describe('the solutions × stage matrix', () => {
  it('reads knows, evaluates, uses, rejected and discontinued from the journey', () => {
    expect(adoptionStatus(undefined)).toBe('none');
    expect(adoptionStatus({ stage: 'knowledge', outcome: 'open' })).toBe('knows');
    expect(adoptionStatus({ stage: 'decision', outcome: 'open' })).toBe('evaluates');
    expect(adoptionStatus({ stage: 'implementation', outcome: 'open' })).toBe('uses');
    expect(adoptionStatus({ stage: 'confirmation', outcome: 'adopted' })).toBe('uses');
    expect(adoptionStatus({ stage: 'decision', outcome: 'rejected' })).toBe('rejected');
    expect(adoptionStatus({ stage: 'implementation', outcome: 'discontinued' })).toBe('discontinued');
  });

  it('has a row per solution, the furthest journeys first and untouched solutions last', () => {
    const rows = solutionMatrix(
      [makeJourney({ id: 'j1', solutionId: 's1', stage: 'knowledge' }), makeJourney({ id: 'j2', solutionId: 's2', solutionName: 'Security', stage: 'decision' })],
      [
        { id: 's3', name: 'Analytics' },
        { id: 's1', name: 'Data Center' },
        { id: 's2', name: 'Security' },
      ],
    );
    expect(rows.map((r) => [r.solutionName, r.status])).toEqual([
      ['Security', 'evaluates'],
      ['Data Center', 'knows'],
      ['Analytics', 'none'],
    ]);
    expect(rows[0]?.cells.decision).toBe(true);
    expect(rows[0]?.cells.knowledge).toBe(false);
    expect(Object.values(rows[2]?.cells ?? {}).some(Boolean)).toBe(false);
  });

  it('uses the latest journey when a solution was tried twice, and keeps solutions the catalogue page did not return', () => {
    const rows = solutionMatrix(
      [
        makeJourney({ id: 'old', solutionId: 's1', outcome: 'rejected', stage: 'decision', updatedAt: '2025-01-01T00:00:00.000Z' }),
        makeJourney({ id: 'new', solutionId: 's1', stage: 'persuasion', updatedAt: '2026-02-01T00:00:00.000Z' }),
        makeJourney({ id: 'x', solutionId: 'gone', solutionName: 'Legacy PBX', stage: 'confirmation', outcome: 'adopted' }),
      ],
      [{ id: 's1', name: 'Data Center' }],
    );
    expect(rows.find((r) => r.solutionId === 's1')?.journey?.id).toBe('new');
    expect(rows.find((r) => r.solutionId === 'gone')?.status).toBe('uses');
    expect(statusCounts(rows)).toMatchObject({ uses: 1, evaluates: 1, none: 0 });
  });
});

describe('the account profile form', () => {
  it('sends only the fields that changed, trimmed, with empty text as null', () => {
    const input = { ...editFromAccount(account), city: ' Surabaya ', website: 'https://banksejahtera.co.id', phone: '  ' };
    expect(validateAccountEdit(input, account)).toEqual({ ok: true, patch: { city: 'Surabaya', website: 'https://banksejahtera.co.id' } });
  });

  it('asks for a name, a city, a province and a web address that is one', () => {
    const result = validateAccountEdit({ ...editFromAccount(account), name: ' ', city: '', province: '', website: 'banksejahtera' }, account);
    expect(result).toEqual({
      ok: false,
      errors: { name: 'validation.required', city: 'validation.required', province: 'validation.required', website: 'validation.urlInvalid' },
    });
  });
});
