import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * `automation_rules.armed_at`: the moment a rule's time-based trigger started to count — when
 * the rule was created, last enabled, or its trigger last changed (domain/automation.ts
 * `rearms`). A `no_touch` or `days_after` rule acts only on journeys whose threshold falls after
 * it, so turning a rule on never floods the team with a backlog (the demo workspace alone has
 * hundreds of journeys idle for more than 30 days). Existing rules count from their creation,
 * which keeps what they would have done before.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  await db.schema.alterTable('automation_rules').addColumn('armed_at', t.timestamp).execute();
  await sql`update automation_rules set armed_at = created_at`.execute(db);
}
