import { createHash } from 'node:crypto';
import { beforeEach, expect, it } from 'vitest';
import { fromDbJson } from '../../src/db/dialect.js';
import { seedTables } from '../../src/db/repositories/seed.repository.js';
import { replay } from '../../src/domain/stages.js';
import { buildApp } from '../../src/http/app.js';
import { DEMO_PASSWORD, demoLoginEmails, generateWorkspace } from '../../src/seed/generator.js';
import { scales } from '../../src/seed/scales.js';
import { seedWorkspace, WorkspaceNotEmptyError } from '../../src/seed/seeder.js';
import type { Deps } from '../../src/services/context.js';
import type { PasswordHasher } from '../../src/services/ports.js';
import { argon2Hasher, systemClock, uuidIds } from '../../src/services/ports.js';
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
    const expected = { accounts: [] as unknown[], contacts: [] as unknown[], journeys: [] as unknown[] };
    for (const batch of generateWorkspace({ scale: scales.tiny, seed: 7, passwordHash: 'x' })) {
      if (batch.table === 'accounts') for (const a of batch.rows) expected.accounts.push({ id: a.id, name: a.name, city: a.city, owner: a.ownerId, search: a.searchText });
      if (batch.table === 'contacts') for (const c of batch.rows) expected.contacts.push({ id: c.id, name: c.fullName, consents: c.consents, channels: c.channels });
      if (batch.table === 'journeys') for (const j of batch.rows) expected.journeys.push({ id: j.id, stage: j.stage, outcome: j.outcome, value: j.valueMinor, entered: j.stageEnteredAt });
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
});
