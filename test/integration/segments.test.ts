import fc from 'fast-check';
import { sql, type Kysely } from 'kysely';
import { beforeEach, expect, it } from 'vitest';
import type { Schema } from '../../src/db/schema.js';
import { segmentMembersQuery } from '../../src/db/repositories/segments.repository.js';
import { repositories } from '../../src/db/repositories/index.js';
import {
  evaluateRule,
  segmentFields,
  validateRule,
  type AccountFact,
  type ActivityFact,
  type ContactFact,
  type JourneyFact,
  type SegmentFacts,
  type SegmentField,
  type SegmentRule,
} from '../../src/domain/segmentRules.js';
import { stages } from '../../src/shared/vocabulary.js';
import { describeEachDatabase, type TestDatabase } from '../support/databases.js';
import { accountInput, activityInput, contactInput, json, makeSolution, testApp, type Account, type Contact, type TestApp } from '../support/app.js';

const NOW = '2024-06-30T12:00:00.000Z';
const SOLUTIONS = ['sol-1', 'sol-2', 'sol-3'];
const ACTIVITY_TYPES = ['visit', 'event_attendance', 'demo'] as const;

/** Instants around NOW, including the exact edges of the day windows and calendar days the rules use. */
const INSTANTS = [
  NOW,
  '2024-06-30T12:00:00.001Z', // just after now: not yet a touch
  '2024-07-05T09:00:00.000Z',
  '2024-06-23T12:00:00.000Z', // exactly 7 days before now
  '2024-06-23T11:59:59.999Z',
  '2024-05-31T23:59:59.999Z',
  '2024-06-01T00:00:00.000Z',
  '2024-04-01T12:00:00.000Z', // exactly 90 days before now
  '2024-01-01T00:00:00.000Z',
  '2023-12-31T23:59:59.999Z',
];
const DATES = ['2023-12-31', '2024-01-01', '2024-05-31', '2024-06-01', '2024-06-23', '2024-06-30'];
const TEXTS = ['Jakarta', 'jakarta', 'JAKARTA', 'Surabaya', 'baya', "'; drop table contacts; --", '%', '_', '\\', 'a%b', 'Ärzte', 'ärzte'];
const DAYS = [1, 7, 30, 90, 365];

// ---------------------------------------------------------------------------------------
// Random data and random rules
// ---------------------------------------------------------------------------------------

interface World {
  accounts: (AccountFact & { deleted: boolean })[];
  contacts: (ContactFact & { deleted: boolean })[];
  journeys: (JourneyFact & { deleted: boolean })[];
  activities: (ActivityFact & { deleted: boolean })[];
}

const pick = <T>(values: readonly T[]) => fc.constantFrom(...values);
const fieldOf = (id: string) => segmentFields.find((f) => f.id === id) as SegmentField;
const vocab = (id: string) => fieldOf(id).values as readonly string[];

const worldArb: fc.Arbitrary<World> = fc
  .array(
    fc.record({
      name: pick(TEXTS),
      industry: pick(['banking', 'retail']),
      sizeBand: pick(['1-49', '5000+']),
      tier: pick(vocab('account.tier')),
      city: pick(TEXTS),
      province: pick(['DKI Jakarta', 'Jawa Timur']),
      region: pick(['jabodetabek', 'java']),
      relationship: pick(vocab('account.relationship')),
      createdAt: pick(INSTANTS),
      deleted: fc.integer({ min: 0, max: 4 }).map((n) => n === 0),
      contacts: fc.array(
        fc.record({
          title: fc.option(pick(TEXTS), { nil: null }),
          division: pick(['it', 'finance']),
          seniority: pick(['manager', 'director']),
          ageBand: fc.option(pick(['25_34', '35_44']), { nil: null }),
          techProficiency: pick(vocab('contact.tech_proficiency')),
          influence: pick(vocab('contact.influence')),
          openness: pick(['low', 'high']),
          email: fc.option(pick(['budi@bank.co.id', 'RINA@ACME.ID']), { nil: null }),
          phone: fc.option(fc.constant('+62215551234'), { nil: null }),
          whatsapp: fc.option(fc.constant('+628111234567'), { nil: null }),
          createdAt: pick(INSTANTS),
          deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        }),
        { maxLength: 3 },
      ),
      journeys: fc.array(
        fc.record({
          solutionId: pick(SOLUTIONS),
          stage: pick(stages),
          outcome: pick(['open', 'adopted', 'rejected']),
          deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0),
        }),
        { maxLength: 3 },
      ),
      activities: fc.array(
        fc.record({ type: pick(ACTIVITY_TYPES), occurredAt: pick(INSTANTS), participantMask: fc.nat({ max: 7 }), deleted: fc.integer({ min: 0, max: 9 }).map((n) => n === 0) }),
        { maxLength: 3 },
      ),
    }),
    { minLength: 1, maxLength: 4 },
  )
  .map((raw) => {
    const world: World = { accounts: [], contacts: [], journeys: [], activities: [] };
    raw.forEach((a, ai) => {
      const accountId = `acc-${ai}`;
      const { contacts, journeys, activities, ...account } = a;
      world.accounts.push({ id: accountId, ...account });
      const contactIds = contacts.map((c, ci) => {
        const id = `con-${ai}-${ci}`;
        world.contacts.push({ id, accountId, ...c });
        return id;
      });
      const seen = new Set<string>();
      for (const j of journeys) {
        // One live journey per account and solution (the unique index).
        if (!j.deleted && seen.has(j.solutionId)) continue;
        if (!j.deleted) seen.add(j.solutionId);
        world.journeys.push({ accountId, ...j, stage: j.outcome === 'adopted' ? 'confirmation' : j.stage });
      }
      activities.forEach((act) => {
        world.activities.push({
          accountId,
          type: act.type,
          occurredAt: act.occurredAt,
          contactIds: contactIds.filter((_, i) => (act.participantMask >> i) & 1),
          deleted: act.deleted,
        });
      });
    });
    return world;
  });

function liveFacts(w: World): SegmentFacts {
  const accounts = w.accounts.filter((a) => !a.deleted);
  const live = new Set(accounts.map((a) => a.id));
  return {
    accounts,
    contacts: w.contacts.filter((c) => !c.deleted && live.has(c.accountId)),
    journeys: w.journeys.filter((j) => !j.deleted),
    activities: w.activities.filter((a) => !a.deleted),
  };
}

function leafArb(f: SegmentField): fc.Arbitrary<SegmentRule> {
  const arbs: fc.Arbitrary<SegmentRule>[] = [];
  const at = (op: SegmentRule extends infer R ? (R extends { op: infer O } ? O : never) : never, value: fc.Arbitrary<unknown>) =>
    arbs.push(value.map((v) => (v === undefined ? { field: f.id, op } : { field: f.id, op, value: v })) as fc.Arbitrary<SegmentRule>);
  const scalar: fc.Arbitrary<unknown> =
    f.type === 'enum'
      ? pick(f.values as readonly string[])
      : f.type === 'string'
        ? pick(TEXTS)
        : f.type === 'number'
          ? fc.integer({ min: 0, max: 3 })
          : f.type === 'boolean'
            ? fc.boolean()
            : pick([...SOLUTIONS, 'sol-unknown']);
  for (const op of f.ops) {
    switch (op) {
      case 'eq':
        at(op, scalar);
        break;
      case 'contains':
        at(op, pick(TEXTS));
        break;
      case 'in':
        at(op, fc.uniqueArray(scalar, { minLength: 1, maxLength: 3 }));
        break;
      case 'exists':
        at(op, fc.option(fc.boolean(), { nil: undefined }));
        break;
      case 'between':
        at(op, f.type === 'date' ? fc.tuple(pick(DATES), pick(DATES)).map(([x, y]) => (x <= y ? [x, y] : [y, x])) : fc.tuple(fc.integer({ min: 0, max: 3 }), fc.integer({ min: 0, max: 3 })).map(([x, y]) => [Math.min(x, y), Math.max(x, y)]));
        break;
      case 'before':
      case 'after':
        at(op, pick(DATES));
        break;
      case 'within_days':
      case 'not_within_days':
        at(
          op,
          f.type === 'activity'
            ? fc.record({ days: pick(DAYS), types: fc.option(fc.subarray([...ACTIVITY_TYPES]), { nil: undefined }) }).map((v) => (v.types === undefined ? { days: v.days } : v))
            : fc.record({ days: pick(DAYS) }),
        );
        break;
      case 'in_stage':
        at(op, fc.record({ solutionId: fc.option(pick(SOLUTIONS), { nil: null }), stages: fc.subarray([...stages], { minLength: 1 }) }));
        break;
    }
  }
  return fc.oneof(...arbs);
}

const anyLeaf = fc.oneof(...segmentFields.map(leafArb));
const ruleArb: fc.Arbitrary<SegmentRule> = fc.letrec<{ rule: SegmentRule }>((tie) => ({
  rule: fc.oneof(
    { maxDepth: 3, depthIdentifier: 'rule' },
    anyLeaf,
    fc.record({ all: fc.array(tie('rule'), { maxLength: 3 }) }),
    fc.record({ any: fc.array(tie('rule'), { maxLength: 3 }) }),
    fc.record({ not: tie('rule') }),
  ),
})).rule;

// ---------------------------------------------------------------------------------------
// Writing the facts straight into the tables (the property tests' fixture)
// ---------------------------------------------------------------------------------------

async function clearFacts(db: Kysely<Schema>) {
  for (const table of ['segment_members', 'activity_participants', 'activities', 'journeys', 'contacts', 'accounts', 'solutions'] as const) {
    await db.deleteFrom(table).execute();
  }
}

async function writeWorld(db: Kysely<Schema>, w: World) {
  const stamp = '2024-01-01T00:00:00.000Z';
  const deletedAt = (d: boolean) => (d ? stamp : null);
  await db
    .insertInto('solutions')
    .values(SOLUTIONS.map((id) => ({ id, name: id, category: 'cloud', description: null, launch_date: null, version: 1, created_at: stamp, updated_at: stamp, deleted_at: null })))
    .execute();
  for (const a of w.accounts) {
    await db
      .insertInto('accounts')
      .values({
        id: a.id,
        name: a.name,
        industry: a.industry,
        size_band: a.sizeBand,
        tier: a.tier,
        city: a.city,
        province: a.province,
        region: a.region,
        relationship: a.relationship,
        owner_id: null,
        team_id: null,
        website: null,
        phone: null,
        search_text: '',
        version: 1,
        created_at: a.createdAt,
        updated_at: stamp,
        deleted_at: deletedAt(a.deleted),
      })
      .execute();
  }
  for (const c of w.contacts) {
    await db
      .insertInto('contacts')
      .values({
        id: c.id,
        account_id: c.accountId,
        full_name: c.id,
        title: c.title,
        division: c.division,
        seniority: c.seniority,
        age_band: c.ageBand,
        tech_proficiency: c.techProficiency,
        influence: c.influence,
        openness: c.openness,
        email: c.email,
        phone: c.phone,
        whatsapp: c.whatsapp,
        linkedin: null,
        channels: '[]',
        consents: '{}',
        search_text: '',
        version: 1,
        created_at: c.createdAt,
        updated_at: stamp,
        deleted_at: deletedAt(c.deleted),
      })
      .execute();
  }
  let n = 0;
  for (const j of w.journeys) {
    await db
      .insertInto('journeys')
      .values({
        id: `jou-${++n}`,
        account_id: j.accountId,
        solution_id: j.solutionId,
        owner_id: null,
        sa_id: null,
        marcomm_id: null,
        value_minor: 0,
        currency: 'IDR',
        expected_decision_date: null,
        principal_involvement: null,
        stage: j.stage,
        outcome: j.outcome,
        outcome_reason: null,
        stage_entered_at: stamp,
        last_activity_at: null,
        search_text: '',
        version: 1,
        created_at: stamp,
        updated_at: stamp,
        deleted_at: deletedAt(j.deleted),
      })
      .execute();
  }
  for (const act of w.activities) {
    const id = `act-${++n}`;
    await db
      .insertInto('activities')
      .values({ id, type: act.type, subject: id, notes: null, occurred_at: act.occurredAt, account_id: act.accountId, journey_id: null, outcome: null, next_step: null, created_by: null, version: 1, created_at: stamp, updated_at: stamp, deleted_at: deletedAt(act.deleted) })
      .execute();
    for (const contactId of act.contactIds) {
      await db.insertInto('activity_participants').values({ activity_id: id, participant_type: 'contact', participant_id: contactId }).execute();
    }
  }
}

const byContact = (rows: { contact_id: string; account_id: string }[]) =>
  rows.map((r) => ({ contactId: r.contact_id, accountId: r.account_id })).sort((x, y) => (x.contactId < y.contactId ? -1 : x.contactId > y.contactId ? 1 : 0));

async function sqlMembers(t: TestDatabase, rule: SegmentRule) {
  return byContact(await segmentMembersQuery(t.db.kysely, t.dialect, rule, NOW).execute());
}

// ---------------------------------------------------------------------------------------

describeEachDatabase('Segment compiler', (t) => {
  it('returns exactly the contacts the in-memory evaluator finds, for random rules over random data', async () => {
    await fc.assert(
      fc.asyncProperty(worldArb, fc.array(ruleArb, { minLength: 1, maxLength: 12 }), async (world, rules) => {
        await clearFacts(t.db.kysely);
        await writeWorld(t.db.kysely, world);
        const facts = liveFacts(world);
        for (const rule of rules) {
          expect(validateRule(rule)).toEqual([]);
          expect(await sqlMembers(t, rule)).toEqual(evaluateRule(rule, facts, NOW));
        }
      }),
      { numRuns: 40 },
    );
  });

  it('agrees with the evaluator on every operator of every field over one fixed data set', async () => {
    const world = fc.sample(worldArb.filter((w) => w.contacts.length >= 4), { numRuns: 1, seed: 42 })[0] as World;
    await writeWorld(t.db.kysely, world);
    const facts = liveFacts(world);
    for (const f of segmentFields) {
      for (const rule of fc.sample(leafArb(f), { numRuns: 12, seed: 7 })) {
        expect({ rule, members: await sqlMembers(t, rule) }).toEqual({ rule, members: evaluateRule(rule, facts, NOW) });
      }
    }
  });

  it('matches injection strings and LIKE wildcards literally, binding every value as a parameter', async () => {
    const world: World = {
      accounts: ["'; drop table contacts; --", '100% Digital', 'Data_Center', 'C:\\Infra', 'Plain'].map((name, i) => ({
        id: `acc-${i}`,
        name,
        industry: 'banking',
        sizeBand: '1-49',
        tier: 'smb',
        city: name,
        province: 'DKI Jakarta',
        region: 'jabodetabek',
        relationship: 'new_logo',
        createdAt: NOW,
        deleted: false,
      })),
      contacts: [0, 1, 2, 3, 4].map((i) => ({
        id: `con-${i}`,
        accountId: `acc-${i}`,
        title: null,
        division: 'it',
        seniority: 'manager',
        ageBand: null,
        techProficiency: 'advanced',
        influence: 'user',
        openness: 'high',
        email: null,
        phone: null,
        whatsapp: null,
        createdAt: NOW,
        deleted: false,
      })),
      journeys: [],
      activities: [],
    };
    await writeWorld(t.db.kysely, world);
    const members = async (rule: SegmentRule) => (await sqlMembers(t, rule)).map((m) => m.contactId);

    expect(await members({ field: 'account.name', op: 'eq', value: "'; drop table contacts; --" })).toEqual(['con-0']);
    expect(await members({ field: 'account.city', op: 'contains', value: "'; drop" })).toEqual(['con-0']);
    expect(await members({ field: 'account.name', op: 'contains', value: '%' })).toEqual(['con-1']);
    expect(await members({ field: 'account.name', op: 'contains', value: '_' })).toEqual(['con-2']);
    expect(await members({ field: 'account.name', op: 'contains', value: '\\' })).toEqual(['con-3']);
    expect(await members({ field: 'account.name', op: 'in', value: ['%', '_', 'plain'] })).toEqual(['con-4']);
    expect(await members({ field: 'journey.adopted', op: 'eq', value: "x' or '1'='1" })).toEqual([]);

    const compiled = segmentMembersQuery(t.db.kysely, t.dialect, { field: 'account.name', op: 'eq', value: "'; drop table contacts; --" }, NOW).compile();
    expect(compiled.sql).not.toContain('drop table');
    expect(compiled.parameters).toContain("'; drop table contacts; --");
    const left = await sql<{ n: number }>`select count(*) as n from contacts`.execute(t.db.kysely);
    expect(Number(left.rows[0]?.n)).toBe(5);
  });

  it('refuses to compile a rule the catalogue does not accept', () => {
    expect(() => segmentMembersQuery(t.db.kysely, t.dialect, { field: 'contacts.id; --', op: 'eq', value: 1 }, NOW)).toThrow(/not valid/);
  });
});

describeEachDatabase('Segments API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  const itManagers: SegmentRule = {
    all: [
      { field: 'account.region', op: 'eq', value: 'jabodetabek' },
      { field: 'contact.division', op: 'eq', value: 'it' },
      { field: 'contact.seniority', op: 'in', value: ['manager', 'director'] },
    ],
  };

  async function people() {
    const admin = await h.makeUser('admin');
    const jakarta = json<Account>(await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const surabaya = json<Account>(await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city: 'Surabaya', province: 'Jawa Timur', region: 'java' }) }));
    const contact = async (accountId: string, o: Record<string, unknown> = {}) => json<Contact>(await admin.request({ method: 'POST', url: '/api/contacts', payload: contactInput(accountId, o) }));
    const budi = await contact(jakarta.id, { fullName: 'Budi Santoso' });
    const sari = await contact(jakarta.id, { fullName: 'Sari Dewi', division: 'finance' });
    const eko = await contact(surabaya.id, { fullName: 'Eko Prasetyo' });
    return { admin, jakarta, surabaya, budi, sari, eko, contact };
  }

  it('lets marcomm build a segment, counts and previews it live, and lets everyone read it while an account manager may not write', async () => {
    const { jakarta, budi } = await people();
    const marcomm = await h.makeUser('marcomm');
    const am = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');

    const count = await viewer.request({ method: 'POST', url: '/api/segments/count', payload: { rule: itManagers } });
    expect(count.statusCode).toBe(200);
    expect(count.json()).toEqual({ contacts: 1, accounts: 1 });
    const preview = await viewer.request({ method: 'POST', url: '/api/segments/preview', payload: { rule: itManagers, limit: 5 } });
    expect(preview.json()).toMatchObject({ contacts: 1, accounts: 1, items: [{ contactId: budi.id, fullName: 'Budi Santoso', accountId: jakarta.id, accountName: jakarta.name }] });

    const created = await marcomm.request({ method: 'POST', url: '/api/segments', payload: { name: 'IT managers in Jabodetabek', rule: itManagers } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'IT managers in Jabodetabek', kind: 'dynamic', ownerId: marcomm.user.id, memberCount: null, version: 1, rule: itManagers });
    const refused = await am.request({ method: 'POST', url: '/api/segments', payload: { name: 'Mine', rule: itManagers } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ record: 'segment' });

    for (const role of ['product_specialist', 'sales_manager'] as const) {
      const writer = await h.makeUser(role);
      expect((await writer.request({ method: 'POST', url: '/api/segments', payload: { name: `By ${role}`, rule: { all: [] } } })).statusCode).toBe(201);
    }
    const listed = (await viewer.request({ method: 'GET', url: '/api/segments' })).json();
    expect(listed.items.map((s: { name: string }) => s.name)).toEqual(['By product_specialist', 'By sales_manager', 'IT managers in Jabodetabek']);
    expect((await viewer.request({ method: 'GET', url: `/api/segments/${created.json().id}` })).json().id).toBe(created.json().id);

    const audit = await h.deps.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('record_type', '=', 'segment').where('record_id', '=', created.json().id).execute();
    expect(audit).toEqual([{ action: 'create', actor_id: marcomm.user.id }]);
  });

  it('names the offending part of the rule in a 400', async () => {
    const marcomm = await h.makeUser('marcomm');
    const post = (url: string, payload: object) => marcomm.request({ method: 'POST', url, payload });
    const issues = async (url: string, payload: object) => {
      const response = await post(url, payload);
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues.map((i: { field: string }) => i.field);
    };

    expect(await issues('/api/segments/count', { rule: { all: [itManagers.all[0], { field: 'contact.division', op: 'eq', value: 'marketing' }] } })).toEqual(['body.rule.all.1.value']);
    expect(await issues('/api/segments/count', { rule: { any: [{ field: 'contact.shoe_size', op: 'eq', value: 42 }] } })).toEqual(['body.rule.any.0.field']);
    expect(await issues('/api/segments', { name: 'x', rule: { not: { field: 'account.region', op: 'contains', value: 'ja' } } })).toEqual(['body.rule.not.op']);
    expect(await issues('/api/segments', { name: '', rule: { all: [] } })).toEqual(['body.name']);
    expect((await issues('/api/segments/preview', { rule: { field: 'contact.division', op: 'like', value: 'it' } }))[0]).toMatch(/^body\.rule/);
    expect(await issues('/api/segments/count', { rule: { field: 'journey.adopted', op: 'eq', value: 'no-such-solution' } })).toEqual(['body.rule.value']);
    expect(await issues('/api/segments/preview', { rule: { all: [] }, limit: 1000 })).toEqual(['body.limit']);
  });

  it('uses journey and activity facts: adopters of a solution, webinar attendees, and accounts with no recent touch', async () => {
    const { admin, jakarta, surabaya, budi, sari, eko } = await people();
    const solution = await makeSolution(h);
    const journey = await admin.request({ method: 'POST', url: '/api/journeys', payload: { accountId: jakarta.id, solutionId: solution.id } });
    expect(journey.statusCode).toBe(201);
    const webinar = await admin.request({
      method: 'POST',
      url: '/api/activities',
      payload: activityInput(surabaya.id, { type: 'event_attendance', occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(), participants: { contactIds: [eko.id] } }),
    });
    expect(webinar.statusCode).toBe(201);
    const count = async (rule: SegmentRule) => (await admin.request({ method: 'POST', url: '/api/segments/count', payload: { rule } })).json();

    expect(await count({ field: 'journey.stage', op: 'in_stage', value: { solutionId: solution.id, stages: ['knowledge'] } })).toEqual({ contacts: 2, accounts: 1 });
    expect(await count({ field: 'journey.adopted', op: 'eq', value: solution.id })).toEqual({ contacts: 0, accounts: 0 });
    expect(await count({ field: 'account.customer', op: 'eq', value: false })).toEqual({ contacts: 3, accounts: 2 });
    expect(await count({ field: 'contact.activity', op: 'within_days', value: { days: 90, types: ['event_attendance'] } })).toEqual({ contacts: 1, accounts: 1 });
    expect(await count({ field: 'account.activity', op: 'not_within_days', value: { days: 60 } })).toEqual({ contacts: 2, accounts: 1 });
    expect([budi.id, sari.id].length).toBe(2);
  });

  it('freezes a segment as a static list that later contacts do not join, and serves members to other features', async () => {
    const { admin, jakarta, surabaya, budi, contact } = await people();
    const marcomm = await h.makeUser('marcomm');
    const created = json<{ id: string; version: number }>(await marcomm.request({ method: 'POST', url: '/api/segments', payload: { name: 'IT', rule: { field: 'contact.division', op: 'eq', value: 'it' } } }));
    const dynamicBefore = await h.app.services.segments.members(created.id, 50);
    expect(dynamicBefore.contacts).toBe(2);

    expect((await marcomm.request({ method: 'POST', url: `/api/segments/${created.id}/freeze`, payload: { version: 7 } })).statusCode).toBe(409);
    const frozen = await marcomm.request({ method: 'POST', url: `/api/segments/${created.id}/freeze`, payload: { version: 1 } });
    expect(frozen.statusCode).toBe(200);
    expect(frozen.json()).toMatchObject({ kind: 'static', memberCount: 2, version: 2 });
    expect(frozen.json().frozenAt).toEqual(expect.any(String));

    const late = await contact(surabaya.id, { fullName: 'Agus Late' });
    const repos = repositories(t.db.kysely, t.dialect);
    const staticMembers = await repos.segments.memberContacts(created.id);
    expect(staticMembers.map((m) => m.contactId)).not.toContain(late.id);
    expect(staticMembers).toHaveLength(2);
    expect(staticMembers).toContainEqual({ contactId: budi.id, accountId: jakarta.id });
    expect(await repos.segments.accountInSegment(created.id, jakarta.id)).toBe(true);
    const members = await marcomm.request({ method: 'GET', url: `/api/segments/${created.id}/members` });
    expect(members.json()).toMatchObject({ contacts: 2, accounts: 2 });

    // Back to dynamic: the late contact is a member now.
    const dynamic = await marcomm.request({ method: 'PATCH', url: `/api/segments/${created.id}`, payload: { kind: 'dynamic', version: 2 } });
    expect(dynamic.json()).toMatchObject({ kind: 'dynamic', frozenAt: null, memberCount: null, version: 3 });
    expect((await repos.segments.memberContacts(created.id)).map((m) => m.contactId)).toContain(late.id);
    expect(await repos.segments.accountInSegment(created.id, 'no-such-account')).toBe(false);

    // The subquery other repositories embed.
    const segment = await repos.segments.findById(created.id);
    const embedded = await t.db.kysely
      .selectFrom('accounts')
      .select('accounts.name')
      .where('accounts.id', 'in', segmentMembersQuery(t.db.kysely, t.dialect, segment!.rule, new Date().toISOString()).clearSelect().select('c.account_id'))
      .orderBy('accounts.name')
      .execute();
    expect(embedded.map((r) => r.name).sort()).toEqual([jakarta.name, surabaya.name].sort());
    expect(admin.user.role).toBe('admin');
  });

  it('changes and deletes a segment with the version it was read at', async () => {
    const marcomm = await h.makeUser('marcomm');
    const viewer = await h.makeUser('viewer');
    const { id } = json<{ id: string }>(await marcomm.request({ method: 'POST', url: '/api/segments', payload: { name: 'Beginners', rule: { field: 'contact.tech_proficiency', op: 'eq', value: 'beginner' } } }));
    const patched = await marcomm.request({ method: 'PATCH', url: `/api/segments/${id}`, payload: { name: 'Beginners in IT', description: 'Webinar audience', version: 1 } });
    expect(patched.json()).toMatchObject({ name: 'Beginners in IT', description: 'Webinar audience', version: 2 });
    expect((await marcomm.request({ method: 'PATCH', url: `/api/segments/${id}`, payload: { name: 'Stale', version: 1 } })).statusCode).toBe(409);
    expect((await marcomm.request({ method: 'PATCH', url: `/api/segments/${id}`, payload: { rule: { field: 'contact.tech_proficiency', op: 'eq', value: 'expert' }, version: 2 } })).json().error.details.issues[0].field).toBe('body.rule.value');
    expect((await viewer.request({ method: 'DELETE', url: `/api/segments/${id}?version=2` })).statusCode).toBe(403);
    expect((await marcomm.request({ method: 'DELETE', url: `/api/segments/${id}?version=2` })).statusCode).toBe(200);
    expect((await marcomm.request({ method: 'GET', url: `/api/segments/${id}` })).statusCode).toBe(404);
    expect((await marcomm.request({ method: 'GET', url: '/api/segments' })).json().items).toEqual([]);
  });

  it('lists the field catalogue for the builder', async () => {
    const viewer = await h.makeUser('viewer');
    const fields = (await viewer.request({ method: 'GET', url: '/api/segments/fields' })).json().items;
    expect(fields.find((f: { id: string }) => f.id === 'contact.division')).toMatchObject({ type: 'enum', values: ['it', 'hr', 'finance', 'business', 'executive', 'operations'], ops: ['eq', 'in'] });
    expect(fields.map((f: { group: string }) => f.group)).toEqual(expect.arrayContaining(['geographic', 'demographic', 'psychographic', 'behavioural']));
  });
});
