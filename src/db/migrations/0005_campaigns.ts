import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Targeting, campaigns and telemarketing (DESIGN.md §4, issue 4 capabilities 2, 4 and 5):
 * the solution × segment matrix (one primary segment per solution), campaigns with the
 * audience snapshotted at launch and their responses, and telemarketing call lists split
 * among callers.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('solution_segments')
    .addColumn('solution_id', 'text', (c) => c.notNull().references('solutions.id'))
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addPrimaryKeyConstraint('solution_segments_pk', ['solution_id', 'segment_id'])
    .execute();
  // Concentrated targeting: at most one primary segment per solution.
  await sql`create unique index solution_segments_primary_uq on solution_segments (solution_id) where role = 'primary'`.execute(db);
  await db.schema.createIndex('solution_segments_segment_idx').on('solution_segments').column('segment_id').execute();

  await db.schema
    .createTable('campaigns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('channels', t.json, (c) => c.notNull())
    .addColumn('solution_id', 'text', (c) => c.references('solutions.id'))
    .addColumn('segment_id', 'text', (c) => c.references('segments.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('starts_on', t.date)
    .addColumn('ends_on', t.date)
    .addColumn('budget_minor', t.bigint, (c) => c.notNull())
    .addColumn('currency', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('launched_at', t.timestamp)
    .addColumn('closed_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('campaigns_created_idx').on('campaigns').columns(['created_at', 'id']).execute();
  await db.schema.createIndex('campaigns_solution_idx').on('campaigns').columns(['solution_id', 'status']).execute();

  await db.schema
    .createTable('campaign_audience')
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('campaign_audience_pk', ['campaign_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('campaign_audience_account_idx').on('campaign_audience').columns(['campaign_id', 'account_id']).execute();

  await db.schema
    .createTable('campaign_responses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('campaign_id', 'text', (c) => c.notNull().references('campaigns.id'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('journey_id', 'text', (c) => c.references('journeys.id'))
    // 'opened': this response opened the journey; 'touched': it was logged on an existing one.
    .addColumn('journey_effect', 'text')
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('campaign_responses_uq').on('campaign_responses').columns(['campaign_id', 'contact_id', 'kind']).unique().execute();
  await db.schema.createIndex('campaign_responses_campaign_idx').on('campaign_responses').columns(['campaign_id', 'at', 'id']).execute();
  await db.schema.createIndex('campaign_responses_journey_idx').on('campaign_responses').columns(['journey_id', 'at', 'id']).execute();

  await db.schema
    .createTable('call_lists')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('campaign_id', 'text', (c) => c.references('campaigns.id'))
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id'))
    .addColumn('solution_id', 'text', (c) => c.references('solutions.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('call_lists_created_idx').on('call_lists').columns(['created_at', 'id']).execute();

  await db.schema
    .createTable('call_list_entries')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('call_list_id', 'text', (c) => c.notNull().references('call_lists.id'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('caller_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('outcome', 'text')
    .addColumn('called_at', t.timestamp)
    .addColumn('note', 'text')
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('call_list_entries_contact_uq').on('call_list_entries').columns(['call_list_id', 'contact_id']).unique().execute();
  await db.schema.createIndex('call_list_entries_caller_idx').on('call_list_entries').columns(['caller_id', 'call_list_id', 'position']).execute();
  await db.schema.createIndex('call_list_entries_list_idx').on('call_list_entries').columns(['call_list_id', 'position']).execute();
}
