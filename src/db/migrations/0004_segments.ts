import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Segments (DESIGN.md §4): a named rule over account, contact and journey facts, evaluated
 * live (dynamic) or frozen into `segment_members` (static). The rule is a JSON tree
 * (src/domain/segmentRules.ts).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('segments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('description', 'text')
    .addColumn('rule', t.json, (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('frozen_at', t.timestamp)
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('segments_name_idx').on('segments').columns(['name', 'id']).execute();

  await db.schema
    .createTable('segment_members')
    .addColumn('segment_id', 'text', (c) => c.notNull().references('segments.id').onDelete('cascade'))
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addPrimaryKeyConstraint('segment_members_pk', ['segment_id', 'contact_id'])
    .execute();
  await db.schema.createIndex('segment_members_account_idx').on('segment_members').columns(['segment_id', 'account_id']).execute();
}
