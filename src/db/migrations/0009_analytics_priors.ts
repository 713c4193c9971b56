import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Analytics: a Bass prior saved for a solution (ANALYTICS.md "Thin data"), usually fitted on an
 * analogous product's market history, and the indexes the analytics queries lean on.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('solution_bass_priors')
    .addColumn('solution_id', 'text', (c) => c.primaryKey().references('solutions.id'))
    .addColumn('p', t.double, (c) => c.notNull())
    .addColumn('q', t.double, (c) => c.notNull())
    .addColumn('m', t.double)
    // 'month' or 'quarter': what one period of p and q is (converted when the report's bucket differs).
    .addColumn('period_unit', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    // The analogue's series as [{ period, adoptions }], or null when p, q, m were typed in.
    .addColumn('series', t.json)
    .addColumn('saved_by', 'text', (c) => c.references('users.id'))
    .addColumn('saved_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}
