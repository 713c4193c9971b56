import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes, toDbBool, toDbJson } from '../dialect.js';
import { defaultAutomationRules } from '../../domain/automation.js';
import { indonesianHolidays } from '../../domain/workingDays.js';

/**
 * Automation (issue 4 §7) and satisfaction surveys (§8).
 *
 * - `automation_rules`: trigger → conditions → actions, as JSON validated by the service.
 * - `automation_jobs`: one row per (rule, trigger key). The unique key is what makes a trigger
 *   act exactly once, however often the event is read or the time scan runs. A job is claimed
 *   with a lease (`locked_until`, `claim_token`); a worker that dies leaves it claimable again
 *   once the lease has passed. `done_actions` records the actions already carried out, so a
 *   resumed job never repeats a database effect.
 * - `automation_runs`: the log of every attempt.
 * - `holidays`: the non-working days besides weekends (editable; Indonesian holidays seeded).
 * - `survey_requests` / `survey_responses`: CSAT/NPS by emailed link; only the token's SHA-256
 *   is stored.
 *
 * The default rules are seeded here (editable afterwards, never re-seeded).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const now = new Date().toISOString();

  await db.schema
    .createTable('automation_rules')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('trigger', t.json, (c) => c.notNull())
    .addColumn('conditions', t.json, (c) => c.notNull())
    .addColumn('actions', t.json, (c) => c.notNull())
    .addColumn('enabled', t.bool, (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('automation_jobs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('rule_id', 'text', (c) => c.notNull().references('automation_rules.id'))
    .addColumn('rule_version', 'integer', (c) => c.notNull())
    .addColumn('trigger_key', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('journey_id', 'text', (c) => c.references('journeys.id').onDelete('cascade'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id').onDelete('cascade'))
    .addColumn('contact_id', 'text')
    .addColumn('triggered_at', t.timestamp, (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('locked_until', t.timestamp)
    .addColumn('claim_token', 'text')
    .addColumn('done_actions', t.json, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('finished_at', t.timestamp)
    .execute();
  await db.schema.createIndex('automation_jobs_trigger_uq').on('automation_jobs').columns(['rule_id', 'trigger_key']).unique().execute();
  await db.schema.createIndex('automation_jobs_due_idx').on('automation_jobs').columns(['status', 'next_attempt_at']).execute();
  await db.schema.createIndex('automation_jobs_journey_idx').on('automation_jobs').column('journey_id').execute();

  await db.schema
    .createTable('automation_runs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('job_id', 'text', (c) => c.notNull().references('automation_jobs.id').onDelete('cascade'))
    .addColumn('attempt', 'integer', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('message', 'text')
    .execute();
  await db.schema.createIndex('automation_runs_at_idx').on('automation_runs').columns(['at', 'id']).execute();
  await db.schema.createIndex('automation_runs_job_idx').on('automation_runs').columns(['job_id', 'at']).execute();

  await db.schema
    .createTable('holidays')
    .addColumn('date', t.date, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('survey_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('job_id', 'text')
    .addColumn('requested_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('sent_at', t.timestamp)
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .addColumn('answered_at', t.timestamp)
    .execute();
  await db.schema.createIndex('survey_requests_journey_idx').on('survey_requests').columns(['journey_id', 'created_at']).execute();
  // An automation job asks for at most one survey per contact, however often it is resumed.
  await sql`create unique index survey_requests_job_uq on survey_requests (job_id) where job_id is not null`.execute(db);

  await db.schema
    .createTable('survey_responses')
    .addColumn('request_id', 'text', (c) => c.primaryKey().references('survey_requests.id').onDelete('cascade'))
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();

  const k = db as Kysely<Record<string, Record<string, unknown>>>;
  await k
    .insertInto('automation_rules')
    .values(
      defaultAutomationRules.map((r) => ({
        id: r.id,
        name: r.name,
        description: r.description,
        trigger: toDbJson(r.trigger),
        conditions: toDbJson(r.conditions),
        actions: toDbJson(r.actions),
        enabled: toDbBool(dialect, true),
        is_default: toDbBool(dialect, true),
        version: 1,
        created_at: now,
        updated_at: now,
        deleted_at: null,
      })),
    )
    .execute();
  await k
    .insertInto('holidays')
    .values(indonesianHolidays.map((h) => ({ date: h.date, name: h.name, updated_at: now })))
    .execute();
}
