import { sql, type Kysely, type Selectable } from 'kysely';
import type { DialectName } from '../database.js';
import type {
  Action,
  AutomationJob,
  AutomationRule,
  AutomationRun,
  Conditions,
  Holiday,
  JobListQuery,
  RunListQuery,
  Trigger,
} from '../../shared/schemas/automation.js';
import type { AutomationRulesTable, Schema } from '../schema.js';
import { fromDbBool, fromDbJson, toDbBool, toDbJson } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

function toRule(row: Selectable<AutomationRulesTable>): AutomationRule {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    trigger: fromDbJson<Trigger>(row.trigger),
    conditions: fromDbJson<Conditions>(row.conditions),
    actions: fromDbJson<Action[]>(row.actions),
    enabled: fromDbBool(row.enabled),
    isDefault: fromDbBool(row.is_default),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type RuleValues = Pick<AutomationRule, 'id' | 'name' | 'description' | 'trigger' | 'conditions' | 'actions' | 'enabled'>;

/** A rule as the worker reads it: with the moment its time-based trigger started to count (domain/automation.ts `rearms`). */
export type ArmedRule = AutomationRule & { armedAt: string };

function toArmedRule(row: Selectable<AutomationRulesTable>): ArmedRule {
  return { ...toRule(row), armedAt: row.armed_at ?? row.created_at };
}

export interface NewJob {
  id: string;
  ruleId: string;
  ruleVersion: number;
  triggerKey: string;
  eventId: string | null;
  journeyId: string | null;
  accountId: string | null;
  contactId: string | null;
  triggeredAt: string;
}

/** A job as the worker holds it after claiming it. */
export interface ClaimedJob {
  id: string;
  ruleId: string;
  journeyId: string | null;
  accountId: string | null;
  contactId: string | null;
  triggeredAt: string;
  attempts: number;
  doneActions: number[];
  claimToken: string;
  /** The previous attempt held the lease and never finished (the worker died). */
  resumedAfterAbandon: boolean;
}

export interface DueJob {
  id: string;
  status: string;
  attempts: number;
}

export interface FinishValues {
  status: 'done' | 'failed' | 'dead';
  lastError: string | null;
  nextAttemptAt: string;
  finishedAt: string | null;
}

/** Claimable: waiting and due, or running with a lease that has run out. */
function claimable(now: string) {
  return sql<boolean>`((status in ('pending', 'failed') and next_attempt_at <= ${now}) or (status = 'running' and locked_until < ${now}))`;
}

/** Rules, the durable job queue and its run log, and the holiday list. */
export class AutomationRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  // --- rules ------------------------------------------------------------------------------

  async listRules(): Promise<AutomationRule[]> {
    const rows = await this.db.selectFrom('automation_rules').selectAll().where('deleted_at', 'is', null).orderBy('created_at').orderBy('id').execute();
    return rows.map(toRule);
  }

  async enabledRules(): Promise<ArmedRule[]> {
    const rows = await this.db
      .selectFrom('automation_rules')
      .selectAll()
      .where('deleted_at', 'is', null)
      .where('enabled', '=', toDbBool(this.dialect, true))
      .orderBy('created_at')
      .orderBy('id')
      .execute();
    return rows.map(toArmedRule);
  }

  async findRule(id: string): Promise<AutomationRule | null> {
    const row = await this.db.selectFrom('automation_rules').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? toRule(row) : null;
  }

  async insertRule(v: RuleValues, now: string): Promise<AutomationRule> {
    const row = await this.db
      .insertInto('automation_rules')
      .values({
        id: v.id,
        name: v.name,
        description: v.description,
        trigger: toDbJson(v.trigger),
        conditions: toDbJson(v.conditions),
        actions: toDbJson(v.actions),
        enabled: toDbBool(this.dialect, v.enabled),
        is_default: toDbBool(this.dialect, false),
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
        armed_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRule(row);
  }

  /** `rearm`: the time-based trigger counts from `now` (see domain/automation.ts `rearms`). */
  async updateRule(v: RuleValues, expectedVersion: number, now: string, rearm = false): Promise<AutomationRule | null> {
    const row = await this.db
      .updateTable('automation_rules')
      .set({
        name: v.name,
        description: v.description,
        trigger: toDbJson(v.trigger),
        conditions: toDbJson(v.conditions),
        actions: toDbJson(v.actions),
        enabled: toDbBool(this.dialect, v.enabled),
        version: expectedVersion + 1,
        updated_at: now,
        ...(rearm ? { armed_at: now } : {}),
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toRule(row) : null;
  }

  softDeleteRule(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'automation_rules', id, expectedVersion, now);
  }

  // --- jobs -------------------------------------------------------------------------------

  /** Inserts the job unless (rule, trigger key) already has one; true when this call created it. */
  async insertJobOnce(job: NewJob, now: string): Promise<boolean> {
    const result = await this.db
      .insertInto('automation_jobs')
      .values({
        id: job.id,
        rule_id: job.ruleId,
        rule_version: job.ruleVersion,
        trigger_key: job.triggerKey,
        event_id: job.eventId,
        journey_id: job.journeyId,
        account_id: job.accountId,
        contact_id: job.contactId,
        triggered_at: job.triggeredAt,
        status: 'pending',
        attempts: 0,
        next_attempt_at: now,
        last_error: null,
        locked_until: null,
        claim_token: null,
        done_actions: toDbJson([]),
        created_at: now,
        finished_at: null,
      })
      .onConflict((oc) => oc.columns(['rule_id', 'trigger_key']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
  }

  async dueJobs(now: string, limit: number): Promise<DueJob[]> {
    return this.db
      .selectFrom('automation_jobs')
      .select(['id', 'status', 'attempts'])
      .where(claimable(now))
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  }

  /**
   * Takes the lease on a job seen by `dueJobs`, compare-and-set on its status and attempt count,
   * so two workers never both win; null when someone else did.
   */
  async claim(seen: DueJob, token: string, now: string, lockedUntil: string): Promise<ClaimedJob | null> {
    const row = await this.db
      .updateTable('automation_jobs')
      .set({ status: 'running', attempts: seen.attempts + 1, locked_until: lockedUntil, claim_token: token })
      .where('id', '=', seen.id)
      .where('status', '=', seen.status)
      .where('attempts', '=', seen.attempts)
      .where(claimable(now))
      .returning(['id', 'rule_id', 'journey_id', 'account_id', 'contact_id', 'triggered_at', 'attempts', 'done_actions'])
      .executeTakeFirst();
    if (!row) return null;
    return {
      id: row.id,
      ruleId: row.rule_id,
      journeyId: row.journey_id,
      accountId: row.account_id,
      contactId: row.contact_id,
      triggeredAt: row.triggered_at,
      attempts: row.attempts,
      doneActions: fromDbJson<number[]>(row.done_actions),
      claimToken: token,
      resumedAfterAbandon: seen.status === 'running',
    };
  }

  /** Records that actions are done, if this worker still holds the job; false when it lost it. */
  async recordProgress(id: string, token: string, doneActions: readonly number[]): Promise<boolean> {
    const result = await this.db
      .updateTable('automation_jobs')
      .set({ done_actions: toDbJson(doneActions) })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Ends an attempt if this worker still holds the job; false when it lost it. */
  async finish(id: string, token: string, v: FinishValues): Promise<boolean> {
    const result = await this.db
      .updateTable('automation_jobs')
      .set({ status: v.status, last_error: v.lastError, next_attempt_at: v.nextAttemptAt, finished_at: v.finishedAt, locked_until: null, claim_token: null })
      .where('id', '=', id)
      .where('claim_token', '=', token)
      .where('status', '=', 'running')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** A dead job gets a fresh round of attempts. */
  async revive(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('automation_jobs')
      .set({ status: 'pending', attempts: 0, next_attempt_at: now, finished_at: null })
      .where('id', '=', id)
      .where('status', '=', 'dead')
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insertRun(run: { id: string; jobId: string; attempt: number; at: string; outcome: AutomationRun['outcome']; message: string | null }): Promise<void> {
    await this.db
      .insertInto('automation_runs')
      .values({ id: run.id, job_id: run.jobId, attempt: run.attempt, at: run.at, outcome: run.outcome, message: run.message?.slice(0, 2000) ?? null })
      .execute();
  }

  private jobBase() {
    return this.db
      .selectFrom('automation_jobs as j')
      .innerJoin('automation_rules as r', 'r.id', 'j.rule_id')
      .leftJoin('accounts as a', 'a.id', 'j.account_id')
      .select([
        'j.id',
        'j.rule_id',
        'r.name as rule_name',
        'j.rule_version',
        'j.trigger_key',
        'j.event_id',
        'j.journey_id',
        'j.account_id',
        'a.name as account_name',
        'j.contact_id',
        'j.triggered_at',
        'j.status',
        'j.attempts',
        'j.next_attempt_at',
        'j.last_error',
        'j.locked_until',
        'j.done_actions',
        'j.created_at',
        'j.finished_at',
      ]);
  }

  async findJob(id: string): Promise<AutomationJob | null> {
    const row = await this.jobBase().where('j.id', '=', id).executeTakeFirst();
    return row ? toJob(row) : null;
  }

  async listJobs(query: JobListQuery): Promise<Page<AutomationJob>> {
    let q = this.jobBase();
    if (query.status) q = q.where('j.status', '=', query.status);
    if (query.ruleId) q = q.where('j.rule_id', '=', query.ruleId);
    if (query.journeyId) q = q.where('j.journey_id', '=', query.journeyId);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref('j.created_at'), ref('j.id'), 'desc', cursor));
    }
    const rows = await q.orderBy('j.created_at', 'desc').orderBy('j.id', 'desc').limit(query.limit + 1).execute();
    return toPage(rows.map(toJob), query.limit, (j) => j.createdAt);
  }

  async listRuns(query: RunListQuery): Promise<Page<AutomationRun>> {
    let q = this.db
      .selectFrom('automation_runs as run')
      .innerJoin('automation_jobs as j', 'j.id', 'run.job_id')
      .innerJoin('automation_rules as r', 'r.id', 'j.rule_id')
      .leftJoin('accounts as a', 'a.id', 'j.account_id')
      .select([
        'run.id as run_id',
        'run.attempt',
        'run.at',
        'run.outcome',
        'run.message',
        'j.id',
        'j.rule_id',
        'r.name as rule_name',
        'j.rule_version',
        'j.trigger_key',
        'j.event_id',
        'j.journey_id',
        'j.account_id',
        'a.name as account_name',
        'j.contact_id',
        'j.triggered_at',
        'j.status',
        'j.attempts',
        'j.next_attempt_at',
        'j.last_error',
        'j.locked_until',
        'j.done_actions',
        'j.created_at',
        'j.finished_at',
      ]);
    if (query.ruleId) q = q.where('j.rule_id', '=', query.ruleId);
    if (query.journeyId) q = q.where('j.journey_id', '=', query.journeyId);
    if (query.outcome) q = q.where('run.outcome', '=', query.outcome);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref('run.at'), ref('run.id'), 'desc', cursor));
    }
    const rows = await q.orderBy('run.at', 'desc').orderBy('run.id', 'desc').limit(query.limit + 1).execute();
    const runs: AutomationRun[] = rows.map((row) => ({
      id: row.run_id,
      jobId: row.id,
      attempt: row.attempt,
      at: row.at,
      outcome: row.outcome as AutomationRun['outcome'],
      message: row.message,
      job: toJob(row),
    }));
    return toPage(runs, query.limit, (r) => r.at);
  }

  async runsOfJob(jobId: string): Promise<{ attempt: number; outcome: string; message: string | null; at: string }[]> {
    return this.db.selectFrom('automation_runs').select(['attempt', 'outcome', 'message', 'at']).where('job_id', '=', jobId).orderBy('at').orderBy('id').execute();
  }

  // --- time-based triggers ----------------------------------------------------------------------

  /**
   * Open journeys last touched (the later of their last activity and their last stage move) in
   * (`touchedAfter`, `idleSince`] — idle long enough, but only since the rule was armed — that
   * this rule has not nudged since that touch.
   */
  async idleJourneys(ruleId: string, window: { touchedAfter: string; idleSince: string }, limit: number): Promise<{ journeyId: string; accountId: string; lastTouchAt: string }[]> {
    const lastTouch = sql<string>`(case when j.last_activity_at is not null and j.last_activity_at > j.stage_entered_at then j.last_activity_at else j.stage_entered_at end)`;
    const rows = await this.db
      .selectFrom('journeys as j')
      .select(['j.id', 'j.account_id', lastTouch.as('last_touch_at')])
      .where('j.deleted_at', 'is', null)
      .where('j.outcome', '=', 'open')
      .where(lastTouch, '>', window.touchedAfter)
      .where(lastTouch, '<=', window.idleSince)
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('automation_jobs as aj')
              .select('aj.id')
              .whereRef('aj.journey_id', '=', 'j.id')
              .where('aj.rule_id', '=', ruleId)
              .where(sql<boolean>`aj.created_at > ${lastTouch}`),
          ),
        ),
      )
      .orderBy(lastTouch)
      .orderBy('j.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ journeyId: r.id, accountId: r.account_id, lastTouchAt: r.last_touch_at }));
  }

  /** Journeys (open or adopted) whose anchor date of `field` lies in (from, to]; see domain/automation.ts. */
  async anchoredJourneys(field: 'go_live' | 'implementation_started' | 'adopted', from: string, to: string, limit: number): Promise<{ journeyId: string; accountId: string; anchorAt: string }[]> {
    const firstEntered = (stage: string) => sql<string | null>`(select min(h.at) from journey_stage_history h where h.journey_id = j.id and h.to_stage = ${stage})`;
    const anchor =
      field === 'go_live'
        ? sql<string | null>`coalesce((select min(t.at) from journey_gate_ticks t where t.journey_id = j.id and t.gate_id = 'go-live'), ${firstEntered('confirmation')})`
        : field === 'implementation_started'
          ? firstEntered('implementation')
          : sql<string | null>`(select min(h.at) from journey_stage_history h where h.journey_id = j.id and h.kind = 'adopt')`;
    const rows = await this.db
      .selectFrom(
        this.db
          .selectFrom('journeys as j')
          .select(['j.id', 'j.account_id', anchor.as('anchor_at')])
          .where('j.deleted_at', 'is', null)
          .where('j.outcome', 'in', ['open', 'adopted'])
          .as('x'),
      )
      .select(['x.id', 'x.account_id', 'x.anchor_at'])
      .where('x.anchor_at', '>', from)
      .where('x.anchor_at', '<=', to)
      .orderBy('x.anchor_at')
      .orderBy('x.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ journeyId: r.id, accountId: r.account_id, anchorAt: String(r.anchor_at) }));
  }

  // --- holidays -------------------------------------------------------------------------------

  async holidays(year?: number): Promise<Holiday[]> {
    let q = this.db.selectFrom('holidays').select(['date', 'name']);
    if (year !== undefined) q = q.where('date', '>=', `${year}-01-01`).where('date', '<=', `${year}-12-31`);
    return q.orderBy('date').execute();
  }

  async replaceHolidays(items: readonly Holiday[], now: string): Promise<void> {
    await this.db.deleteFrom('holidays').execute();
    if (items.length > 0) await this.db.insertInto('holidays').values(items.map((h) => ({ date: h.date, name: h.name, updated_at: now }))).execute();
  }
}

type JobRow = {
  id: string;
  rule_id: string;
  rule_name: string;
  rule_version: number;
  trigger_key: string;
  event_id: string | null;
  journey_id: string | null;
  account_id: string | null;
  account_name: string | null;
  contact_id: string | null;
  triggered_at: string;
  status: string;
  attempts: number;
  next_attempt_at: string;
  last_error: string | null;
  locked_until: string | null;
  done_actions: unknown;
  created_at: string;
  finished_at: string | null;
};

function toJob(row: JobRow): AutomationJob {
  return {
    id: row.id,
    ruleId: row.rule_id,
    ruleName: row.rule_name,
    ruleVersion: row.rule_version,
    triggerKey: row.trigger_key,
    eventId: row.event_id,
    journeyId: row.journey_id,
    accountId: row.account_id,
    accountName: row.account_name,
    contactId: row.contact_id,
    triggeredAt: row.triggered_at,
    status: row.status as AutomationJob['status'],
    attempts: row.attempts,
    nextAttemptAt: row.next_attempt_at,
    lastError: row.last_error,
    lockedUntil: row.locked_until,
    doneActions: fromDbJson<number[]>(row.done_actions),
    createdAt: row.created_at,
    finishedAt: row.finished_at,
  };
}
