import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * The domain-event outbox. A use case that other parts react to (a journey entering a stage,
 * an activity logged, a campaign response) appends an event in its own transaction, so the
 * event exists exactly when the change does. Consumers (the automation worker) claim unprocessed
 * events; nothing polls source tables by cursor, so a late-committing transaction is never skipped.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema
    .createTable('domain_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('type', 'text', (c) => c.notNull())
    .addColumn('subject_type', 'text', (c) => c.notNull())
    .addColumn('subject_id', 'text', (c) => c.notNull())
    .addColumn('payload', t.json, (c) => c.notNull())
    .addColumn('actor_id', 'text')
    .addColumn('occurred_at', t.timestamp, (c) => c.notNull())
    .addColumn('processed_at', t.timestamp)
    .execute();
  await db.schema.createIndex('domain_events_unprocessed_ix').on('domain_events').columns(['processed_at', 'occurred_at']).execute();
  await db.schema.createIndex('domain_events_subject_ix').on('domain_events').columns(['subject_type', 'subject_id']).execute();
}
