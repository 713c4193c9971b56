import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * The team on a journey (issue 5, capability 4): handoff records written whenever the AM
 * (owner), SA or marcomm owner of a journey changes, and the principal's (vendor's) person
 * working the deal — one per journey, versioned.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('journey_handoffs')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('from_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('to_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('note', 'text')
    .addColumn('by_user_id', 'text', (c) => c.references('users.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journey_handoffs_journey_idx').on('journey_handoffs').columns(['journey_id', 'at']).execute();

  await db.schema
    .createTable('journey_principal_contacts')
    .addColumn('journey_id', 'text', (c) => c.primaryKey().references('journeys.id').onDelete('cascade'))
    .addColumn('principal_id', 'text', (c) => c.references('principals.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('email', 'text')
    .addColumn('phone', 'text')
    .addColumn('title', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
}
