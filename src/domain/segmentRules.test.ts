import { describe, expect, it } from 'vitest';
import {
  evaluateRule,
  formatIssuePath,
  segmentFields,
  checkRule,
  solutionRefs,
  validateRule,
  type AccountFact,
  type ContactFact,
  type SegmentFacts,
  type SegmentRule,
} from './segmentRules.js';

const now = '2024-06-30T12:00:00.000Z';

function account(id: string, o: Partial<AccountFact> = {}): AccountFact {
  return {
    id,
    name: `PT ${id}`,
    industry: 'banking',
    sizeBand: '250-999',
    tier: 'enterprise',
    city: 'Jakarta Selatan',
    province: 'DKI Jakarta',
    region: 'jabodetabek',
    relationship: 'new_logo',
    createdAt: '2024-01-15T03:00:00.000Z',
    ...o,
  };
}

function contact(id: string, accountId: string, o: Partial<ContactFact> = {}): ContactFact {
  return {
    id,
    accountId,
    title: 'IT Manager',
    division: 'it',
    seniority: 'manager',
    ageBand: null,
    techProficiency: 'advanced',
    influence: 'recommender',
    openness: 'high',
    email: null,
    phone: null,
    whatsapp: null,
    createdAt: '2024-02-01T00:00:00.000Z',
    ...o,
  };
}

const facts: SegmentFacts = {
  accounts: [
    account('a1'),
    account('a2', { city: 'Surabaya', province: 'Jawa Timur', region: 'java', industry: 'manufacturing', tier: 'smb', createdAt: '2023-12-31T23:59:59.999Z' }),
    account('a3', { city: 'Medan', province: 'Sumatera Utara', region: 'sumatra', name: '50% Off_Store \\ Co' }),
  ],
  contacts: [
    contact('c1', 'a1', { ageBand: '35_44', email: 'budi@bank.co.id' }),
    contact('c2', 'a1', { division: 'finance', seniority: 'director', title: null, techProficiency: 'beginner', influence: 'decision_maker' }),
    contact('c3', 'a2', { division: 'operations', openness: 'low', createdAt: '2024-06-29T00:00:00.000Z' }),
    contact('c4', 'a3', { title: 'Head of Infra', whatsapp: '+628111' }),
  ],
  journeys: [
    { accountId: 'a1', solutionId: 's1', stage: 'confirmation', outcome: 'adopted' },
    { accountId: 'a1', solutionId: 's2', stage: 'decision', outcome: 'open' },
    { accountId: 'a2', solutionId: 's1', stage: 'decision', outcome: 'rejected' },
    { accountId: 'a3', solutionId: 's2', stage: 'persuasion', outcome: 'open' },
  ],
  activities: [
    { accountId: 'a1', type: 'event_attendance', occurredAt: '2024-05-01T09:00:00.000Z', contactIds: ['c1'] },
    { accountId: 'a2', type: 'visit', occurredAt: '2024-01-01T09:00:00.000Z', contactIds: ['c3'] },
    { accountId: 'a3', type: 'call', occurredAt: '2024-07-05T09:00:00.000Z', contactIds: [] }, // planned, after now
  ],
};

function ids(rule: SegmentRule): string[] {
  expect(validateRule(rule)).toEqual([]);
  return evaluateRule(rule, facts, now).map((m) => m.contactId);
}

describe('the segment rule evaluator', () => {
  it('matches eq on enum fields of the contact and of the contact’s account', () => {
    expect(ids({ field: 'contact.division', op: 'eq', value: 'it' })).toEqual(['c1', 'c4']);
    expect(ids({ field: 'account.region', op: 'eq', value: 'java' })).toEqual(['c3']);
  });

  it('matches eq and in on text ignoring the case of ASCII letters', () => {
    expect(ids({ field: 'account.city', op: 'eq', value: 'jakarta selatan' })).toEqual(['c1', 'c2']);
    expect(ids({ field: 'account.city', op: 'in', value: ['MEDAN', 'Surabaya'] })).toEqual(['c3', 'c4']);
  });

  it('matches contains literally, with % _ and \\ as plain characters', () => {
    expect(ids({ field: 'account.name', op: 'contains', value: '50% off_' })).toEqual(['c4']);
    expect(ids({ field: 'account.name', op: 'contains', value: '\\ co' })).toEqual(['c4']);
    expect(ids({ field: 'account.name', op: 'contains', value: '%' })).toEqual(['c4']);
    expect(ids({ field: 'contact.title', op: 'contains', value: 'infra' })).toEqual(['c4']);
  });

  it('treats exists as presence, and a missing value as never equal', () => {
    expect(ids({ field: 'contact.title', op: 'exists' })).toEqual(['c1', 'c3', 'c4']);
    expect(ids({ field: 'contact.title', op: 'exists', value: false })).toEqual(['c2']);
    expect(ids({ field: 'contact.age_band', op: 'eq', value: '35_44' })).toEqual(['c1']);
    expect(ids({ not: { field: 'contact.age_band', op: 'eq', value: '35_44' } })).toEqual(['c2', 'c3', 'c4']);
  });

  it('compares dates by UTC calendar day for before, after and between', () => {
    expect(ids({ field: 'account.created_at', op: 'before', value: '2024-01-01' })).toEqual(['c3']);
    expect(ids({ field: 'account.created_at', op: 'after', value: '2024-01-14' })).toEqual(['c1', 'c2', 'c4']);
    expect(ids({ field: 'account.created_at', op: 'after', value: '2024-01-15' })).toEqual([]);
    expect(ids({ field: 'account.created_at', op: 'between', value: ['2023-12-31', '2023-12-31'] })).toEqual(['c3']);
  });

  it('counts days back from now for within_days and not_within_days', () => {
    expect(ids({ field: 'contact.created_at', op: 'within_days', value: { days: 7 } })).toEqual(['c3']);
    expect(ids({ field: 'contact.created_at', op: 'not_within_days', value: { days: 7 } })).toEqual(['c1', 'c2', 'c4']);
  });

  it('finds contacts who attended an event in the last 90 days, and accounts with no touch in N days', () => {
    expect(ids({ field: 'contact.activity', op: 'within_days', value: { days: 90, types: ['event_attendance'] } })).toEqual(['c1']);
    expect(ids({ field: 'contact.activity', op: 'within_days', value: { days: 30, types: ['event_attendance'] } })).toEqual([]);
    // a3's call lies in the future: it is not a touch yet.
    expect(ids({ field: 'account.activity', op: 'not_within_days', value: { days: 90 } })).toEqual(['c3', 'c4']);
    expect(ids({ field: 'account.activity', op: 'not_within_days', value: { days: 60 } })).toEqual(['c1', 'c2', 'c3', 'c4']);
  });

  it('finds adopters of a solution, existing customers versus new logos, and open journeys by stage', () => {
    expect(ids({ field: 'journey.adopted', op: 'eq', value: 's1' })).toEqual(['c1', 'c2']);
    expect(ids({ field: 'journey.adopted', op: 'in', value: ['s2', 'sX'] })).toEqual([]);
    expect(ids({ field: 'journey.adopted', op: 'exists', value: false })).toEqual(['c3', 'c4']);
    expect(ids({ field: 'account.customer', op: 'eq', value: false })).toEqual(['c3', 'c4']);
    expect(ids({ field: 'account.adopted_count', op: 'between', value: [1, 3] })).toEqual(['c1', 'c2']);
    expect(ids({ field: 'journey.stage', op: 'in_stage', value: { solutionId: null, stages: ['decision'] } })).toEqual(['c1', 'c2']);
    expect(ids({ field: 'journey.stage', op: 'in_stage', value: { solutionId: 's2', stages: ['persuasion', 'decision'] } })).toEqual(['c1', 'c2', 'c4']);
  });

  it('combines conditions with all, any and not; an empty all matches everyone and an empty any no one', () => {
    expect(
      ids({ all: [{ field: 'account.region', op: 'eq', value: 'jabodetabek' }, { not: { field: 'contact.division', op: 'in', value: ['finance'] } }] }),
    ).toEqual(['c1']);
    expect(ids({ any: [{ field: 'contact.division', op: 'eq', value: 'finance' }, { field: 'account.tier', op: 'eq', value: 'smb' }] })).toEqual(['c2', 'c3']);
    expect(ids({ all: [] })).toEqual(['c1', 'c2', 'c3', 'c4']);
    expect(ids({ any: [] })).toEqual([]);
  });
});

describe('segment rule validation', () => {
  const issues = (rule: unknown) => checkRule(rule).map((i) => [formatIssuePath(i.path), i.reason]);

  it('names an unknown field by its path in the tree', () => {
    expect(issues({ all: [{ field: 'contact.division', op: 'eq', value: 'it' }, { field: 'contact.shoe_size', op: 'eq', value: 42 }] })).toEqual([
      ['all.1.field', 'is not a known segment field'],
    ]);
  });

  it('refuses an operator the field does not accept', () => {
    expect(issues({ field: 'account.region', op: 'contains', value: 'ja' })[0]?.[0]).toBe('op');
    expect(issues({ field: 'contact.division', op: 'exists' })[0]?.[0]).toBe('op');
  });

  it('refuses values of the wrong type, naming the value', () => {
    for (const [rule, path] of [
      [{ any: [{ not: { field: 'contact.division', op: 'eq', value: 'marketing' } }] }, 'any.0.not.value'],
      [{ field: 'contact.seniority', op: 'in', value: [] }, 'value'],
      [{ field: 'account.created_at', op: 'before', value: '2024-02-30' }, 'value'],
      [{ field: 'account.created_at', op: 'between', value: ['2024-03-01', '2024-02-01'] }, 'value'],
      [{ field: 'account.adopted_count', op: 'eq', value: '2' }, 'value'],
      [{ field: 'account.customer', op: 'eq', value: 'yes' }, 'value'],
      [{ field: 'account.activity', op: 'within_days', value: { days: 0 } }, 'value'],
      [{ field: 'contact.activity', op: 'within_days', value: { days: 30, types: ['webinar'] } }, 'value'],
      [{ field: 'contact.created_at', op: 'within_days', value: { days: 30, types: ['visit'] } }, 'value'],
      [{ field: 'journey.stage', op: 'in_stage', value: { solutionId: null, stages: ['closing'] } }, 'value'],
      [{ field: 'account.city', op: 'contains', value: '' }, 'value'],
      [{ field: 'contact.title', op: 'exists', value: 'yes' }, 'value'],
    ] as const) {
      expect(issues(rule).map((i) => i[0])).toEqual([path]);
    }
  });

  it('reports every problem, not only the first', () => {
    expect(issues({ all: [{ field: 'x', op: 'eq', value: 1 }, { field: 'contact.division', op: 'eq', value: 1 }] }).map((i) => i[0])).toEqual([
      'all.0.field',
      'all.1.value',
    ]);
  });

  it('refuses trees nested too deep', () => {
    let rule: SegmentRule = { field: 'contact.division', op: 'eq', value: 'it' };
    for (let i = 0; i < 8; i++) rule = { not: rule };
    expect(validateRule(rule).length).toBe(1);
  });

  it('names malformed nodes of the tree before looking at the catalogue', () => {
    expect(issues({ field: 'contact.division', op: 'like', value: 'it' }).map((i) => i[0])).toEqual(['op']);
    expect(issues({ all: [{ field: 'contact.division', op: 'eq', value: 'it', extra: 1 }] }).map((i) => i[0])).toEqual(['all.0.extra']);
    expect(issues({ all: {} }).map((i) => i[0])).toEqual(['all']);
    expect(issues({ any: [null, 'x'] }).map((i) => i[0])).toEqual(['any.0', 'any.1']);
    expect(issues({ all: [], any: [] }).map((i) => i[0])).toEqual(['']);
    expect(issues(undefined).map((i) => i[0])).toEqual(['']);
    expect(issues({ not: { field: 42, op: 'eq' } }).map((i) => i[0])).toEqual(['not.field']);
  });

  it('lists the solution ids a rule refers to with their paths', () => {
    expect(
      solutionRefs({ all: [{ field: 'journey.adopted', op: 'in', value: ['s1', 's2'] }, { field: 'journey.stage', op: 'in_stage', value: { solutionId: 's3', stages: ['decision'] } }] }, ['body', 'rule']).map((r) => [formatIssuePath(r.path), r.id]),
    ).toEqual([
      ['body.rule.all.0.value', 's1'],
      ['body.rule.all.0.value', 's2'],
      ['body.rule.all.1.value.solutionId', 's3'],
    ]);
  });

  it('gives every catalogue field a label in both languages and at least one operator', () => {
    for (const f of segmentFields) {
      expect(f.label.id.length).toBeGreaterThan(0);
      expect(f.label.en.length).toBeGreaterThan(0);
      expect(f.ops.length).toBeGreaterThan(0);
      if (f.type === 'enum') expect(f.values?.length).toBeGreaterThan(0);
    }
    expect(new Set(segmentFields.map((f) => f.id)).size).toBe(segmentFields.length);
  });
});
