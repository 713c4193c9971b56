import { randomUUID } from 'node:crypto';
import {
  afterFailure,
  conditionsHold,
  daysAfterAnchorWindow,
  daysAfterTriggerKey,
  eventMatches,
  eventSubject,
  eventTriggerKey,
  idleWindow,
  isEventTrigger,
  LEASE_MS,
  MAX_ATTEMPTS,
  noTouchTriggerKey,
  type ConditionFacts,
  type JobSubject,
} from '../domain/automation.js';
import { addWorkingDays, endOfWorkingDay, localDate } from '../domain/workingDays.js';
import type { ClaimedJob } from '../db/repositories/automation.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import { AppError } from '../shared/errors.js';
import type { Action, AutomationRule } from '../shared/schemas/automation.js';
import type { Journey } from '../shared/schemas/journeys.js';
import { audit, read, transact, type Deps } from './context.js';
import { sendEmail } from './mail.js';
import { newSurveyToken, surveyEmail, surveyExpiry, surveyLink, surveyRecipient } from './surveys.service.js';

/**
 * The automation engine (issue 4 §7). Durable and exactly-once in its database effects:
 *
 * 1. `processEvents` reads unprocessed outbox events and, in one transaction per event, inserts a
 *    job for each matching rule under the unique key (rule, `event:<id>`) — insert-or-ignore — and
 *    marks the event processed. Reading an event twice, or two workers reading it at once, yields
 *    one job.
 * 2. `scanSchedules` finds journeys idle for `no_touch` rules and anchor dates for `days_after`
 *    rules, inserting jobs under keys of the journey and the date, so each fires once. Only
 *    thresholds crossed since the rule was armed count (domain/automation.ts): enabling a rule
 *    does not turn the backlog of long-idle journeys into a flood of tasks.
 * 3. `runDueJobs` claims due jobs with a lease (compare-and-set), carries out their actions and
 *    records a run. Each database action commits together with the job's progress, checked against
 *    the claim token, so a resumed job never repeats one; emails are sent before their progress is
 *    recorded, so a worker killed between the two may send that one email again (at least once).
 *    A failure is retried with exponential backoff and ends `dead` after the last attempt.
 */

export interface EngineOptions {
  /** The address people open the web app at, for links in emails (survey links). */
  publicUrl: string;
  leaseMs?: number;
  maxAttempts?: number;
  batchSize?: number;
}

/** The worker lost its claim (its lease ran out and another worker took the job). */
class LostClaim extends Error {
  constructor() {
    super('the job was claimed by another worker');
  }
}

/** An action that cannot be done for this subject (no one to assign, no consent): logged, not retried. */
interface ActionResult {
  message: string;
}

interface JobContext {
  job: ClaimedJob;
  rule: AutomationRule;
  journey: Journey | null;
  accountId: string | null;
  ownerFallback: string | null;
}

function errorMessage(error: unknown): string {
  if (error instanceof AppError) {
    const reason = typeof error.details?.reason === 'string' ? `: ${error.details.reason}` : '';
    return `${error.code}${reason} (${error.message})`;
  }
  return error instanceof Error ? error.message : String(error);
}

export function automationEngine(deps: Deps, options: EngineOptions) {
  const leaseMs = options.leaseMs ?? LEASE_MS;
  const maxAttempts = options.maxAttempts ?? MAX_ATTEMPTS;
  const batchSize = options.batchSize ?? 100;
  const now = () => deps.clock.now();

  /** The facts a rule's conditions need; null when the subject is gone. */
  async function conditionFacts(repos: Repositories, rule: AutomationRule, subject: JobSubject): Promise<ConditionFacts | null> {
    const journey = subject.journeyId ? await repos.journeys.findById(subject.journeyId) : null;
    if (subject.journeyId && !journey) return null;
    const accountId = journey?.accountId ?? subject.accountId;
    const account = accountId ? await repos.accounts.findById(accountId) : null;
    if (accountId && !account) return null;
    const inSegment = rule.conditions.segmentId !== null && accountId ? await repos.segments.accountInSegment(rule.conditions.segmentId, accountId, now().toISOString()) : null;
    return { solutionId: journey?.solutionId ?? null, teamId: journey?.teamId ?? account?.teamId ?? null, inSegment };
  }

  async function enqueue(repos: Repositories, rule: AutomationRule, triggerKey: string, subject: JobSubject, eventId: string | null, triggeredAt: string): Promise<boolean> {
    const facts = await conditionFacts(repos, rule, subject);
    if (!facts || !conditionsHold(rule.conditions, facts)) return false;
    const journey = subject.journeyId ? await repos.journeys.findById(subject.journeyId) : null;
    return repos.automation.insertJobOnce(
      {
        id: deps.ids.next(),
        ruleId: rule.id,
        ruleVersion: rule.version,
        triggerKey,
        eventId,
        journeyId: subject.journeyId,
        accountId: journey?.accountId ?? subject.accountId,
        contactId: subject.contactId,
        triggeredAt,
      },
      now().toISOString(),
    );
  }

  /** Turns unprocessed outbox events into jobs; returns how many events it handled. */
  async function processEvents(limit = batchSize): Promise<number> {
    const events = await read(deps).events.unprocessed(limit);
    if (events.length === 0) return 0;
    const rules = (await read(deps).automation.enabledRules()).filter((r) => isEventTrigger(r.trigger));
    for (const event of events) {
      await transact(deps, async (repos) => {
        for (const rule of rules) {
          if (!eventMatches(event, rule.trigger)) continue;
          await enqueue(repos, rule, eventTriggerKey(event.id), eventSubject(event), event.id, event.occurredAt);
        }
        await repos.events.markProcessed(event.id, now().toISOString());
      });
    }
    return events.length;
  }

  /** Creates the jobs of time-based rules that have fallen due; returns how many it created. */
  async function scanSchedules(limit = 500): Promise<number> {
    const rules = (await read(deps).automation.enabledRules()).filter((r) => !isEventTrigger(r.trigger));
    let created = 0;
    const at = now();
    for (const rule of rules) {
      const trigger = rule.trigger;
      if (trigger.kind === 'no_touch') {
        const idle = await read(deps).automation.idleJourneys(rule.id, idleWindow(at, trigger.days, rule.armedAt), limit);
        for (const j of idle) {
          const due = new Date(Date.parse(j.lastTouchAt) + trigger.days * 86_400_000).toISOString();
          const subject = { journeyId: j.journeyId, accountId: j.accountId, contactId: null };
          if (await transact(deps, (repos) => enqueue(repos, rule, noTouchTriggerKey(j.journeyId, j.lastTouchAt), subject, null, due))) created += 1;
        }
      } else if (trigger.kind === 'days_after') {
        const window = daysAfterAnchorWindow(at, trigger.days, rule.armedAt);
        const anchored = await read(deps).automation.anchoredJourneys(trigger.field, window.from, window.to, limit);
        for (const j of anchored) {
          const due = new Date(Date.parse(j.anchorAt) + trigger.days * 86_400_000).toISOString();
          const subject = { journeyId: j.journeyId, accountId: j.accountId, contactId: null };
          if (await transact(deps, (repos) => enqueue(repos, rule, daysAfterTriggerKey(j.journeyId, trigger.field, j.anchorAt), subject, null, due))) created += 1;
        }
      }
    }
    return created;
  }

  // --- actions ------------------------------------------------------------------------------

  /** Commits `work` together with "action i is done", only while this worker holds the job. */
  async function commitAction(ctx: JobContext, index: number, work: (repos: Repositories) => Promise<void>): Promise<void> {
    await transact(deps, async (repos) => {
      const done = [...ctx.job.doneActions, index];
      if (!(await repos.automation.recordProgress(ctx.job.id, ctx.job.claimToken, done))) throw new LostClaim();
      await work(repos);
      ctx.job.doneActions = done;
    });
  }

  function roleUser(ctx: JobContext, role: 'am' | 'sa' | 'marcomm' | 'owner'): { userId: string | null; fellBack: boolean } {
    const j = ctx.journey;
    const direct = role === 'am' || role === 'owner' ? j?.ownerId : role === 'sa' ? j?.saId : j?.marcommId;
    if (direct) return { userId: direct, fellBack: false };
    return { userId: ctx.ownerFallback, fellBack: role !== 'am' && role !== 'owner' && ctx.ownerFallback !== null };
  }

  async function createTask(ctx: JobContext, index: number, action: Extract<Action, { kind: 'create_task' }>): Promise<ActionResult> {
    const repos = read(deps);
    const { timeZone } = await repos.money.workspaceSettings();
    const holidays = new Set((await repos.automation.holidays()).map((h) => h.date));
    const start = localDate(new Date(ctx.job.triggeredAt), timeZone);
    const dueDate = addWorkingDays(start, action.dueInWorkingDays, holidays);
    const { userId, fellBack } = roleUser(ctx, action.assignee);
    const taskId = deps.ids.next();
    await commitAction(ctx, index, async (trx) => {
      const at = now().toISOString();
      const task = await trx.tasks.insert(
        {
          id: taskId,
          title: action.title,
          notes: `Otomatis: aturan "${ctx.rule.name}" / Automatic: rule "${ctx.rule.name}"`,
          assigneeId: userId,
          dueAt: endOfWorkingDay(dueDate, timeZone),
          status: 'open',
          relatedType: ctx.journey ? 'journey' : ctx.accountId ? 'account' : null,
          relatedId: ctx.journey?.id ?? ctx.accountId,
          accountId: ctx.accountId,
          source: 'automation',
          createdBy: null,
          completedAt: null,
        },
        at,
      );
      await audit(trx, deps, null, 'create', 'task', task.id, null, { ...task, automationJobId: ctx.job.id });
    });
    return { message: `task ${taskId} for ${userId ?? 'nobody'} due ${dueDate}${fellBack ? ` (no ${action.assignee}: the account manager)` : ''}` };
  }

  function fill(template: string, ctx: JobContext): string {
    return template
      .replaceAll('{{account}}', ctx.journey?.accountName ?? '')
      .replaceAll('{{solution}}', ctx.journey?.solutionName ?? '')
      .replaceAll('{{stage}}', ctx.journey?.stage ?? '')
      .replaceAll('{{journeyUrl}}', ctx.journey ? `${options.publicUrl.replace(/\/+$/, '')}/journeys/${ctx.journey.id}` : '');
  }

  async function notifyEmail(ctx: JobContext, index: number, action: Extract<Action, { kind: 'notify_email' }>): Promise<ActionResult> {
    const { userId } = roleUser(ctx, action.to);
    const user = userId ? await read(deps).users.findById(userId) : null;
    if (!user || !user.active) {
      await commitAction(ctx, index, async () => undefined);
      return { message: `no ${action.to} to email: skipped` };
    }
    await sendEmail(deps, { to: user.email, subject: fill(action.subject, ctx), text: fill(action.body, ctx) });
    await commitAction(ctx, index, (trx) => audit(trx, deps, null, 'notify', 'automation_job', ctx.job.id, null, { to: user.email, subject: action.subject }));
    return { message: `emailed ${user.email}` };
  }

  async function setField(ctx: JobContext, index: number, action: Extract<Action, { kind: 'set_field' }>): Promise<ActionResult> {
    if (!ctx.journey) {
      await commitAction(ctx, index, async () => undefined);
      return { message: `no journey: ${action.field} not set` };
    }
    const journeyId = ctx.journey.id;
    await commitAction(ctx, index, async (trx) => {
      const current = await trx.journeys.findById(journeyId);
      if (!current) return;
      const next: Journey = { ...current, [action.field]: action.value };
      const at = now().toISOString();
      // A concurrent edit is a failure like any other: the job is tried again with the fresh version.
      if (!(await trx.journeys.update(next, current.version, at))) throw new AppError('version_conflict', { record: 'journey', id: journeyId });
      await audit(trx, deps, null, 'update', 'journey', journeyId, current, { ...next, automationJobId: ctx.job.id });
    });
    return { message: `${action.field} set to ${action.value ?? 'null'}` };
  }

  /** The trigger's contact (or, without one, every contact of the account) joins a campaign's audience. */
  async function addToCampaign(ctx: JobContext, index: number, action: Extract<Action, { kind: 'add_to_campaign' }>): Promise<ActionResult> {
    const accountId = ctx.accountId;
    let message = '';
    await commitAction(ctx, index, async (trx) => {
      const campaign = await trx.campaigns.findById(action.campaignId);
      if (!campaign || campaign.status === 'closed') {
        message = `campaign ${action.campaignId} is closed or gone: nobody added`;
        return;
      }
      if (!accountId) {
        message = `no account: nobody added to ${campaign.name}`;
        return;
      }
      const added = await trx.campaigns.addToAudience(campaign.id, { accountId, contactId: ctx.job.contactId });
      message = `${added} contact(s) added to the audience of ${campaign.name}`;
    });
    return { message };
  }

  async function requestSurvey(ctx: JobContext, index: number, action: Extract<Action, { kind: 'request_survey' }>): Promise<ActionResult> {
    const journey = ctx.journey;
    if (!journey) {
      await commitAction(ctx, index, async () => undefined);
      return { message: 'no journey: no survey' };
    }
    const requestKey = `${ctx.job.id}:${index}`;
    const existing = await read(deps).surveys.findByJob(requestKey);
    if (existing?.sentAt) {
      await commitAction(ctx, index, async () => undefined);
      return { message: `survey ${existing.id} was already sent` };
    }
    const recipient = await surveyRecipient(read(deps), journey, existing?.contactId ?? ctx.job.contactId);
    if (!recipient) {
      await commitAction(ctx, index, async () => undefined);
      return { message: 'no contact with an email address and email consent: no survey sent' };
    }
    const { token, hash } = newSurveyToken();
    const expiresAt = surveyExpiry(now());
    const requestId = existing?.id ?? deps.ids.next();
    await transact(deps, async (trx) => {
      if (existing) await trx.surveys.rotateToken(existing.id, hash, expiresAt);
      else {
        await trx.surveys.insertRequest(
          { id: requestId, journeyId: journey.id, contactId: recipient.id, kind: action.surveyKind, tokenHash: hash, jobId: requestKey, requestedBy: null, expiresAt },
          now().toISOString(),
        );
      }
    });
    await sendEmail(deps, { to: recipient.email, ...surveyEmail(action.surveyKind, recipient.fullName, journey.solutionName, surveyLink(options.publicUrl, token)) });
    await commitAction(ctx, index, async (trx) => {
      await trx.surveys.markSent(requestId, now().toISOString());
      await audit(trx, deps, null, 'request_survey', 'journey', journey.id, null, { requestId, kind: action.surveyKind, contactId: recipient.id, automationJobId: ctx.job.id });
    });
    return { message: `${action.surveyKind} survey ${requestId} emailed to ${recipient.fullName}` };
  }

  async function runAction(ctx: JobContext, index: number, action: Action): Promise<ActionResult> {
    switch (action.kind) {
      case 'create_task':
        return createTask(ctx, index, action);
      case 'notify_email':
        return notifyEmail(ctx, index, action);
      case 'set_field':
        return setField(ctx, index, action);
      case 'request_survey':
        return requestSurvey(ctx, index, action);
      case 'add_to_campaign':
        return addToCampaign(ctx, index, action);
    }
  }

  // --- jobs ---------------------------------------------------------------------------------

  async function finishJob(job: ClaimedJob, outcome: 'done' | 'skipped', message: string): Promise<void> {
    await transact(deps, async (repos) => {
      const at = now().toISOString();
      if (!(await repos.automation.finish(job.id, job.claimToken, { status: 'done', lastError: null, nextAttemptAt: at, finishedAt: at }))) throw new LostClaim();
      await repos.automation.insertRun({ id: deps.ids.next(), jobId: job.id, attempt: job.attempts, at, outcome, message });
    });
  }

  async function failJob(job: ClaimedJob, error: unknown): Promise<void> {
    const message = errorMessage(error);
    await transact(deps, async (repos) => {
      const at = now();
      const next = afterFailure(job.attempts, at, maxAttempts);
      const finished = await repos.automation.finish(job.id, job.claimToken, {
        status: next.status,
        lastError: message.slice(0, 2000),
        nextAttemptAt: next.nextAttemptAt,
        finishedAt: next.status === 'dead' ? at.toISOString() : null,
      });
      if (finished) await repos.automation.insertRun({ id: deps.ids.next(), jobId: job.id, attempt: job.attempts, at: at.toISOString(), outcome: next.status === 'dead' ? 'dead' : 'failed', message });
    });
  }

  async function execute(job: ClaimedJob): Promise<void> {
    try {
      const repos = read(deps);
      const rule = await repos.automation.findRule(job.ruleId);
      if (!rule || !rule.enabled) return await finishJob(job, 'skipped', 'the rule was disabled or deleted before the job ran');
      const journey = job.journeyId ? await repos.journeys.findById(job.journeyId) : null;
      if (job.journeyId && !journey) return await finishJob(job, 'skipped', 'the journey was deleted');
      const accountId = journey?.accountId ?? job.accountId;
      const account = accountId ? await repos.accounts.findById(accountId) : null;
      const ctx: JobContext = { job, rule, journey, accountId, ownerFallback: journey?.ownerId ?? account?.ownerId ?? null };
      const messages: string[] = [];
      for (const [index, action] of rule.actions.entries()) {
        if (job.doneActions.includes(index)) continue;
        messages.push((await runAction(ctx, index, action)).message);
      }
      await finishJob(job, 'done', messages.join('; ') || 'nothing left to do');
    } catch (error) {
      if (error instanceof LostClaim) return;
      await failJob(job, error);
    }
  }

  /** Claims and runs due jobs (one at a time); returns how many it ran. */
  async function runDueJobs(limit = 20): Promise<number> {
    const at = now();
    const due = await read(deps).automation.dueJobs(at.toISOString(), limit);
    let ran = 0;
    for (const seen of due) {
      const token = randomUUID();
      const claimed = await transact(deps, async (repos) => {
        const claimedAt = now();
        const job = await repos.automation.claim(seen, token, claimedAt.toISOString(), new Date(claimedAt.getTime() + leaseMs).toISOString());
        if (job?.resumedAfterAbandon) {
          await repos.automation.insertRun({
            id: deps.ids.next(),
            jobId: job.id,
            attempt: job.attempts - 1,
            at: claimedAt.toISOString(),
            outcome: 'abandoned',
            message: 'the previous attempt did not finish (the worker stopped); resumed after its lease ran out',
          });
        }
        return job;
      });
      if (!claimed) continue;
      await execute(claimed);
      ran += 1;
    }
    return ran;
  }

  /** One pass: events → jobs, (when asked) schedules → jobs, due jobs → run. */
  async function tick(scan = true): Promise<void> {
    await processEvents();
    if (scan) await scanSchedules();
    await runDueJobs();
  }

  return { processEvents, scanSchedules, runDueJobs, tick };
}

export type AutomationEngine = ReturnType<typeof automationEngine>;

export interface WorkerOptions extends EngineOptions {
  intervalMs: number;
  /** How often the time-based rules are scanned (a heavier query than the outbox); default a minute. */
  scanIntervalMs?: number;
  /** Where a failed pass is reported (the server's logger); the worker keeps going. */
  onError?: (error: unknown) => void;
}

/**
 * Runs the engine every `intervalMs` until the returned function is called; that function
 * waits for the pass in progress to end, so shutdown never cuts a transaction short.
 */
export function startAutomationWorker(deps: Deps, options: WorkerOptions): () => Promise<void> {
  const engine = automationEngine(deps, options);
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  let lastScan = Number.NEGATIVE_INFINITY;
  const scanEvery = options.scanIntervalMs ?? 60_000;

  const loop = () => {
    if (stopped) return;
    const scan = Date.now() - lastScan >= scanEvery;
    if (scan) lastScan = Date.now();
    running = engine
      .tick(scan)
      .catch((error: unknown) => options.onError?.(error))
      .finally(() => {
        running = null;
        if (!stopped) timer = setTimeout(loop, options.intervalMs);
      });
  };
  timer = setTimeout(loop, 0);

  return async () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    if (running) await running;
  };
}
