import { expect, it } from 'vitest';
import { repositories } from '../../src/db/repositories/index.js';
import { DEFAULT_RULE_IDS } from '../../src/domain/automation.js';
import { DEFAULT_AS_OF } from '../../src/seed/generator.js';
import { ScenarioAlreadySeededError, seedMarketingScenario, type ScenarioSummary } from '../../src/seed/marketingScenario.js';
import { scales } from '../../src/seed/scales.js';
import { seedWorkspace } from '../../src/seed/seeder.js';
import { automationEngine } from '../../src/services/automationWorker.js';
import type { Deps } from '../../src/services/context.js';
import { createServices } from '../../src/services/index.js';
import { argon2Hasher, uuidIds, type Clock } from '../../src/services/ports.js';
import { describeEachDatabase, type TestDatabase } from '../support/databases.js';

const DAY = 86_400_000;
const asOf = Date.parse(DEFAULT_AS_OF);
const fixedClock = (at: number): Clock => ({ now: () => new Date(at) });

/** The tiny workspace (seed 1) and the scenario, as `difusi seed --scale tiny` makes them, a day after the generator's asOf. */
async function seedDemo(t: TestDatabase, scale: 'tiny' | 'small' = 'tiny'): Promise<{ deps: Deps; summary: ScenarioSummary }> {
  await seedWorkspace(t.db, argon2Hasher, { scale: scales[scale], seed: 1 });
  const deps: Deps = { db: t.db, clock: fixedClock(asOf + DAY), ids: uuidIds, hasher: argon2Hasher };
  return { deps, summary: await seedMarketingScenario(deps, { seed: 1 }) };
}

async function count(t: TestDatabase, table: 'segments' | 'campaigns' | 'campaign_responses' | 'journey_handoffs' | 'content_items' | 'whatsapp_templates' | 'playbook_entries') {
  return Number((await t.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
}

describeEachDatabase('the demo marketing scenario', (t) => {
  it('makes the same segments, targets, content, campaigns, calls, handoffs and consents for the same seed', { timeout: 60_000 }, async () => {
    const { summary } = await seedDemo(t);
    // The tiny workspace of seed 1 gives exactly these on both databases.
    expect(summary).toEqual({
      segments: 6,
      staticSegments: 1,
      primaryTargets: 16,
      secondaryTargets: 9,
      positioned: 3,
      personaMessages: 5,
      contentItems: 5,
      playbookEntries: 3,
      campaigns: 3,
      responses: 60,
      journeysOpened: 10,
      journeysTouched: 7,
      callLists: 1,
      callsRecorded: 16,
      handoffs: 3,
      templates: 2,
      consents: 14,
    });
    expect(await count(t, 'segments')).toBe(summary.segments);
    expect(await count(t, 'campaigns')).toBe(summary.campaigns);
    expect(await count(t, 'campaign_responses')).toBe(summary.responses);
    expect(await count(t, 'content_items')).toBe(summary.contentItems);
    expect(await count(t, 'whatsapp_templates')).toBe(summary.templates);
  });

  it('leaves every segment with members and every solution with one primary segment', { timeout: 60_000 }, async () => {
    const { deps } = await seedDemo(t);
    const services = createServices(deps);
    const segments = await services.segments.list();
    expect(segments.filter((s) => s.kind === 'static')).toHaveLength(1);
    for (const segment of segments) {
      const members = await services.segments.members(segment.id, 1);
      expect(members.contacts, segment.name).toBeGreaterThan(0);
    }
    const matrix = await services.targeting.matrix();
    const solutions = await t.db.kysely.selectFrom('solutions').select('id').where('deleted_at', 'is', null).execute();
    const primaries = await t.db.kysely.selectFrom('solution_segments').select(['solution_id', 'segment_id']).where('role', '=', 'primary').execute();
    expect(primaries.map((p) => p.solution_id).sort()).toEqual(solutions.map((s) => s.id).sort());
    expect(JSON.stringify(matrix)).toContain('secondary');
  });

  it('opens knowledge-stage journeys from webinar and call responses, dated in the weeks before asOf', { timeout: 60_000 }, async () => {
    const { summary } = await seedDemo(t);
    const db = t.db.kysely;
    const webinar = await db.selectFrom('campaigns').selectAll().where('type', '=', 'webinar').executeTakeFirstOrThrow();
    expect(webinar.status).toBe('launched');
    const kinds = await db.selectFrom('campaign_responses').select(['kind', (eb) => eb.fn.countAll<number>().as('n')]).where('campaign_id', '=', webinar.id).groupBy('kind').execute();
    expect(Object.fromEntries(kinds.map((k) => [k.kind, Number(k.n)]))).toEqual({ invited: 32, registered: 16, attended: 6 });
    expect(await db.selectFrom('campaigns').select('status').where('status', '=', 'draft').execute()).toHaveLength(1);

    const opened = await db
      .selectFrom('campaign_responses as r')
      .innerJoin('journeys as j', 'j.id', 'r.journey_id')
      .select(['j.id', 'j.stage', 'j.outcome', 'r.at'])
      .where('r.journey_effect', '=', 'opened')
      .execute();
    expect(opened).toHaveLength(summary.journeysOpened);
    for (const j of opened) expect([j.stage, j.outcome]).toEqual(['knowledge', 'open']);
    // Each opened journey's history starts with the open row, written when the response came.
    const firstRows = await db.selectFrom('journey_stage_history').select(['journey_id', 'kind', 'to_stage', 'at']).where('journey_id', 'in', opened.map((j) => j.id)).execute();
    expect(firstRows.every((h) => h.kind === 'open' && h.to_stage === 'knowledge')).toBe(true);
    for (const j of opened) expect(firstRows.find((h) => h.journey_id === j.id)?.at).toBe(j.at);

    // The whole story sits before asOf, most of it within its last six weeks.
    const audit = await db.selectFrom('audit_log').select(['at']).execute();
    expect(audit.length).toBeGreaterThan(100);
    expect(audit.every((a) => Date.parse(a.at) <= asOf && Date.parse(a.at) >= asOf - 46 * DAY)).toBe(true);
  });

  it('hands three persuasion journeys from their AMs to SAs with a note, and records consents with one email and one phone opt-out', { timeout: 60_000 }, async () => {
    await seedDemo(t);
    const db = t.db.kysely;
    const handoffs = await db.selectFrom('journey_handoffs as h').innerJoin('journeys as j', 'j.id', 'h.journey_id').select(['h.role', 'h.note', 'h.by_user_id', 'h.to_user_id', 'j.owner_id', 'j.sa_id']).execute();
    expect(handoffs).toHaveLength(3);
    for (const h of handoffs) {
      expect(h.role).toBe('sa');
      expect(h.note).toBeTruthy();
      expect(h.by_user_id).toBe(h.owner_id);
      expect(h.to_user_id).toBe(h.sa_id);
    }
    const consents = await db.selectFrom('contact_consents').select(['channel', 'status', 'source']).execute();
    const optOuts = consents.filter((c) => c.status === 'opted_out');
    expect(optOuts.map((c) => c.channel).sort()).toEqual(['email', 'phone']);
    expect(consents.filter((c) => c.status === 'opted_in').length).toBeGreaterThanOrEqual(8);

    const entries = await db.selectFrom('playbook_entries').select(['id']).where('title_en', 'like', '%firewall%').execute();
    expect(entries).toHaveLength(1);
    const links = await db.selectFrom('content_items').select(['kind', 'url', 'language']).execute();
    expect(links.every((l) => l.kind === 'link' && l.url?.startsWith('https://'))).toBe(true);
    expect(new Set(links.map((l) => l.language))).toEqual(new Set(['id', 'en']));
    const calls = await db.selectFrom('call_list_entries').select(['outcome', 'caller_id']).where('outcome', 'is not', null).execute();
    expect(new Set(calls.map((c) => c.caller_id)).size).toBe(2);
    expect(calls).toHaveLength(16);
  });

  it('refuses to run twice, so a restart never doubles the demo’s marketing records', { timeout: 60_000 }, async () => {
    const { deps } = await seedDemo(t);
    await expect(seedMarketingScenario(deps, { seed: 1 })).rejects.toBeInstanceOf(ScenarioAlreadySeededError);
    expect(await count(t, 'segments')).toBe(6);
    expect(await count(t, 'journey_handoffs')).toBe(3);
  });

  it('gives webinar attendees’ AMs a handful of follow-ups and, on the small demo npm start loads, no flood of idle-journey nudges', { timeout: 180_000 }, async () => {
    const { deps, summary } = await seedDemo(t, 'small');
    const db = t.db.kysely;
    const engine = automationEngine(deps, { publicUrl: 'http://difusi.test' });
    // Only the scenario went through the services: its outbox holds the responses, touches and handoffs.
    while ((await engine.processEvents()) > 0);
    while ((await engine.runDueJobs()) > 0);
    const attended = await db.selectFrom('campaign_responses').select('id').where('kind', '=', 'attended').execute();
    expect(attended).toHaveLength(10);
    expect(summary.handoffs).toBe(3);
    const jobs = await db.selectFrom('automation_jobs').select(['rule_id', 'status']).execute();
    expect(jobs).toHaveLength(10);
    expect(jobs.every((job) => job.rule_id === DEFAULT_RULE_IDS.webinarFollowUp && job.status === 'done')).toBe(true);
    const tasks = await db.selectFrom('tasks').select(['assignee_id']).where('title', '=', 'Tindak lanjuti peserta webinar').execute();
    expect(tasks).toHaveLength(10);
    expect(tasks.every((task) => task.assignee_id !== null)).toBe(true);

    // A hundred open journeys have been idle for more than 30 days…
    const idle = await db
      .selectFrom('journeys')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('outcome', '=', 'open')
      .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<=', new Date(asOf - 30 * DAY).toISOString())]))
      .where('stage_entered_at', '<=', new Date(asOf - 30 * DAY).toISOString())
      .executeTakeFirstOrThrow();
    expect(Number(idle.n)).toBeGreaterThan(80);
    // …but the idle rule counts from when it was armed (by the migration, just before the seed):
    // the first scan of a freshly started demo makes no backlog of nudges.
    const armed = (await repositories(db, t.db.dialect).automation.enabledRules()).find((r) => r.id === DEFAULT_RULE_IDS.idleNudge);
    expect(armed).toBeDefined();
    expect(await automationEngine({ ...deps, clock: fixedClock(Date.parse(armed?.armedAt ?? '')) }, { publicUrl: 'http://difusi.test' }).scanSchedules()).toBe(0);

    // Re-enabled ten days before asOf, it nudges only the journeys that reached 30 idle days since.
    const rules = createServices({ ...deps, clock: fixedClock(asOf - 10 * DAY) }).automation;
    const marcomm = await db.selectFrom('users').select(['id', 'team_id']).where('role', '=', 'marcomm').executeTakeFirstOrThrow();
    const actor = { userId: marcomm.id, role: 'marcomm' as const, teamId: marcomm.team_id };
    const rule = await rules.getRule(DEFAULT_RULE_IDS.idleNudge);
    const disabled = await rules.updateRule(actor, rule.id, { enabled: false, version: rule.version });
    await rules.updateRule(actor, rule.id, { enabled: true, version: disabled.version });
    const nudged = await automationEngine({ ...deps, clock: fixedClock(asOf) }, { publicUrl: 'http://difusi.test' }).scanSchedules();
    expect(nudged).toBeGreaterThan(0);
    expect(nudged).toBeLessThan(Number(idle.n) / 2);
  });
});
