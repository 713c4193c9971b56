import type { InjectOptions } from 'fastify';
import { beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import type { Deps } from '../../src/services/context.js';
import { argon2Hasher, uuidIds } from '../../src/services/ports.js';
import type { Role } from '../../src/shared/vocabulary.js';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, activityInput, contactInput, json, type Caller, type Journey } from '../support/app.js';

/** Day n of the hand-built history: 1 March 2024 + n days, 09:00 UTC. */
const day = (n: number) => new Date(Date.UTC(2024, 2, 1 + n, 9));

describeEachDatabase('the coaching view', (t) => {
  let clock: Date;
  let app: Awaited<ReturnType<typeof buildApp>>;
  let counter = 0;

  beforeEach(async () => {
    clock = day(0);
    const deps: Deps = { db: t.db, clock: { now: () => clock }, ids: uuidIds, hasher: argon2Hasher };
    app = await buildApp({ deps });
  });

  async function user(role: Role, teamId: string | null, name: string): Promise<Caller> {
    counter += 1;
    const created = await app.services.users.createAsSystem({ email: `${role}.${counter}@coaching.test`, name, role, teamId, password: 'correct horse battery' });
    const { token } = await app.services.auth.createToken(created.id, 'test', null);
    return {
      user: created,
      token,
      request: (options) => app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } } as InjectOptions),
    };
  }

  async function journeyOf(owner: Caller): Promise<Journey> {
    const account = json<{ id: string }>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    counter += 1;
    const solution = await app.services.catalogue.createSolution(null, { name: `Solusi ${counter}`, category: 'data_center', description: null, launchDate: null, principalIds: [] });
    const response = await owner.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: solution.id } });
    expect(response.statusCode).toBe(201);
    return json<Journey>(response);
  }

  async function touch(caller: Caller, journey: Journey, type = 'visit') {
    const response = await caller.request({ method: 'POST', url: '/api/activities', payload: activityInput(journey.accountId, { journeyId: journey.id, type }) });
    expect(response.statusCode).toBe(201);
  }

  async function move(caller: Caller, journey: Journey, to: string, overrideReason?: string): Promise<Journey> {
    const current = json<Journey>(await caller.request({ method: 'GET', url: `/api/journeys/${journey.id}` }));
    const payload = { kind: 'move', to, version: current.version, ...(overrideReason ? { override: { reason: overrideReason } } : {}) };
    const response = await caller.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload });
    expect(response.statusCode, response.body).toBe(200);
    return response.json().journey;
  }

  /**
   * The history (day: event):
   *  0  Ani opens J1 and J2, Budi opens J3 (team Selatan); Dewi opens J4 (team Utara)
   *  1  Ani: contact + visit on J1; Budi: contact + visit on J3
   *  2  Budi: a second visit on J3
   *  3  Ani moves J1 to persuasion (gates met)
   *  4  Budi moves J3 to persuasion (gates met)
   *  5  the manager moves J2 to persuasion over its unmet gates
   *  6  Ani: a meeting on J1
   * 10  the manager moves J1 to decision over its unmet gate (no IT assessment)
   * 12  now
   */
  async function history() {
    const south = await app.services.users.createTeam(null, { name: 'Selatan', managerId: null });
    const north = await app.services.users.createTeam(null, { name: 'Utara', managerId: null });
    const manager = await user('sales_manager', south.id, 'Maya Manager');
    const ani = await user('account_manager', south.id, 'Ani');
    const budi = await user('account_manager', south.id, 'Budi');
    const citra = await user('account_manager', south.id, 'Citra');
    const dewi = await user('account_manager', north.id, 'Dewi');
    const admin = await user('admin', null, 'Admin');

    const j1 = await journeyOf(ani);
    const j2 = await journeyOf(ani);
    const j3 = await journeyOf(budi);
    await journeyOf(dewi);
    clock = day(1);
    await ani.request({ method: 'POST', url: '/api/contacts', payload: contactInput(j1.accountId) });
    await touch(ani, j1);
    await budi.request({ method: 'POST', url: '/api/contacts', payload: contactInput(j3.accountId) });
    await touch(budi, j3);
    clock = day(2);
    await touch(budi, j3);
    clock = day(3);
    await move(ani, j1, 'persuasion');
    clock = day(4);
    await move(budi, j3, 'persuasion');
    clock = day(5);
    await move(manager, j2, 'persuasion', 'Customer asked for a proposal straight away');
    clock = day(6);
    await touch(ani, j1, 'meeting');
    clock = day(10);
    await move(manager, j1, 'decision', 'Assessment done on paper; will be entered later');
    clock = day(12);
    return { south, manager, ani, budi, citra, dewi, admin };
  }

  type Report = {
    ams: {
      userId: string;
      name: string;
      stageExits: number;
      exitsOnTime: number;
      gatesOnTime: { value: number | null; teamMedian: number | null; standing: string | null };
      stages: Record<string, { value: number | null; teamMedian: number | null; standing: string | null } | number | string>[];
    }[];
    teamMedians: { gatesOnTime: number | null; stages: { stage: string; touchesPerJourney: number | null; conversion: number | null; medianDaysInStage: number | null }[] };
  };
  const stageOf = (report: Report, name: string, stage: string) => report.ams.find((a) => a.name === name)?.stages.find((s) => s.stage === stage) as Record<string, never>;

  it('equals the hand-counted gates on time, touches, conversion and time in stage, each beside the team median', async () => {
    const { manager } = await history();
    const response = await manager.request({ method: 'GET', url: '/api/coaching?from=2024-03-01&to=2024-04-01' });
    expect(response.statusCode).toBe(200);
    const report = response.json() as Report;
    expect(report.ams.map((a) => a.name)).toEqual(['Ani', 'Budi', 'Citra']);

    // Gates on time: Ani left 3 stages, 1 without override; Budi 1 of 1; Citra none. Median(1/3, 1) = 2/3.
    const [ani, budi, citra] = report.ams;
    expect(ani).toMatchObject({ stageExits: 3, exitsOnTime: 1, gatesOnTime: { standing: 'below' } });
    expect(ani?.gatesOnTime.value).toBeCloseTo(1 / 3);
    expect(ani?.gatesOnTime.teamMedian).toBeCloseTo(2 / 3);
    expect(budi).toMatchObject({ stageExits: 1, exitsOnTime: 1, gatesOnTime: { value: 1, standing: 'above' } });
    expect(citra).toMatchObject({ stageExits: 0, exitsOnTime: 0, gatesOnTime: { value: null, standing: null } });

    // Touches in knowledge: Ani J1 1 (day 1) + J2 0 over 2 stays = 0.5; Budi J3 2 over 1 = 2; median 1.25.
    expect(stageOf(report, 'Ani', 'knowledge')).toMatchObject({ stays: 2, touches: 1, touchesPerJourney: { value: 0.5, teamMedian: 1.25, standing: 'below' } });
    expect(stageOf(report, 'Budi', 'knowledge')).toMatchObject({ stays: 1, touches: 2, touchesPerJourney: { value: 2, standing: 'above' } });
    // Persuasion: Ani J1 1 meeting (days 3–10) + J2 0 = 0.5; Budi J3 0 = 0; median 0.25.
    expect(stageOf(report, 'Ani', 'persuasion')).toMatchObject({ stays: 2, touches: 1, touchesPerJourney: { value: 0.5, teamMedian: 0.25 } });
    expect(stageOf(report, 'Budi', 'persuasion')).toMatchObject({ stays: 1, touches: 0, touchesPerJourney: { value: 0, standing: 'below' } });

    // Conversion: knowledge 2/2 and 1/1; persuasion Ani 1/2, Budi 0/1 (median 0.25); decision Ani 0/1.
    expect(stageOf(report, 'Ani', 'knowledge')).toMatchObject({ entered: 2, advanced: 2, conversion: { value: 1, teamMedian: 1, standing: 'at' } });
    expect(stageOf(report, 'Ani', 'persuasion')).toMatchObject({ entered: 2, advanced: 1, conversion: { value: 0.5, teamMedian: 0.25, standing: 'above' } });
    expect(stageOf(report, 'Budi', 'persuasion')).toMatchObject({ entered: 1, advanced: 0, conversion: { value: 0, standing: 'below' } });
    expect(stageOf(report, 'Ani', 'decision')).toMatchObject({ entered: 1, advanced: 0, conversion: { value: 0, teamMedian: 0 } });
    expect(stageOf(report, 'Citra', 'knowledge')).toMatchObject({ entered: 0, conversion: { value: null, teamMedian: 1, standing: null } });

    // Time in stage: knowledge Ani 3 and 5 days (median 4), Budi 4 → team median 4; persuasion Ani 7 (J2 still there).
    const aniKnowledge = stageOf(report, 'Ani', 'knowledge') as unknown as { completedStays: number; medianDaysInStage: { value: number; teamMedian: number; standing: string } };
    expect(aniKnowledge.completedStays).toBe(2);
    expect(aniKnowledge.medianDaysInStage.value).toBeCloseTo(4);
    expect(aniKnowledge.medianDaysInStage.teamMedian).toBeCloseTo(4);
    expect(aniKnowledge.medianDaysInStage.standing).toBe('at');
    const aniPersuasion = stageOf(report, 'Ani', 'persuasion') as unknown as { completedStays: number; medianDaysInStage: { value: number } };
    expect(aniPersuasion.completedStays).toBe(1);
    expect(aniPersuasion.medianDaysInStage.value).toBeCloseTo(7);
    expect(stageOf(report, 'Budi', 'persuasion')).toMatchObject({ completedStays: 0, medianDaysInStage: { value: null } });
    expect(report.teamMedians.stages.find((s) => s.stage === 'persuasion')).toMatchObject({ conversion: 0.25, touchesPerJourney: 0.25 });
  });

  it('counts only what happened in the period, and covers every team for an admin', async () => {
    const { manager, admin, south } = await history();
    // From 5 March: J3 left knowledge on day 4 (5 March 09:00), J2 on day 5, J1 left persuasion on day 10.
    const later = (await manager.request({ method: 'GET', url: '/api/coaching?from=2024-03-05&to=2024-04-01' })).json() as Report;
    expect(later.ams.map((a) => [a.name, a.stageExits, a.exitsOnTime])).toEqual([
      ['Ani', 2, 0],
      ['Budi', 1, 1],
      ['Citra', 0, 0],
    ]);
    const everyone = (await admin.request({ method: 'GET', url: '/api/coaching?from=2024-03-01&to=2024-04-01' })).json() as Report & { teamId: string | null };
    expect(everyone.teamId).toBeNull();
    expect(everyone.ams.map((a) => a.name)).toEqual(['Ani', 'Budi', 'Dewi']);
    expect(stageOf(everyone, 'Dewi', 'knowledge')).toMatchObject({ stays: 1, touches: 0, entered: 1, advanced: 0 });
    const southOnly = (await admin.request({ method: 'GET', url: `/api/coaching?teamId=${south.id}&from=2024-03-01&to=2024-04-01` })).json() as Report;
    expect(southOnly.ams.map((a) => a.name)).toEqual(['Ani', 'Budi', 'Citra']);
  });

  it('refuses account managers and solution architects with 403', async () => {
    const team = await app.services.users.createTeam(null, { name: 'Tim', managerId: null });
    const am = await user('account_manager', team.id, 'Ani');
    const sa = await user('solution_architect', null, 'Sari');
    for (const caller of [am, sa]) {
      const refused = await caller.request({ method: 'GET', url: '/api/coaching' });
      expect(refused.statusCode).toBe(403);
      expect(refused.json().error.code).toBe('forbidden');
    }
  });

  it('names the query field when the period or the team is not valid', async () => {
    const manager = await user('sales_manager', null, 'Maya');
    const field = async (query: string) => {
      const response = await manager.request({ method: 'GET', url: `/api/coaching?${query}` });
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues[0].field;
    };
    expect(await field('from=March')).toBe('query.from');
    expect(await field('from=2024-03-10&to=2024-03-01')).toBe('query.to');
    expect(await field('from=2030-01-01')).toBe('query.from');
    expect(await field('teamId=no-such-team')).toBe('query.teamId');
  });
});
