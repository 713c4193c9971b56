import { beforeEach, expect, it } from 'vitest';
import { repositories } from '../../src/db/repositories/index.js';
import { uuidIds } from '../../src/services/ports.js';
import type { Stage } from '../../src/shared/vocabulary.js';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, testApp, type Account, type Caller, type Journey, type TestApp } from '../support/app.js';

/**
 * Analytics over hand-built stage histories: the counts below are worked out by hand in the
 * comments and must come out identical on SQLite and PostgreSQL.
 */

type Step = { at: string } & ({ kind: 'move'; to: Stage } | { kind: 'adopt' } | { kind: 'reject' | 'discontinue'; reason: string });

describeEachDatabase('diffusion and funnel analytics', (t) => {
  let h: TestApp;
  let now: Date;

  beforeEach(async () => {
    h = await testApp(t.db);
    now = new Date('2024-01-01T00:00:00.000Z');
    // A settable clock: records are created at the moment the test says.
    h.deps.clock = { now: () => now };
  });

  async function solution(name: string, launchDate: string | null = '2024-01-01') {
    return h.app.services.catalogue.createSolution(null, { name, category: 'cloud', description: null, launchDate, principalIds: [] });
  }

  async function account(owner: Caller, overrides: Partial<Account> = {}): Promise<Account> {
    const response = await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput(overrides) });
    expect(response.statusCode, response.body).toBe(201);
    return json<Account>(response);
  }

  /**
   * Opens a journey at `openedAt` and appends its history at chosen times through the
   * repository (a test-only factory: transitions through the API always write `at` = now).
   */
  async function journey(owner: Caller, accountId: string, solutionId: string, openedAt: string, steps: Step[], opening: Stage = 'knowledge'): Promise<Journey> {
    now = new Date(openedAt);
    const response = await owner.request({ method: 'POST', url: '/api/journeys', payload: { accountId, solutionId, stage: opening } });
    expect(response.statusCode, response.body).toBe(201);
    const created = json<Journey>(response);
    const repos = repositories(t.db.kysely, t.db.dialect);
    let stage = opening;
    let seq = 1;
    for (const step of steps) {
      seq += 1;
      const from = stage;
      if (step.kind === 'move') stage = step.to;
      const outcome = step.kind === 'adopt' ? 'adopted' : step.kind === 'reject' ? 'rejected' : step.kind === 'discontinue' ? 'discontinued' : 'open';
      await repos.journeys.appendHistory({
        journeyId: created.id,
        id: uuidIds.next(),
        seq,
        kind: step.kind,
        fromStage: from,
        toStage: stage,
        outcome,
        rogersStage: stage,
        aidasSteps: [],
        reason: 'reason' in step ? step.reason : null,
        note: null,
        actorId: owner.user.id,
        at: new Date(step.at).toISOString(),
        overrideReason: null,
        unmetGates: null,
        pipelineId: null,
        pipelineVersion: null,
      });
    }
    return created;
  }

  /** Adopts (decision → implementation) `days` after 2024-01-01. */
  function adoptedAfter(days: number): Step[] {
    const at = new Date(Date.UTC(2024, 0, 1) + days * 86_400_000).toISOString();
    return [{ kind: 'move', to: 'implementation', at }];
  }

  /**
   * Five journeys of one solution, two AMs of one team:
   *   A (AM1, Jakarta)  knowledge 01-01 → persuasion 01-11 → decision 01-21 → implementation 02-10 → confirmation 03-01 → adopt 03-11
   *   B (AM1, Surabaya) knowledge 01-05 → persuasion 01-09 → decision 01-15 → rejected (budget) 01-25
   *   C (AM2)           knowledge 02-01 → persuasion 02-03 → decision 02-05 → implementation 02-09 → discontinued 03-09; SA demo 02-04
   *   D (AM2)           knowledge 02-10 → rejected (timing) 02-20
   *   E (AM1)           knowledge 03-01, still there
   */
  async function funnelHistory() {
    const team = await h.makeTeam('Tim Jakarta');
    const am1 = await h.makeUser('account_manager', { teamId: team.id, name: 'Ayu' });
    const am2 = await h.makeUser('account_manager', { teamId: team.id, name: 'Bima' });
    const s = await solution('Hybrid Cloud');
    const a = await account(am1, { city: 'Jakarta Selatan' });
    const b = await account(am1, { city: 'Surabaya', province: 'Jawa Timur', region: 'java', industry: 'retail' });
    const c = await account(am2);
    const d = await account(am2);
    const e = await account(am1);
    const jA = await journey(am1, a.id, s.id, '2024-01-01T00:00:00Z', [
      { kind: 'move', to: 'persuasion', at: '2024-01-11T00:00:00Z' },
      { kind: 'move', to: 'decision', at: '2024-01-21T00:00:00Z' },
      { kind: 'move', to: 'implementation', at: '2024-02-10T00:00:00Z' },
      { kind: 'move', to: 'confirmation', at: '2024-03-01T00:00:00Z' },
      { kind: 'adopt', at: '2024-03-11T00:00:00Z' },
    ]);
    const jB = await journey(am1, b.id, s.id, '2024-01-05T00:00:00Z', [
      { kind: 'move', to: 'persuasion', at: '2024-01-09T00:00:00Z' },
      { kind: 'move', to: 'decision', at: '2024-01-15T00:00:00Z' },
      { kind: 'reject', reason: 'budget', at: '2024-01-25T00:00:00Z' },
    ]);
    const jC = await journey(am2, c.id, s.id, '2024-02-01T00:00:00Z', [
      { kind: 'move', to: 'persuasion', at: '2024-02-03T00:00:00Z' },
      { kind: 'move', to: 'decision', at: '2024-02-05T00:00:00Z' },
      { kind: 'move', to: 'implementation', at: '2024-02-09T00:00:00Z' },
      { kind: 'discontinue', reason: 'disenchantment', at: '2024-03-09T00:00:00Z' },
    ]);
    const jD = await journey(am2, d.id, s.id, '2024-02-10T00:00:00Z', [{ kind: 'reject', reason: 'timing', at: '2024-02-20T00:00:00Z' }]);
    await journey(am1, e.id, s.id, '2024-03-01T00:00:00Z', []);
    const demo = await am2.request({
      method: 'POST',
      url: '/api/activities',
      payload: { type: 'demo', subject: 'Demo SA', accountId: c.id, journeyId: jC.id, occurredAt: '2024-02-04T00:00:00Z' },
    });
    expect(demo.statusCode, demo.body).toBe(201);
    return { team, am1, am2, s, a, jA, jB, jC, jD };
  }

  it('counts journeys entering each stage, conversion, time in stage and outcomes as worked out by hand', async () => {
    const { am1, s } = await funnelHistory();
    const response = await am1.request({ method: 'GET', url: `/api/analytics/funnel?solutionId=${s.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    const byStage = Object.fromEntries(report.stages.map((r: { stage: string }) => [r.stage, r]));
    // Entered / advanced: knowledge A B C D E / A B C; persuasion A B C / all; decision A B C / A C; implementation A C / A; confirmation A / A.
    expect(report.stages.map((r: { entered: number; advanced: number }) => [r.entered, r.advanced])).toEqual([
      [5, 3],
      [3, 3],
      [3, 2],
      [2, 1],
      [1, 1],
    ]);
    expect(byStage.knowledge.conversion).toBeCloseTo(0.6, 12);
    expect(byStage.decision.conversion).toBeCloseTo(2 / 3, 12);
    // Completed stays in days: knowledge 10 4 2 10 (E still running), persuasion 10 6 2, decision 20 10 4, implementation 20 29 (2024 is a leap year), confirmation 10.
    expect(report.stages.map((r: { timeInStage: unknown }) => r.timeInStage)).toEqual([
      { stays: 4, medianDays: 7, p90Days: 10 },
      { stays: 3, medianDays: 6, p90Days: 9.2 },
      { stays: 3, medianDays: 10, p90Days: 18 },
      { stays: 2, medianDays: 24.5, p90Days: 28.1 },
      { stays: 1, medianDays: 10, p90Days: 10 },
    ]);
    expect(report.outcomes).toEqual({ closed: 4, adopted: 1, rejected: 2, discontinued: 1, adoptedRate: 0.25, rejectedRate: 0.5, discontinuedRate: 0.25 });
    expect(report.reasons).toEqual([
      { outcome: 'discontinued', reason: 'disenchantment', count: 1 },
      { outcome: 'rejected', reason: 'budget', count: 1 },
      { outcome: 'rejected', reason: 'timing', count: 1 },
    ]);
    expect(report.slices).toBeNull();
  });

  it('restricts the funnel to a period, a segment and an account manager, and slices it', async () => {
    const { am1, am2, s } = await funnelHistory();
    // February: C and D enter knowledge (C advances); C enters persuasion and decision; A and C enter implementation (A advances); D is rejected.
    const february = (await am1.request({ method: 'GET', url: `/api/analytics/funnel?solutionId=${s.id}&from=2024-02-01&to=2024-02-29` })).json();
    expect(february.stages.map((r: { entered: number; advanced: number }) => [r.entered, r.advanced])).toEqual([
      [2, 1],
      [1, 1],
      [1, 1],
      [2, 1],
      [0, 0],
    ]);
    expect(february.outcomes).toMatchObject({ closed: 1, rejected: 1 });

    const surabaya = (await am1.request({ method: 'GET', url: '/api/analytics/funnel?city=Surabaya&industry=retail' })).json();
    expect(surabaya.stages.map((r: { entered: number }) => r.entered)).toEqual([1, 1, 1, 0, 0]);

    const ofAm2 = (await am1.request({ method: 'GET', url: `/api/analytics/funnel?ownerId=${am2.user.id}` })).json();
    expect(ofAm2.stages[0]).toMatchObject({ entered: 2, advanced: 1 });

    const byOwner = (await am1.request({ method: 'GET', url: '/api/analytics/funnel?by=owner' })).json();
    expect(byOwner.slices.groups.map((g: { label: string; stages: { entered: number }[]; adopted: number }) => [g.label, g.stages[0]?.entered, g.adopted])).toEqual([
      ['Ayu', 3, 1],
      ['Bima', 2, 0],
    ]);
    const byCohort = (await am1.request({ method: 'GET', url: '/api/analytics/funnel?by=cohort' })).json();
    expect(byCohort.slices.groups.map((g: { key: string; stages: { entered: number }[] }) => [g.key, g.stages[0]?.entered])).toEqual([
      ['2024-01', 2],
      ['2024-02', 2],
      ['2024-03', 1],
    ]);
  });

  it('compares decision conversion with and without an SA demo and each AM against the team', async () => {
    const { am1, s } = await funnelHistory();
    const report = (await am1.request({ method: 'GET', url: `/api/analytics/selling-practice?solutionId=${s.id}` })).json();
    // Decided: A (adopted), B (rejected at decision), C (adopted, demo on 02-04 before its decision on 02-09).
    expect(report.overall).toEqual({ decided: 3, adopted: 2, conversion: 2 / 3 });
    expect(report.demo).toEqual({ withDemo: { decided: 1, adopted: 1, conversion: 1 }, withoutDemo: { decided: 2, adopted: 1, conversion: 0.5 } });
    // C's first touch (the demo) came 3 days after it was opened; A and B had no activity before deciding.
    const buckets = Object.fromEntries(report.responseTime.map((r: { bucket: string; decided: number }) => [r.bucket, r.decided]));
    expect(buckets).toMatchObject({ '1_to_3_days': 1, no_touch: 2, within_1_day: 0 });
    expect(report.accountManagers.map((a: { ownerName: string; conversion: number; teamConversion: number }) => [a.ownerName, a.conversion, a.teamConversion])).toEqual([
      ['Ayu', 0.5, 2 / 3],
      ['Bima', 1, 2 / 3],
    ]);
  });

  it('buckets adoptions per month and quarter since launch and fits Bass to them', async () => {
    const { am1, s } = await funnelHistory();
    // Adoptions (decision → implementation): C on 02-09 and A on 02-10; launch 2024-01-01.
    const monthly = await am1.request({ method: 'GET', url: `/api/analytics/diffusion/${s.id}?to=2024-06-30&forecastPeriods=3` });
    expect(monthly.statusCode, monthly.body).toBe(200);
    const report = monthly.json();
    expect(report.launch).toEqual({ date: '2024-01-01', source: 'launch_date' });
    expect(report.periods.map((p: { period: string; adoptions: number; cumulative: number }) => [p.period, p.adoptions, p.cumulative])).toEqual([
      ['2024-01', 0, 0],
      ['2024-02', 2, 2],
      ['2024-03', 0, 2],
      ['2024-04', 0, 2],
      ['2024-05', 0, 2],
      ['2024-06', 0, 2],
    ]);
    expect(report.periods.every((p: { complete: boolean }) => p.complete)).toBe(true);
    expect(report.market).toMatchObject({ size: 5, source: 'all_accounts' });
    expect(report.fit.ok).toBe(true);
    expect(Number.isFinite(report.fit.p) && Number.isFinite(report.fit.q) && Number.isFinite(report.fit.m)).toBe(true);
    expect(report.fit.forecast.points).toHaveLength(3);

    const quarterly = (await am1.request({ method: 'GET', url: `/api/analytics/diffusion?solutionId=${s.id}&bucket=quarter&to=2024-06-30` })).json();
    expect(quarterly.periods.map((p: { period: string; adoptions: number }) => [p.period, p.adoptions])).toEqual([
      ['2024-Q1', 2],
      ['2024-Q2', 0],
    ]);
    // Two quarters are thin data: either a fit shrunk toward the prior or a reason, never NaN.
    expect(quarterly.fit.ok ? quarterly.fit.flags.thinData : quarterly.fit.reason).toBeTruthy();
    const missing = await am1.request({ method: 'GET', url: '/api/analytics/diffusion?bucket=month' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].field).toBe('query.solutionId');
    const unknown = await am1.request({ method: 'GET', url: '/api/analytics/diffusion/nope' });
    expect(unknown.statusCode).toBe(404);
  });

  it('classifies adopters, marks labels provisional while the solution spreads, and lists accounts to approach first', async () => {
    const am = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    const edge = await solution('Edge Security');
    const sase = await solution('SASE');
    const target = await solution('Zero Trust');
    const accounts = [];
    for (let i = 0; i < 5; i++) accounts.push(await account(am, { name: `PT Adopter ${i}` }));
    const [a0, a1, a2, a3, a4] = accounts as [Account, Account, Account, Account, Account];
    // Edge Security adopted at days 10, 20, 30, 40: mean 25, sd √125 ≈ 11.18 → z −1.34, −0.45, 0.45, 1.34.
    for (const [acc, days] of [[a0, 10], [a1, 20], [a2, 30], [a3, 40]] as const) {
      await journey(am, acc.id, edge.id, '2024-01-01T00:00:00Z', adoptedAfter(days), 'decision');
    }
    // SASE adopted at days 5 and 50: z −1 and +1.
    await journey(am, a0.id, sase.id, '2024-01-01T00:00:00Z', adoptedAfter(5), 'decision');
    await journey(am, a1.id, sase.id, '2024-01-01T00:00:00Z', adoptedAfter(50), 'decision');
    // Zero Trust: a2 adopted; a4 has an open journey; a0 none.
    await journey(am, a2.id, target.id, '2024-01-01T00:00:00Z', adoptedAfter(3), 'decision');
    await journey(am, a4.id, target.id, '2024-01-01T00:00:00Z', []);

    now = new Date('2024-03-15T00:00:00Z');
    const response = await viewer.request({ method: 'GET', url: `/api/analytics/adopters?solutionId=${edge.id}` });
    expect(response.statusCode, response.body).toBe(200);
    const report = response.json();
    expect(report.classification).toMatchObject({ ok: true, meanDays: 25 });
    expect(report.classification.sdDays).toBeCloseTo(Math.sqrt(125), 9);
    expect(report.adopters.map((a: { accountName: string; adoptionTimeDays: number; category: string }) => [a.accountName, Math.round(a.adoptionTimeDays * 1e6) / 1e6, a.category])).toEqual([
      ['PT Adopter 0', 10, 'early_adopter'],
      ['PT Adopter 1', 20, 'early_majority'],
      ['PT Adopter 2', 30, 'late_majority'],
      ['PT Adopter 3', 40, 'laggard'],
    ]);
    // Adoptions only in January and February, observed to mid-March: the peak is one of the last two periods.
    expect(report.provisional.value).toBe(true);

    const ranking = (await viewer.request({ method: 'GET', url: '/api/analytics/innovativeness' })).json();
    // a0: (−1.342 − 1)/2; a1: (−0.447 + 1)/2; a2: 0.447; a3: 1.342. Zero Trust has one adopter: skipped.
    expect(ranking.accounts.map((a: { accountName: string }) => a.accountName)).toEqual(['PT Adopter 0', 'PT Adopter 1', 'PT Adopter 2', 'PT Adopter 3']);
    expect(ranking.accounts[0].innovativeness).toBeCloseTo((-15 / Math.sqrt(125) - 1) / 2, 9);
    expect(ranking.skipped).toEqual([{ solutionId: target.id, reason: 'unclassifiable' }]);

    const first = (await viewer.request({ method: 'GET', url: `/api/analytics/approach-first?solutionId=${target.id}` })).json();
    expect(first.accounts.map((a: { accountName: string; solutions: number; journey: unknown }) => [a.accountName, a.solutions, a.journey])).toEqual([['PT Adopter 0', 2, null]]);
  });

  it('classifies adoption times posted to the API, a time on a cut point going to the later category', async () => {
    const user = await h.makeUser('viewer');
    const items = [1, 2, 3, 4, 5].map((x) => ({ id: `acc-${x}`, adoptionTime: x }));
    const response = await user.request({ method: 'POST', url: '/api/analytics/adopters/classify', payload: { items } });
    expect(response.statusCode, response.body).toBe(200);
    // mean 3, sd √2: z −1.41, −0.71, 0 (on the cut: late majority), 0.71, 1.41.
    expect(response.json().items.map((i: { category: string }) => i.category)).toEqual(['early_adopter', 'early_majority', 'late_majority', 'late_majority', 'laggard']);
    const one = await user.request({ method: 'POST', url: '/api/analytics/adopters/classify', payload: { items: [{ id: 'x', adoptionTime: 3 }] } });
    expect(one.json()).toMatchObject({ ok: false, reason: 'unclassifiable', count: 1 });
    const same = await user.request({ method: 'POST', url: '/api/analytics/adopters/classify', payload: { items: [{ id: 'x', adoptionTime: 3 }, { id: 'y', adoptionTime: 3 }] } });
    expect(same.json()).toMatchObject({ ok: false, reason: 'unclassifiable' });
    const bad = await user.request({ method: 'POST', url: '/api/analytics/adopters/classify', payload: { items: [{ id: 'x', adoptionTime: 'soon' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.items.0.adoptionTime');
  });

  it('fits Bass to a posted series, says when it cannot, and names the bad field', async () => {
    const user = await h.makeUser('viewer');
    // Exact Bass data (p 0.03, q 0.38, m 1000) for 12 periods.
    const F = (x: number) => (1 - Math.exp(-0.41 * x)) / (1 + (0.38 / 0.03) * Math.exp(-0.41 * x));
    const series = Array.from({ length: 12 }, (_, i) => 1000 * (F(i + 1) - F(i)));
    const fit = await user.request({ method: 'POST', url: '/api/analytics/bass/fit', payload: { series, forecastPeriods: 2 } });
    expect(fit.statusCode, fit.body).toBe(200);
    const body = fit.json();
    expect(body).toMatchObject({ ok: true });
    expect(body.p).toBeCloseTo(0.03, 3);
    expect(body.q).toBeCloseTo(0.38, 2);
    expect(body.m).toBeGreaterThan(990);
    expect(body.m).toBeLessThan(1010);
    expect(body.forecast.points).toHaveLength(2);

    for (const degenerate of [[0, 0, 0, 0], [7]]) {
      const response = await user.request({ method: 'POST', url: '/api/analytics/bass/fit', payload: { series: degenerate } });
      expect(response.statusCode).toBe(200);
      expect(response.json()).toMatchObject({ ok: false, reason: expect.any(String), message: expect.any(String) });
    }
    const negative = await user.request({ method: 'POST', url: '/api/analytics/bass/fit', payload: { series: [1, 2, -3] } });
    expect(negative.statusCode).toBe(400);
    expect(negative.json().error.details.issues[0].field).toBe('body.series.2');
    const badPrior = await user.request({ method: 'POST', url: '/api/analytics/bass/fit', payload: { series: [1, 2, 3], prior: { p: 0, q: 0.4 } } });
    expect(badPrior.statusCode).toBe(400);
    expect(badPrior.json().error.details.issues[0].field).toBe('body.prior.p');
    const anonymous = await h.app.inject({ method: 'POST', url: '/api/analytics/bass/fit', payload: { series: [1, 2, 3] } });
    expect(anonymous.statusCode).toBe(401);
  });

  it('slices the funnel by first-touch channel, the type of each journey’s earliest activity, as counted by hand', async () => {
    const { am1, am2, s, jA, jB, jD } = await funnelHistory();
    const log = async (caller: Caller, journey: Journey, type: string, occurredAt: string) => {
      const response = await caller.request({ method: 'POST', url: '/api/activities', payload: { type, subject: type, accountId: journey.accountId, journeyId: journey.id, occurredAt } });
      expect(response.statusCode, response.body).toBe(201);
    };
    // A: a visit on 01-02 before an email on 01-03 → in person. B: WhatsApp → whatsapp. C: the SA demo (02-04) → other.
    // D: a telemarketing call → phone. E: no activity → none.
    await log(am1, jA, 'email', '2024-01-03T00:00:00Z');
    await log(am1, jA, 'visit', '2024-01-02T00:00:00Z');
    await log(am1, jB, 'whatsapp', '2024-01-06T00:00:00Z');
    await log(am2, jD, 'telemarketing_call', '2024-02-11T00:00:00Z');

    const report = (await am1.request({ method: 'GET', url: `/api/analytics/funnel?solutionId=${s.id}&by=channel` })).json();
    // Knowledge entered/advanced and adoptions per channel: in person A (1/1, adopted 1), none E (1/0), other C (1/1), phone D (1/0), whatsapp B (1/1).
    expect(report.slices.groups.map((g: { key: string; stages: { entered: number; advanced: number }[]; adopted: number }) => [g.key, g.stages[0]?.entered, g.stages[0]?.advanced, g.stages[2]?.entered, g.adopted])).toEqual([
      ['in_person', 1, 1, 1, 1],
      ['none', 1, 0, 0, 0],
      ['other', 1, 1, 1, 0],
      ['phone', 1, 0, 0, 0],
      ['whatsapp', 1, 1, 1, 0],
    ]);
    // The channel as a filter: A alone, through every stage.
    const inPerson = (await am1.request({ method: 'GET', url: `/api/analytics/funnel?solutionId=${s.id}&channel=in_person` })).json();
    expect(inPerson.stages.map((r: { entered: number }) => r.entered)).toEqual([1, 1, 1, 1, 1]);
    expect(inPerson.outcomes).toMatchObject({ closed: 1, adopted: 1 });
    const bad = await am1.request({ method: 'GET', url: '/api/analytics/funnel?channel=fax' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('query.channel');
  });

  it('saves a Bass prior for a solution, uses it for thin data in that solution’s fit, and lets only product specialists, marcomm and admins write it', async () => {
    const { am1, s } = await funnelHistory();
    const specialist = await h.makeUser('product_specialist');
    const marcomm = await h.makeUser('marcomm');
    const viewer = await h.makeUser('viewer');
    const url = `/api/solutions/${s.id}/bass-prior`;
    const body = { p: 0.01, q: 0.2, m: 40, periodUnit: 'month', source: 'analogue: Campus Wi-Fi 5', series: [{ period: '2019-01', adoptions: 1 }, { period: '2019-02', adoptions: 3 }] };

    expect((await am1.request({ method: 'GET', url })).statusCode).toBe(404);
    expect((await viewer.request({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    expect((await am1.request({ method: 'PUT', url, payload: body })).statusCode).toBe(403);
    const badP = await specialist.request({ method: 'PUT', url, payload: { ...body, p: 0 } });
    expect(badP.statusCode).toBe(400);
    expect(badP.json().error.details.issues[0].field).toBe('body.p');
    expect((await specialist.request({ method: 'PUT', url: '/api/solutions/nope/bass-prior', payload: body })).statusCode).toBe(404);

    const created = await specialist.request({ method: 'PUT', url, payload: body });
    expect(created.statusCode, created.body).toBe(200);
    expect(created.json()).toMatchObject({ solutionId: s.id, p: 0.01, q: 0.2, m: 40, periodUnit: 'month', savedBy: specialist.user.id, version: 1 });
    const read = (await viewer.request({ method: 'GET', url })).json();
    expect(read.series).toEqual(body.series);
    // Replacing needs the version last read.
    expect((await marcomm.request({ method: 'PUT', url, payload: body })).statusCode).toBe(409);
    const replaced = await marcomm.request({ method: 'PUT', url, payload: { ...body, q: 0.3, version: 1 } });
    expect(replaced.statusCode, replaced.body).toBe(200);
    expect(replaced.json()).toMatchObject({ q: 0.3, version: 2 });

    // Two quarters of data are thin: the fit is shrunk toward the saved prior, p and q tripled per quarter, m taken from it.
    const quarterly = (await am1.request({ method: 'GET', url: `/api/analytics/diffusion/${s.id}?bucket=quarter&to=2024-06-30` })).json();
    expect(quarterly.savedPrior).toMatchObject({ source: 'analogue: Campus Wi-Fi 5', periodUnit: 'month', m: 40 });
    expect(quarterly.savedPrior.p).toBeCloseTo(0.03, 12);
    expect(quarterly.savedPrior.q).toBeCloseTo(0.9, 12);
    expect(quarterly.fit).toMatchObject({ ok: true, m: 40, prior: { source: 'solution_prior', m: 40, mSource: 'prior' } });
    expect(quarterly.fit.prior.p).toBeCloseTo(0.03, 12);
    expect(quarterly.fit.flags.usedPrior).toEqual(['p', 'q', 'm']);

    expect((await viewer.request({ method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(403);
    expect((await specialist.request({ method: 'DELETE', url: `${url}?version=1` })).statusCode).toBe(409);
    expect((await specialist.request({ method: 'DELETE', url: `${url}?version=2` })).statusCode).toBe(200);
    expect((await viewer.request({ method: 'GET', url })).statusCode).toBe(404);
    const literature = (await am1.request({ method: 'GET', url: `/api/analytics/diffusion/${s.id}?bucket=quarter&to=2024-06-30` })).json();
    expect(literature.savedPrior).toBeNull();
    expect(literature.fit.prior.source).toBe('sultan_farley_lehmann_1990');
  });

  it('reports the diffusion and adopter categories of every solution at once with the same numbers as one by one', async () => {
    const { s } = await funnelHistory();
    const other = await solution('Campus Wi-Fi', null);
    now = new Date('2024-06-15T00:00:00Z');
    const analytics = h.app.services.analytics;
    const options = { bucket: 'month' as const, to: '2024-05-31', forecastPeriods: 0 };
    const all = await analytics.overview(options);
    expect(all.diffusion.map((r) => r.solution.id).sort()).toEqual([s.id, other.id].sort());
    for (const id of [s.id, other.id]) {
      expect(all.diffusion.find((r) => r.solution.id === id)).toEqual(await analytics.diffusion(id, options));
    }
    const one = await analytics.adopters(s.id);
    const { adopters: listed, ...summary } = one;
    expect(listed.length).toBeGreaterThan(1);
    expect(all.adopters.find((r) => r.solution.id === s.id)).toEqual({
      ...summary,
      adopters: listed.length,
      accounts: listed.map(({ accountId, adoptionTimeDays, category, z }) => ({ accountId, adoptionTimeDays, category, z })),
    });
    expect(all.adopters.find((r) => r.solution.id === other.id)).toMatchObject({ launch: { source: 'none' }, adopters: 0, accounts: [], classification: { ok: false } });
  });

  it('serves the adopter categories of every solution, each as its own report counts them, to signed-in users only', async () => {
    const { am1, s } = await funnelHistory();
    const other = await solution('Campus Wi-Fi', null);
    const response = await am1.request({ method: 'GET', url: '/api/analytics/adopter-categories' });
    expect(response.statusCode, response.body).toBe(200);
    const all = response.json() as { solution: { id: string }; adopters: number }[];
    expect(all.map((r) => r.solution.id).sort()).toEqual([s.id, other.id].sort());
    const one = (await am1.request({ method: 'GET', url: `/api/analytics/adopters?solutionId=${s.id}` })).json();
    const { adopters: listed, ...summary } = one;
    expect(listed.length).toBeGreaterThan(1);
    expect(all.find((r) => r.solution.id === s.id)).toEqual({ ...summary, adopters: listed.length });
    expect(all.find((r) => r.solution.id === other.id)).toMatchObject({ adopters: 0, classification: { ok: false, reason: 'fewer_than_two_adopters' } });
    const anonymous = await h.app.inject({ method: 'GET', url: '/api/analytics/adopter-categories' });
    expect(anonymous.statusCode).toBe(401);
  });
});
