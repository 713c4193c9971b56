import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/** Users, teams, auth, catalogue, accounts, contacts, journeys with their history, activities, tasks, money, audit. */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('teams')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('manager_id', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text')
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('locale', 'text', (c) => c.notNull().defaultTo('id'))
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('Asia/Jakarta'))
    .addColumn('active', t.bool, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_team_idx').on('users').column('team_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('expires_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  await db.schema
    .createTable('api_tokens')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_used_at', t.timestamp)
    .addColumn('revoked_at', t.timestamp)
    .execute();

  await db.schema
    .createTable('principals')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('website', 'text')
    .addColumn('country', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await sql`create unique index principals_name_uq on principals (lower(name)) where deleted_at is null`.execute(db);

  await db.schema
    .createTable('solutions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('launch_date', t.date)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await sql`create unique index solutions_name_uq on solutions (lower(name)) where deleted_at is null`.execute(db);

  await db.schema
    .createTable('solution_principals')
    .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id').onDelete('cascade'))
    .addColumn('principal_id', 'text', (c) => c.notNull().references('principals.id'))
    .addPrimaryKeyConstraint('solution_principals_pk', ['solution_id', 'principal_id'])
    .execute();

  await db.schema
    .createTable('accounts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('industry', 'text', (c) => c.notNull())
    .addColumn('size_band', 'text', (c) => c.notNull())
    .addColumn('tier', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('province', 'text', (c) => c.notNull())
    .addColumn('region', 'text', (c) => c.notNull())
    .addColumn('relationship', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('team_id', 'text', (c) => c.references('teams.id'))
    .addColumn('website', 'text')
    .addColumn('phone', 'text')
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('accounts_owner_idx').on('accounts').columns(['owner_id', 'name', 'id']).execute();
  await db.schema.createIndex('accounts_team_idx').on('accounts').column('team_id').execute();
  await db.schema.createIndex('accounts_city_idx').on('accounts').column('city').execute();
  await db.schema.createIndex('accounts_name_idx').on('accounts').columns(['name', 'id']).execute();

  await db.schema
    .createTable('contacts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('full_name', 'text', (c) => c.notNull())
    .addColumn('title', 'text')
    .addColumn('division', 'text', (c) => c.notNull())
    .addColumn('seniority', 'text', (c) => c.notNull())
    .addColumn('age_band', 'text')
    .addColumn('tech_proficiency', 'text', (c) => c.notNull())
    .addColumn('influence', 'text', (c) => c.notNull())
    .addColumn('openness', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('whatsapp', 'text')
    .addColumn('linkedin', 'text')
    .addColumn('channels', t.json, (c) => c.notNull())
    .addColumn('consents', t.json, (c) => c.notNull())
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('contacts_account_idx').on('contacts').column('account_id').execute();
  await db.schema.createIndex('contacts_name_idx').on('contacts').columns(['full_name', 'id']).execute();

  await db.schema
    .createTable('journeys')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id'))
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('sa_id', 'text', (c) => c.references('users.id'))
    .addColumn('marcomm_id', 'text', (c) => c.references('users.id'))
    .addColumn('value_minor', t.bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('expected_decision_date', t.date)
    .addColumn('principal_involvement', 'text')
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('outcome_reason', 'text')
    .addColumn('stage_entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('last_activity_at', t.timestamp)
    .addColumn('search_text', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await sql`create unique index journeys_account_solution_uq on journeys (account_id, solution_id) where deleted_at is null`.execute(db);
  await db.schema
    .createIndex('journeys_board_idx')
    .on('journeys')
    .columns(['solution_id', 'stage', 'owner_id', 'updated_at', 'id'])
    .execute();
  await db.schema.createIndex('journeys_owner_idx').on('journeys').columns(['owner_id', 'stage']).execute();
  await db.schema.createIndex('journeys_stage_idx').on('journeys').columns(['stage', 'updated_at', 'id']).execute();
  await db.schema.createIndex('journeys_updated_idx').on('journeys').columns(['updated_at', 'id']).execute();

  await db.schema
    .createTable('journey_stage_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('from_stage', 'text')
    .addColumn('to_stage', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('rogers_stage', 'text', (c) => c.notNull())
    .addColumn('aidas_steps', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('note', 'text')
    .addColumn('actor_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('journey_history_seq_uq')
    .on('journey_stage_history')
    .columns(['journey_id', 'seq'])
    .unique()
    .execute();
  await db.schema.createIndex('journey_history_stage_at_idx').on('journey_stage_history').columns(['to_stage', 'at']).execute();

  // The stage history is append-only (DESIGN.md §3): the database itself refuses edits and deletes.
  if (dialect === 'postgres') {
    await sql`create function difusi_history_is_append_only() returns trigger language plpgsql as $$
      begin raise exception 'journey_stage_history is append-only'; end $$`.execute(db);
    await sql`create trigger journey_stage_history_append_only before update or delete on journey_stage_history
      for each row execute function difusi_history_is_append_only()`.execute(db);
  } else {
    await sql`create trigger journey_stage_history_no_update before update on journey_stage_history
      begin select raise(abort, 'journey_stage_history is append-only'); end`.execute(db);
    await sql`create trigger journey_stage_history_no_delete before delete on journey_stage_history
      begin select raise(abort, 'journey_stage_history is append-only'); end`.execute(db);
  }

  await db.schema
    .createTable('activities')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('journey_id', 'text', (c) => c.references('journeys.id'))
    .addColumn('outcome', 'text')
    .addColumn('next_step', 'text')
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('activities_account_idx').on('activities').columns(['account_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_journey_idx').on('activities').columns(['journey_id', 'occurred_at']).execute();
  await db.schema.createIndex('activities_occurred_idx').on('activities').columns(['occurred_at', 'id']).execute();

  await db.schema
    .createTable('activity_participants')
    .addColumn('activity_id', 'text', (c) => c.notNull().references('activities.id').onDelete('cascade'))
    .addColumn('participant_type', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('activity_participants_pk', ['activity_id', 'participant_type', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('activity_participants_who_idx')
    .on('activity_participants')
    .columns(['participant_type', 'participant_id'])
    .execute();

  await db.schema
    .createTable('tasks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('notes', 'text')
    .addColumn('assignee_id', 'text', (c) => c.references('users.id'))
    .addColumn('due_at', t.timestamp)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('related_type', 'text')
    .addColumn('related_id', 'text')
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('completed_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('tasks_assignee_idx').on('tasks').columns(['assignee_id', 'status', 'due_at']).execute();
  await db.schema.createIndex('tasks_related_idx').on('tasks').columns(['related_type', 'related_id']).execute();

  await db.schema
    .createTable('exchange_rates')
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('valid_from', t.date, (c) => c.notNull())
    .addColumn('rate', t.double, (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('exchange_rates_pk', ['currency', 'valid_from'])
    .execute();

  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', t.json, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();

  // Substring search ("full-text-ish") over the folded search_text columns. On PostgreSQL a
  // trigram index serves LIKE '%…%'; pg_trgm is a trusted extension, so the database owner
  // may create it. SQLite scans, which is fast enough at the sizes it is meant for.
  if (dialect === 'postgres') {
    await sql`create extension if not exists pg_trgm`.execute(db);
    for (const table of ['accounts', 'contacts', 'journeys']) {
      await sql`create index ${sql.raw(`${table}_search_trgm_idx`)} on ${sql.raw(table)} using gin (search_text gin_trgm_ops)`.execute(db);
    }
  }

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('before', t.json)
    .addColumn('after', t.json)
    .execute();
  await db.schema.createIndex('audit_record_idx').on('audit_log').columns(['record_type', 'record_id', 'at']).execute();
  await db.schema.createIndex('audit_at_idx').on('audit_log').columns(['at', 'id']).execute();
}
