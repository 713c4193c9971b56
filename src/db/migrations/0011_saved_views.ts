import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Saved views (a user's named set of list or board filters, optionally shared with the
 * workspace) and the indexes the pipeline board's filters lean on: a column of the board
 * reads open journeys of one stage, longest-waiting first, narrowed by principal, team,
 * city or tier of the account.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('saved_views')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('screen', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('name_key', 'text', (c) => c.notNull())
    .addColumn('query', t.json, (c) => c.notNull())
    .addColumn('shared', t.bool, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // One name per user and screen, compared without case ("Jakarta SMB" = "jakarta smb").
  await sql`create unique index saved_views_name_uq on saved_views (user_id, screen, name_key)`.execute(db);
  await db.schema.createIndex('saved_views_screen_idx').on('saved_views').columns(['screen', 'shared']).execute();

  // The board: a stage's open journeys in the order they entered it.
  await db.schema.createIndex('journeys_stage_entered_idx').on('journeys').columns(['stage', 'outcome', 'stage_entered_at', 'id']).execute();
  // The board's column totals: open journeys summed by stage and currency.
  await db.schema.createIndex('journeys_outcome_stage_idx').on('journeys').columns(['outcome', 'stage', 'currency', 'value_minor']).execute();
  // Principal filter: the solutions of a principal.
  await db.schema.createIndex('solution_principals_principal_idx').on('solution_principals').columns(['principal_id', 'solution_id']).execute();
  // Tier filter (city and team already have theirs).
  await db.schema.createIndex('accounts_tier_idx').on('accounts').column('tier').execute();
}
