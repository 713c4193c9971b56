import { createHash } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { fromDbJson } from '../../src/db/dialect.js';
import { seedTables } from '../../src/db/repositories/seed.repository.js';
import { defaultPipelineStages, evaluateGates, type GateEvidence } from '../../src/domain/gates.js';
import { defaultRiskSolutionMap, type ItCategory, type MitigationStatus } from '../../src/domain/recommendations.js';
import { replay } from '../../src/domain/stages.js';
import { buildApp } from '../../src/http/app.js';
import { DEMO_PASSWORD, DEFAULT_AS_OF, demoLoginEmails, generateWorkspace } from '../../src/seed/generator.js';
import { scales } from '../../src/seed/scales.js';
import { seedWorkspace, WorkspaceNotEmptyError } from '../../src/seed/seeder.js';
import type { Deps } from '../../src/services/context.js';
import type { PasswordHasher } from '../../src/services/ports.js';
import { argon2Hasher, systemClock, uuidIds, type Clock } from '../../src/services/ports.js';
import type { Outcome, Stage } from '../../src/shared/vocabulary.js';
import { describeEachDatabase } from '../support/databases.js';

/** Counts its calls: the seeder must hash the demo password once, not once per user. */
function countingHasher(): PasswordHasher & { calls: number } {
  const hasher = {
    calls: 0,
    hash: async (password: string) => {
      hasher.calls += 1;
      return argon2Hasher.hash(password);
    },
    verify: argon2Hasher.verify,
  };
  return hasher;
}

/** Key order differs between SQLite text and PostgreSQL jsonb: compare canonical JSON. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => [k, canonical(v)]));
  }
  return value;
}

function sha(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(canonical(value))).digest('hex');
}

describeEachDatabase('difusi seed', (t) => {
  let hasher: ReturnType<typeof countingHasher>;
  beforeEach(() => {
    hasher = countingHasher();
  });

  it('loads a tiny workspace whose rows are exactly what the generator makes for that seed', async () => {
    const summary = await seedWorkspace(t.db, hasher, { scale: scales.tiny, seed: 7 });
    expect(hasher.calls).toBe(1);
    const db = t.db.kysely;
    for (const table of seedTables) {
      const row = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(Number(row.n), table).toBe(summary.counts[table]);
    }
    expect(summary.counts.accounts).toBe(60);

    // The same seed, generated again in memory, gives the rows the database holds.
    const expected = { accounts: [] as unknown[], contacts: [] as unknown[], journeys: [] as unknown[], risks: [] as unknown[], items: [] as unknown[], ticks: [] as unknown[], history: [] as unknown[] };
    for (const batch of generateWorkspace({ scale: scales.tiny, seed: 7, passwordHash: 'x' })) {
      if (batch.table === 'accounts') for (const a of batch.rows) expected.accounts.push({ id: a.id, name: a.name, city: a.city, owner: a.ownerId, search: a.searchText });
      if (batch.table === 'contacts') for (const c of batch.rows) expected.contacts.push({ id: c.id, name: c.fullName, consents: c.consents, channels: c.channels });
      if (batch.table === 'journeys') for (const j of batch.rows) expected.journeys.push({ id: j.id, stage: j.stage, outcome: j.outcome, value: j.valueMinor, entered: j.stageEnteredAt });
      if (batch.table === 'it_risks') for (const r of batch.rows) expected.risks.push({ id: r.id, threat: r.threat, category: r.category, l: r.likelihood, i: r.impact, status: r.mitigationStatus, owner: r.ownerId, at: r.updatedAt });
      if (batch.table === 'it_inventory_items') for (const i of batch.rows) expected.items.push({ id: i.id, vendor: i.vendor, product: i.product, eol: i.endOfLife, c: i.criticality });
      if (batch.table === 'journey_gate_ticks') for (const k of batch.rows) expected.ticks.push({ id: k.id, gate: k.gateId, note: k.note, at: k.at });
      if (batch.table === 'journey_stage_history') {
        for (const h of batch.rows) expected.history.push({ id: h.id, reason: h.overrideReason, unmet: h.unmetGates, pipeline: h.pipelineId, version: h.pipelineVersion });
      }
    }
    const byId = (a: unknown, b: unknown) => ((a as { id: string }).id < (b as { id: string }).id ? -1 : 1);
    const accounts = await db.selectFrom('accounts').select(['id', 'name', 'city', 'owner_id', 'search_text']).orderBy('id').execute();
    const contacts = await db.selectFrom('contacts').select(['id', 'full_name', 'consents', 'channels']).orderBy('id').execute();
    const journeys = await db.selectFrom('journeys').select(['id', 'stage', 'outcome', 'value_minor', 'stage_entered_at']).orderBy('id').execute();
    expect(sha(accounts.map((a) => ({ id: a.id, name: a.name, city: a.city, owner: a.owner_id, search: a.search_text })))).toBe(sha(expected.accounts.sort(byId)));
    expect(sha(contacts.map((c) => ({ id: c.id, name: c.full_name, consents: fromDbJson(c.consents), channels: fromDbJson(c.channels) })))).toBe(
      sha(expected.contacts.sort(byId)),
    );
    expect(sha(journeys.map((j) => ({ id: j.id, stage: j.stage, outcome: j.outcome, value: Number(j.value_minor), entered: j.stage_entered_at })))).toBe(
      sha(expected.journeys.sort(byId)),
    );
    const risks = await db.selectFrom('it_risks').selectAll().orderBy('id').execute();
    expect(risks.length).toBeGreaterThan(0);
    expect(
      sha(risks.map((r) => ({ id: r.id, threat: r.threat, category: r.category, l: Number(r.likelihood), i: Number(r.impact), status: r.mitigation_status, owner: r.owner_id, at: r.updated_at }))),
    ).toBe(sha(expected.risks.sort(byId)));
    const items = await db.selectFrom('it_inventory_items').selectAll().orderBy('id').execute();
    expect(sha(items.map((i) => ({ id: i.id, vendor: i.vendor, product: i.product, eol: i.end_of_life, c: Number(i.criticality) })))).toBe(sha(expected.items.sort(byId)));
    const ticks = await db.selectFrom('journey_gate_ticks').selectAll().orderBy('id').execute();
    expect(sha(ticks.map((k) => ({ id: k.id, gate: k.gate_id, note: k.note, at: k.at })))).toBe(sha(expected.ticks.sort(byId)));
    const history = await db.selectFrom('journey_stage_history').select(['id', 'override_reason', 'unmet_gates', 'pipeline_id', 'pipeline_version']).orderBy('id').execute();
    expect(
      sha(
        history.map((h) => ({
          id: h.id,
          reason: h.override_reason,
          unmet: h.unmet_gates === null ? null : fromDbJson(h.unmet_gates),
          pipeline: h.pipeline_id,
          version: h.pipeline_version === null ? null : Number(h.pipeline_version),
        })),
      ),
    ).toBe(sha(expected.history.sort(byId)));
  });

  it('seeds the small demo in seconds', { timeout: 120_000 }, async () => {
    const summary = await seedWorkspace(t.db, hasher, { scale: scales.small, seed: 1 });
    expect(summary.counts.accounts).toBe(1000);
    expect(summary.counts.activities).toBeGreaterThan(25_000);
    const journeys = await t.db.kysely.selectFrom('journeys').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    expect(Number(journeys.n)).toBe(summary.counts.journeys);
    expect(summary.logins.map((l) => l.email)).toContain(demoLoginEmails.admin);
  });

  it('writes stage histories that replay to every journey’s current stage and outcome', async () => {
    await seedWorkspace(t.db, hasher, { scale: scales.tiny, seed: 3 });
    const db = t.db.kysely;
    const journeys = await db.selectFrom('journeys').select(['id', 'stage', 'outcome']).execute();
    const rows = await db.selectFrom('journey_stage_history').select(['journey_id', 'seq', 'to_stage', 'outcome', 'kind']).orderBy('journey_id').orderBy('seq').execute();
    const byJourney = new Map<string, typeof rows>();
    for (const r of rows) byJourney.set(r.journey_id, [...(byJourney.get(r.journey_id) ?? []), r]);
    expect(journeys.length).toBeGreaterThan(50);
    for (const j of journeys) {
      const history = byJourney.get(j.id) ?? [];
      expect(history[0]?.kind).toBe('open');
      const state = replay(history[0]?.to_stage as Stage, history.map((h) => ({ toStage: h.to_stage as Stage, outcome: h.outcome as Outcome })));
      expect(state).toEqual({ stage: j.stage, outcome: j.outcome });
    }
  });

  it('refuses to seed a workspace that already has users', async () => {
    await seedWorkspace(t.db, hasher, { scale: scales.tiny, seed: 1 });
    await expect(seedWorkspace(t.db, hasher, { scale: scales.tiny, seed: 2 })).rejects.toBeInstanceOf(WorkspaceNotEmptyError);
  });

  it('gives demo logins that sign in with the demo password and data the API serves', async () => {
    await seedWorkspace(t.db, hasher, { scale: scales.tiny, seed: 5 });
    const deps: Deps = { db: t.db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
    const app = await buildApp({ deps, loginRateLimit: 1000 });
    try {
      const login = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: demoLoginEmails.account_manager, password: DEMO_PASSWORD } });
      expect(login.statusCode).toBe(200);

      const admin = await t.db.kysely.selectFrom('users').select('id').where('email', '=', demoLoginEmails.admin).executeTakeFirstOrThrow();
      const { token } = await app.services.auth.createToken(admin.id, 'test', null);
      const get = (url: string) => app.inject({ method: 'GET', url, headers: { authorization: `Bearer ${token}` } });

      const accounts = await get('/api/accounts?limit=200');
      expect(accounts.statusCode).toBe(200);
      const accountItems = accounts.json().items as { id: string }[];
      expect(accountItems).toHaveLength(60);
      for (const account of accountItems.slice(0, 10)) {
        expect((await get(`/api/accounts/${account.id}`)).statusCode).toBe(200);
        const journeys = await get(`/api/journeys?accountId=${account.id}&limit=200`);
        expect(journeys.statusCode, journeys.body).toBe(200);
      }
      const contacts = await get(`/api/contacts?accountId=${accountItems[0]?.id}&limit=200`);
      expect(contacts.statusCode, contacts.body).toBe(200);
      expect((contacts.json().items as unknown[]).length).toBeGreaterThan(0);
      const journeys = await get('/api/journeys?limit=200');
      expect(journeys.statusCode, journeys.body).toBe(200);
      const first = (journeys.json().items as { id: string }[])[0];
      const history = await get(`/api/journeys/${first?.id}/history`);
      expect(history.statusCode, history.body).toBe(200);
      const summary = await get('/api/journeys/summary');
      expect(summary.statusCode, summary.body).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('serves the seeded playbook: gate checklists as generated, recommendations, and moves the gates allow or refuse', { timeout: 60_000 }, async () => {
    const seed = 5;
    await seedWorkspace(t.db, hasher, { scale: scales.tiny, seed });
    // The demo's "now" is the generator's as-of moment: evidence dated up to then counts.
    const clock: Clock = { now: () => new Date(DEFAULT_AS_OF) };
    const deps: Deps = { db: t.db, clock, ids: uuidIds, hasher: argon2Hasher };
    const app = await buildApp({ deps, loginRateLimit: 1000 });

    // What the gates of each open journey's current stage should say, judged on the generated rows.
    const g = {
      journeys: [] as { id: string; accountId: string; solutionId: string; saId: string | null; ownerId: string | null; stage: string; outcome: string }[],
      category: new Map<string, string>(),
      contacts: new Map<string, string[]>(),
      risks: new Map<string, { id: string; category: ItCategory; mitigationStatus: MitigationStatus }[]>(),
      activities: new Map<string, GateEvidence['activities'][number][]>(),
      users: new Map<string, string[]>(),
      ticks: new Map<string, { id: string; gateId: string; note: string }[]>(),
      accountsWithJourneys: new Set<string>(),
      accountsWithOpenRisks: new Set<string>(),
    };
    const add = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);
    for (const batch of generateWorkspace({ scale: scales.tiny, seed, passwordHash: 'x' })) {
      if (batch.table === 'solutions') for (const s of batch.rows) g.category.set(s.id, s.category);
      if (batch.table === 'journeys') for (const j of batch.rows) (g.journeys.push(j), g.accountsWithJourneys.add(j.accountId));
      if (batch.table === 'contacts') for (const c of batch.rows) add(g.contacts, c.accountId, c.id);
      if (batch.table === 'it_risks') {
        for (const r of batch.rows) {
          add(g.risks, r.accountId, { id: r.id, category: r.category as ItCategory, mitigationStatus: r.mitigationStatus as MitigationStatus });
          if (r.mitigationStatus === 'open' || r.mitigationStatus === 'planned') g.accountsWithOpenRisks.add(r.accountId);
        }
      }
      if (batch.table === 'activities') {
        for (const a of batch.rows) if (a.journeyId) add(g.activities, a.journeyId, { id: a.id, type: a.type as never, occurredAt: a.occurredAt, createdBy: a.createdBy, userIds: [] });
      }
      if (batch.table === 'activity_participants') for (const p of batch.rows) if (p.participantType === 'user') add(g.users, p.activityId, p.participantId);
      if (batch.table === 'journey_gate_ticks') for (const k of batch.rows) add(g.ticks, k.journeyId, { id: k.id, gateId: k.gateId, note: k.note });
    }
    const expectedUnmet = (j: (typeof g.journeys)[number]) => {
      const evidence: GateEvidence = {
        journey: { saId: j.saId, marcommId: null, expectedDecisionDate: null, valueMinor: 1, principalInvolvement: null, solutionCategory: g.category.get(j.solutionId) ?? '' },
        contacts: (g.contacts.get(j.accountId) ?? []).map((id) => ({ id })),
        activities: (g.activities.get(j.id) ?? []).map((a) => ({ ...a, userIds: g.users.get(a.id) ?? [] })),
        risks: g.risks.get(j.accountId) ?? [],
        riskMap: defaultRiskSolutionMap,
        ticks: g.ticks.get(j.id) ?? [],
      };
      const config = defaultPipelineStages.find((s) => s.stage === j.stage);
      return config ? evaluateGates(config, evidence).unmet.map((gate) => gate.id) : [];
    };

    try {
      const admin = await t.db.kysely.selectFrom('users').select('id').where('email', '=', demoLoginEmails.admin).executeTakeFirstOrThrow();
      const am = await t.db.kysely.selectFrom('users').select('id').where('email', '=', demoLoginEmails.account_manager).executeTakeFirstOrThrow();
      const bearer = async (userId: string) => ({ authorization: `Bearer ${(await app.services.auth.createToken(userId, 'test', null)).token}` });
      const asAdmin = await bearer(admin.id);
      const asAm = await bearer(am.id);

      const open = g.journeys.filter((j) => j.outcome === 'open');
      let met = 0;
      let unmet = 0;
      const ready: typeof open = [];
      const blocked: typeof open = [];
      for (const j of open) {
        const response = await app.inject({ method: 'GET', url: `/api/journeys/${j.id}/gates`, headers: asAdmin });
        expect(response.statusCode, response.body).toBe(200);
        const checklist = response.json() as { stage: string; unmet: { gate: { id: string } }[]; pipelineId: string };
        expect(checklist.stage).toBe(j.stage);
        expect(checklist.unmet.map((c) => c.gate.id), `${j.id} in ${j.stage}`).toEqual(expectedUnmet(j));
        if (checklist.unmet.length === 0) met += 1;
        else unmet += 1;
        if (j.ownerId) (checklist.unmet.length === 0 ? ready : blocked).push(j);
      }
      expect(met).toBeGreaterThan(0);
      expect(unmet).toBeGreaterThan(0);

      // An account with open risks and no journey yet gets recommendations.
      const prospect = [...g.accountsWithOpenRisks].find((id) => !g.accountsWithJourneys.has(id));
      expect(prospect).toBeDefined();
      const recommendations = await app.inject({ method: 'GET', url: `/api/accounts/${prospect}/recommendations`, headers: asAdmin });
      expect(recommendations.statusCode, recommendations.body).toBe(200);
      expect((recommendations.json().items as unknown[]).length).toBeGreaterThan(0);

      // Its owner moves a journey whose evidence exists; one without it is refused with the unmet gates.
      // (The tiny scale has few journeys per AM, so the owners here are whichever AMs hold them.)
      const next = { knowledge: 'persuasion', persuasion: 'decision', decision: 'implementation', implementation: 'confirmation' } as Record<string, string>;
      const body = (j: (typeof open)[number]) => (j.stage === 'confirmation' ? { kind: 'adopt', version: 1 } : { kind: 'move', to: next[j.stage], version: 1 });
      const go = ready[0];
      const stop = blocked[0];
      expect(go, 'an open journey with its gates met').toBeDefined();
      expect(stop, 'an open journey with a gate unmet').toBeDefined();
      if (!go?.ownerId || !stop?.ownerId) return;
      const moved = await app.inject({ method: 'POST', url: `/api/journeys/${go.id}/transitions`, headers: go.ownerId === am.id ? asAm : await bearer(go.ownerId), payload: body(go) });
      expect(moved.statusCode, moved.body).toBe(200);
      expect(moved.json().entry).toMatchObject({ overrideReason: null, unmetGates: null, pipelineVersion: 1 });
      const refused = await app.inject({ method: 'POST', url: `/api/journeys/${stop.id}/transitions`, headers: await bearer(stop.ownerId), payload: body(stop) });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().error.code).toBe('gates_unmet');
      expect(refused.json().error.details.unmet.map((u: { gateId: string }) => u.gateId)).toEqual(expectedUnmet(stop));
    } finally {
      await app.close();
    }
  });
});
