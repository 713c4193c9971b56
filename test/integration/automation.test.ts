import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, expect, it } from 'vitest';
import type { Database, DatabaseConfig } from '../../src/db/database.js';
import { toDbBool } from '../../src/db/dialect.js';
import { repositories } from '../../src/db/repositories/index.js';
import { DEFAULT_RULE_IDS, LEASE_MS } from '../../src/domain/automation.js';
import { addWorkingDays, endOfWorkingDay, indonesianHolidays, localDate } from '../../src/domain/workingDays.js';
import { automationEngine } from '../../src/services/automationWorker.js';
import type { Clock } from '../../src/services/ports.js';
import type { AutomationJob, AutomationRule, AutomationRun } from '../../src/shared/schemas/automation.js';
import { describeEachDatabase } from '../support/databases.js';
import { contactInput, json, makeJourney, testApp, type Caller, type Task, type TestApp } from '../support/app.js';
import { startSmtpServer, surveyTokenIn, type SmtpServer } from '../support/smtp.js';

const root = fileURLToPath(new URL('../../', import.meta.url));
const DAY = 86_400_000;

/** PostgreSQL keeps these tables between tests (the harness truncates the core ones only). */
async function resetAutomation(db: Database): Promise<void> {
  const k = db.kysely;
  await k.deleteFrom('automation_runs').execute();
  await k.deleteFrom('automation_jobs').execute();
  await k.deleteFrom('survey_responses').execute();
  await k.deleteFrom('survey_requests').execute();
  await k.deleteFrom('domain_events').execute();
  await k.deleteFrom('automation_rules').where('is_default', '=', toDbBool(db.dialect, false)).execute();
  await k.updateTable('automation_rules').set({ enabled: toDbBool(db.dialect, true) }).execute();
}

function manualClock(): Clock & { set(at: Date): void } {
  let current = new Date();
  return { now: () => new Date(current), set: (at) => (current = new Date(at)) };
}

describeEachDatabase('automation', (t) => {
  let h: TestApp;
  let smtp: SmtpServer;
  let admin: Caller;
  let marcomm: Caller;
  let am: Caller;
  let sa: Caller;
  const clock = manualClock();

  beforeEach(async () => {
    await resetAutomation(t.db);
    h = await testApp(t.db);
    smtp = await startSmtpServer();
    admin = await h.makeUser('admin');
    marcomm = await h.makeUser('marcomm');
    am = await h.makeUser('account_manager');
    sa = await h.makeUser('solution_architect');
    const saved = await admin.request({
      method: 'PUT',
      url: '/api/admin/smtp',
      payload: { host: '127.0.0.1', port: smtp.port, security: 'none', username: null, fromAddress: 'difusi@example.test' },
    });
    expect(saved.statusCode).toBe(200);
  });

  afterEach(async () => {
    await smtp.close();
  });

  /** The engine at a chosen instant, sending through the stored SMTP settings. */
  function engineAt(at: Date) {
    clock.set(at);
    return automationEngine({ ...h.deps, clock }, { publicUrl: 'http://difusi.test' });
  }

  async function rules(): Promise<AutomationRule[]> {
    return json<{ items: AutomationRule[] }>(await marcomm.request({ method: 'GET', url: '/api/automation/rules' })).items;
  }

  /** Disables every rule but these, through the API. */
  async function onlyRules(keep: string[]): Promise<void> {
    for (const rule of await rules()) {
      if (keep.includes(rule.id)) continue;
      const res = await marcomm.request({ method: 'PATCH', url: `/api/automation/rules/${rule.id}`, payload: { enabled: false, version: rule.version } });
      expect(res.statusCode).toBe(200);
    }
  }

  async function createRule(body: Record<string, unknown>): Promise<AutomationRule> {
    const res = await marcomm.request({ method: 'POST', url: '/api/automation/rules', payload: body });
    expect(res.statusCode, res.body).toBe(201);
    return json<AutomationRule>(res);
  }

  async function jobsOf(ruleId: string): Promise<AutomationJob[]> {
    return json<{ items: AutomationJob[] }>(await marcomm.request({ method: 'GET', url: `/api/automation/jobs?ruleId=${ruleId}` })).items;
  }

  async function runsOf(jobId: string): Promise<AutomationRun[]> {
    const runs = json<{ items: AutomationRun[] }>(await marcomm.request({ method: 'GET', url: '/api/automation/runs?limit=200' })).items;
    return runs.filter((r) => r.jobId === jobId).sort((a, b) => a.attempt - b.attempt || a.at.localeCompare(b.at));
  }

  async function tasksOf(journeyId: string): Promise<Task[]> {
    return json<{ items: Task[] }>(await admin.request({ method: 'GET', url: `/api/tasks?relatedType=journey&relatedId=${journeyId}` })).items;
  }

  const holidays = new Set(indonesianHolidays.map((h) => h.date));

  it('ships the default rules, enabled and editable', async () => {
    const list = await rules();
    expect(list.filter((r) => r.isDefault).map((r) => r.id)).toEqual(Object.values(DEFAULT_RULE_IDS));
    expect(list.every((r) => r.enabled)).toBe(true);
  });

  it('acts once on a trigger even when the same event is processed twice and concurrently', async () => {
    await onlyRules([DEFAULT_RULE_IDS.decisionDemo]);
    const { journey } = await makeJourney(h, am, { stage: 'decision', saId: sa.user.id });
    const at = new Date();
    await Promise.all([engineAt(at).processEvents(), engineAt(at).processEvents()]);
    // The same event read again, as a consumer that crashed before marking it would read it.
    await t.db.kysely.updateTable('domain_events').set({ processed_at: null }).execute();
    await engineAt(at).processEvents();
    expect(await jobsOf(DEFAULT_RULE_IDS.decisionDemo)).toHaveLength(1);

    await Promise.all([engineAt(at).runDueJobs(), engineAt(at).runDueJobs()]);
    await engineAt(at).runDueJobs();
    const tasks = await tasksOf(journey.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigneeId: sa.user.id, source: 'automation', title: 'Siapkan dan jalankan demo solusi' });
    const events = await repositories(t.db.kysely, t.db.dialect).events.forSubject('journey', journey.id);
    const entered = events.find((e) => e.type === 'journey.stage_entered');
    const due = endOfWorkingDay(addWorkingDays(localDate(new Date(entered?.occurredAt ?? ''), 'Asia/Jakarta'), 5, holidays), 'Asia/Jakarta');
    expect(tasks[0]?.dueAt).toBe(due);
    const [job] = await jobsOf(DEFAULT_RULE_IDS.decisionDemo);
    expect(job).toMatchObject({ status: 'done', attempts: 1 });
  });

  it('finishes a job exactly once after the worker running it is killed mid-run', async () => {
    await onlyRules([]);
    const rule = await createRule({
      name: 'Persuasion pack',
      trigger: { kind: 'stage_entered', stage: 'persuasion' },
      actions: [
        { kind: 'create_task', assignee: 'am', title: 'Kirim materi persuasi', dueInWorkingDays: 1 },
        { kind: 'notify_email', to: 'owner', subject: 'Journey {{account}} in persuasion', body: 'See {{journeyUrl}}' },
      ],
    });
    const { journey } = await makeJourney(h, am, { stage: 'persuasion' });
    const start = new Date();
    await engineAt(start).processEvents();

    const database: DatabaseConfig = t.dialect === 'sqlite' ? { sqliteFile: t.db.location } : { url: t.db.location };
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/support/automationCrash.ts'], {
      cwd: root,
      env: { ...process.env, DIFUSI_TEST_DATABASE: JSON.stringify(database), DIFUSI_TEST_NOW: start.toISOString() },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        if (chunk.toString().includes('SENDING')) resolve();
      });
      child.on('exit', (code) => reject(new Error(`the worker exited (${code}) before sending: ${stderr}`)));
    });
    const exited = new Promise((resolve) => child.on('exit', resolve));
    child.kill('SIGKILL');
    await exited;

    const [halfDone] = await jobsOf(rule.id);
    expect(halfDone).toMatchObject({ status: 'running', attempts: 1, doneActions: [0] });
    expect(await tasksOf(journey.id)).toHaveLength(1);
    expect(smtp.received).toHaveLength(0);

    // A fresh worker leaves the job alone while the dead worker's lease holds…
    expect(await engineAt(new Date(start.getTime() + 60_000)).runDueJobs()).toBe(0);
    // …and completes it once the lease has run out.
    expect(await engineAt(new Date(start.getTime() + LEASE_MS + 1000)).runDueJobs()).toBe(1);
    expect(await engineAt(new Date(start.getTime() + LEASE_MS + 2000)).runDueJobs()).toBe(0);

    const [job] = await jobsOf(rule.id);
    expect(job).toMatchObject({ status: 'done', attempts: 2, doneActions: [0, 1] });
    expect(await tasksOf(journey.id)).toHaveLength(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual([am.user.email]);
    expect(smtp.received[0]?.text).toContain(`http://difusi.test/journeys/${journey.id}`);
    expect((await runsOf(job?.id ?? '')).map((r) => [r.attempt, r.outcome])).toEqual([
      [1, 'abandoned'],
      [2, 'done'],
    ]);
  });

  it('retries a failing action with exponential backoff and gives up after five attempts', async () => {
    await onlyRules([]);
    const rule = await createRule({
      name: 'Tell the owner',
      trigger: { kind: 'stage_entered', stage: 'persuasion' },
      actions: [{ kind: 'notify_email', to: 'owner', subject: 'Persuasion', body: 'A journey entered persuasion.' }],
    });
    await makeJourney(h, am, { stage: 'persuasion' });
    smtp.refuse(true);
    let at = new Date();
    await engineAt(at).processEvents();

    const delays = [1, 2, 4, 8];
    for (const [i, minutes] of delays.entries()) {
      expect(await engineAt(at).runDueJobs()).toBe(1);
      const [job] = await jobsOf(rule.id);
      expect(job).toMatchObject({ status: 'failed', attempts: i + 1 });
      expect(job?.lastError).toContain('delivery_failed');
      const next = new Date(at.getTime() + minutes * 60_000);
      expect(job?.nextAttemptAt).toBe(next.toISOString());
      expect(await engineAt(new Date(next.getTime() - 1000)).runDueJobs()).toBe(0);
      at = next;
    }
    expect(await engineAt(at).runDueJobs()).toBe(1);
    const [dead] = await jobsOf(rule.id);
    expect(dead).toMatchObject({ status: 'dead', attempts: 5 });
    expect(await engineAt(new Date(at.getTime() + DAY)).runDueJobs()).toBe(0);
    expect((await runsOf(dead?.id ?? '')).map((r) => r.outcome)).toEqual(['failed', 'failed', 'failed', 'failed', 'dead']);

    const refused = await am.request({ method: 'POST', url: `/api/automation/jobs/${dead?.id}/retry` });
    expect(refused.statusCode).toBe(403);
    const retried = await marcomm.request({ method: 'POST', url: `/api/automation/jobs/${dead?.id}/retry` });
    expect(retried.statusCode).toBe(200);
    expect(json<AutomationJob>(retried)).toMatchObject({ status: 'pending', attempts: 0 });
    const again = await marcomm.request({ method: 'POST', url: `/api/automation/jobs/${dead?.id}/retry` });
    expect(again.statusCode).toBe(409);
    expect(json<{ error: { code: string } }>(again).error.code).toBe('job_not_dead');

    smtp.refuse(false);
    expect(await engineAt(new Date(at.getTime() + DAY)).runDueJobs()).toBe(1);
    expect((await jobsOf(rule.id))[0]).toMatchObject({ status: 'done', attempts: 1 });
    expect(smtp.received).toHaveLength(1);
  });

  it('gives a webinar attendee’s account manager a follow-up due two working days later, past weekend and holiday', async () => {
    await onlyRules([DEFAULT_RULE_IDS.webinarFollowUp]);
    const { journey, account } = await makeJourney(h, am);
    const repos = repositories(t.db.kysely, t.db.dialect);
    // Thursday 13 August 2026, 10:00 in Jakarta; Monday 17 August is Independence Day.
    for (const [campaignType, kind] of [['webinar', 'attended'], ['webinar', 'registered'], ['event', 'attended']] as const) {
      await repos.events.append({
        id: h.deps.ids.next(),
        type: 'campaign.response',
        subjectType: 'campaign_response',
        subjectId: h.deps.ids.next(),
        payload: { campaignId: 'c1', campaignType, kind, contactId: null, accountId: account.id, journeyId: journey.id, solutionId: journey.solutionId },
        actorId: null,
        occurredAt: '2026-08-13T03:00:00.000Z',
      });
    }
    const at = new Date('2026-08-13T03:00:05.000Z');
    await engineAt(at).processEvents();
    await engineAt(at).runDueJobs();
    const tasks = await tasksOf(journey.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigneeId: am.user.id, title: 'Tindak lanjuti peserta webinar', dueAt: '2026-08-18T10:00:00.000Z', accountId: account.id });
  });

  it('nudges the owner of a journey idle for 30 days, once per idle spell', async () => {
    await onlyRules([DEFAULT_RULE_IDS.idleNudge]);
    const { journey } = await makeJourney(h, am);
    expect(await engineAt(new Date(Date.now() + 29 * DAY)).scanSchedules()).toBe(0);
    const later = new Date(Date.now() + 31 * DAY);
    expect(await engineAt(later).scanSchedules()).toBe(1);
    expect(await engineAt(later).scanSchedules()).toBe(0);
    await engineAt(later).runDueJobs();
    const tasks = await tasksOf(journey.id);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]).toMatchObject({ assigneeId: am.user.id, title: 'Hubungi kembali: 30 hari tanpa sentuhan' });
    expect(await engineAt(new Date(Date.now() + 45 * DAY)).scanSchedules()).toBe(0);
  });

  it('does not turn the backlog of long-idle journeys into tasks when an idle rule is enabled, only journeys going idle after', async () => {
    await onlyRules([DEFAULT_RULE_IDS.idleNudge]);
    const { journey: longIdle } = await makeJourney(h, am);
    const { journey: goingIdle } = await makeJourney(h, am);
    const now = Date.now();
    const backdate = (id: string, daysAgo: number) =>
      t.db.kysely
        .updateTable('journeys')
        .set({ stage_entered_at: new Date(now - daysAgo * DAY).toISOString(), last_activity_at: new Date(now - daysAgo * DAY).toISOString() })
        .where('id', '=', id)
        .execute();
    await backdate(longIdle.id, 100);
    await backdate(goingIdle.id, 25);
    // Switched off and on again: the rule counts from now.
    const [idleRule] = (await rules()).filter((r) => r.id === DEFAULT_RULE_IDS.idleNudge);
    const off = json<AutomationRule>(await marcomm.request({ method: 'PATCH', url: `/api/automation/rules/${idleRule?.id}`, payload: { enabled: false, version: idleRule?.version } }));
    expect((await marcomm.request({ method: 'PATCH', url: `/api/automation/rules/${off.id}`, payload: { enabled: true, version: off.version } })).statusCode).toBe(200);
    // A new rule is armed when it is created.
    const sixty = await createRule({ name: 'Idle 60 days', trigger: { kind: 'no_touch', days: 60 }, actions: [{ kind: 'create_task', assignee: 'am', title: '60 days idle', dueInWorkingDays: 1 }] });

    expect(await engineAt(new Date(now + 60_000)).scanSchedules()).toBe(0);
    // Six days on, the journey touched 25 days ago has reached 30 idle days since the rule was armed.
    expect(await engineAt(new Date(now + 6 * DAY)).scanSchedules()).toBe(1);
    expect((await jobsOf(DEFAULT_RULE_IDS.idleNudge)).map((j) => j.journeyId)).toEqual([goingIdle.id]);
    expect(await jobsOf(sixty.id)).toHaveLength(0);
    // Renaming the rule does not re-arm it: a journey that crossed meanwhile is still nudged.
    await makeJourney(h, am);
    const [current] = (await rules()).filter((r) => r.id === DEFAULT_RULE_IDS.idleNudge);
    expect((await marcomm.request({ method: 'PATCH', url: `/api/automation/rules/${current?.id}`, payload: { name: 'Idle nudge', version: current?.version } })).statusCode).toBe(200);
    expect(await engineAt(new Date(now + 31 * DAY)).scanSchedules()).toBe(1);
  });

  it('emails a CSAT survey 30 days after go-live and an NPS survey after 90, to a contact who consented', async () => {
    await onlyRules([DEFAULT_RULE_IDS.goLiveCsat, DEFAULT_RULE_IDS.goLiveNps]);
    const { journey, account } = await makeJourney(h, am, { stage: 'confirmation' });
    const consent = { channel: 'email', granted: true, source: 'kick-off meeting', recordedAt: new Date().toISOString() };
    const created = await am.request({
      method: 'POST',
      url: '/api/contacts',
      payload: contactInput(account.id, { email: 'dewi@pelanggan.test', fullName: 'Dewi Lestari', consents: [consent] }),
    });
    expect(created.statusCode, created.body).toBe(201);
    await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { email: 'no.consent@pelanggan.test' }) });

    expect(await engineAt(new Date(Date.now() + 29 * DAY)).scanSchedules()).toBe(0);
    const day30 = new Date(Date.now() + 30 * DAY + 3_600_000);
    expect(await engineAt(day30).scanSchedules()).toBe(1);
    expect(await engineAt(day30).runDueJobs()).toBe(1);
    expect(smtp.received).toHaveLength(1);
    expect(smtp.received[0]?.to).toEqual(['dewi@pelanggan.test']);
    const csatToken = surveyTokenIn(smtp.received[0]?.text ?? '');
    const csat = await h.app.inject({ method: 'GET', url: `/api/surveys/${csatToken}` });
    expect(csat.statusCode).toBe(200);
    expect(json<{ kind: string }>(csat).kind).toBe('csat');

    const day90 = new Date(Date.now() + 90 * DAY + 3_600_000);
    expect(await engineAt(day90).scanSchedules()).toBe(1);
    await engineAt(day90).runDueJobs();
    expect(smtp.received).toHaveLength(2);
    const npsToken = surveyTokenIn(smtp.received[1]?.text ?? '');
    expect(json<{ kind: string }>(await h.app.inject({ method: 'GET', url: `/api/surveys/${npsToken}` })).kind).toBe('nps');
    const surveys = json<{ items: { kind: string; sentAt: string | null; source: string }[] }>(await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/surveys` }));
    expect(surveys.items.map((s) => [s.kind, s.source, s.sentAt !== null]).sort()).toEqual([
      ['csat', 'automation', true],
      ['nps', 'automation', true],
    ]);
  });

  it('skips a journey that does not meet the rule’s conditions', async () => {
    await onlyRules([]);
    const { journey: other } = await makeJourney(h, am);
    const rule = await createRule({
      name: 'Only one solution',
      trigger: { kind: 'stage_entered', stage: 'persuasion' },
      conditions: { solutionId: other.solutionId },
      actions: [{ kind: 'create_task', assignee: 'am', title: 'Only for that solution', dueInWorkingDays: 1 }],
    });
    const { journey } = await makeJourney(h, am, { stage: 'persuasion' });
    await engineAt(new Date()).processEvents();
    expect(await jobsOf(rule.id)).toHaveLength(0);
    expect(await tasksOf(journey.id)).toHaveLength(0);
  });

  it('adds the account’s contacts to a campaign’s audience once, however often the job runs', async () => {
    await onlyRules([]);
    const campaign = json<{ id: string }>(await marcomm.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'Undangan webinar keamanan', type: 'webinar' } }));
    const rule = await createRule({
      name: 'Decision-stage accounts to the security webinar',
      trigger: { kind: 'stage_entered', stage: 'decision' },
      actions: [{ kind: 'add_to_campaign', campaignId: campaign.id }],
    });
    const { account, journey } = await makeJourney(h, am, { stage: 'decision' });
    for (const name of ['Sari Dewi', 'Budi Santoso']) await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { fullName: name }) });
    const at = new Date();
    await engineAt(at).processEvents();
    await engineAt(at).runDueJobs();
    await t.db.kysely.updateTable('domain_events').set({ processed_at: null }).execute();
    await engineAt(at).processEvents();
    await engineAt(at).runDueJobs();

    const audience = await t.db.kysely.selectFrom('campaign_audience').select(['contact_id', 'account_id']).where('campaign_id', '=', campaign.id).execute();
    expect(audience).toHaveLength(2);
    expect(audience.every((m) => m.account_id === journey.accountId)).toBe(true);
    const [job] = await jobsOf(rule.id);
    expect(job).toMatchObject({ status: 'done' });
    expect((await runsOf(job!.id)).map((r) => r.message)).toEqual(['2 contact(s) added to the audience of Undangan webinar keamanan']);

    const gone = await marcomm.request({ method: 'POST', url: '/api/automation/rules', payload: { name: 'X', trigger: { kind: 'stage_entered', stage: 'decision' }, actions: [{ kind: 'add_to_campaign', campaignId: 'nope' }] } });
    expect(gone.statusCode).toBe(400);
    expect(gone.body).toContain('body.actions.0.campaignId');
  });

  it('validates rules, naming the field, and lets only marcomm, product specialists and admins write them', async () => {
    const base = { name: 'Rule', trigger: { kind: 'stage_entered', stage: 'decision' }, actions: [{ kind: 'create_task', assignee: 'sa', title: 'Demo', dueInWorkingDays: 2 }] };
    const badSegment = await marcomm.request({ method: 'POST', url: '/api/automation/rules', payload: { ...base, conditions: { segmentId: 'nope' } } });
    expect(badSegment.statusCode).toBe(400);
    expect(badSegment.body).toContain('body.conditions.segmentId');
    const badTrigger = await marcomm.request({ method: 'POST', url: '/api/automation/rules', payload: { ...base, trigger: { kind: 'stage_entered', stage: 'nowhere' } } });
    expect(badTrigger.statusCode).toBe(400);
    expect(badTrigger.body).toContain('body.trigger');
    const badValue = await marcomm.request({
      method: 'POST',
      url: '/api/automation/rules',
      payload: { ...base, actions: [{ kind: 'set_field', field: 'saId', value: 'not-a-user' }] },
    });
    expect(badValue.statusCode).toBe(400);
    expect(badValue.body).toContain('body.actions.0.value');
    expect((await am.request({ method: 'POST', url: '/api/automation/rules', payload: base })).statusCode).toBe(403);

    const rule = await createRule(base);
    const stale = await marcomm.request({ method: 'PATCH', url: `/api/automation/rules/${rule.id}`, payload: { enabled: false, version: rule.version + 1 } });
    expect(stale.statusCode).toBe(409);
    const removed = await marcomm.request({ method: 'DELETE', url: `/api/automation/rules/${rule.id}?version=${rule.version}` });
    expect(removed.statusCode).toBe(200);
    expect((await rules()).some((r) => r.id === rule.id)).toBe(false);
  });

  it('lets admins replace the holiday list that due dates skip', async () => {
    const list = json<{ items: { date: string }[] }>(await am.request({ method: 'GET', url: '/api/automation/holidays?year=2026' })).items;
    expect(list.map((h) => h.date)).toContain('2026-08-17');
    const items = [
      { date: '2026-08-14', name: 'Cuti perusahaan' },
      { date: '2026-08-17', name: 'Hari Kemerdekaan' },
    ];
    expect((await marcomm.request({ method: 'PUT', url: '/api/automation/holidays', payload: { items } })).statusCode).toBe(403);
    const duplicate = await admin.request({ method: 'PUT', url: '/api/automation/holidays', payload: { items: [...items, items[0]] } });
    expect(duplicate.statusCode).toBe(400);
    expect(duplicate.body).toContain('body.items.2.date');
    const saved = await admin.request({ method: 'PUT', url: '/api/automation/holidays', payload: { items } });
    expect(saved.statusCode).toBe(200);

    await onlyRules([DEFAULT_RULE_IDS.webinarFollowUp]);
    const { journey, account } = await makeJourney(h, am);
    await repositories(t.db.kysely, t.db.dialect).events.append({
      id: h.deps.ids.next(),
      type: 'campaign.response',
      subjectType: 'campaign_response',
      subjectId: h.deps.ids.next(),
      payload: { campaignId: 'c1', campaignType: 'webinar', kind: 'attended', contactId: null, accountId: account.id, journeyId: journey.id, solutionId: journey.solutionId },
      actorId: null,
      occurredAt: '2026-08-13T03:00:00.000Z',
    });
    const at = new Date('2026-08-13T03:00:05.000Z');
    await engineAt(at).processEvents();
    await engineAt(at).runDueJobs();
    // Friday 14th is now a company holiday too: Tuesday 18th, then Wednesday 19th.
    expect((await tasksOf(journey.id))[0]?.dueAt).toBe('2026-08-19T10:00:00.000Z');
    // Put the seeded list back for the next test on PostgreSQL (the table is not truncated).
    await admin.request({ method: 'PUT', url: '/api/automation/holidays', payload: { items: indonesianHolidays } });
  });
});
