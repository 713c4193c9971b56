import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_playbook.js';
import * as m0003 from './migrations/0003_events.js';
import * as m0004 from './migrations/0004_segments.js';
import * as m0005 from './migrations/0005_campaigns.js';
import * as m0006 from './migrations/0006_channels.js';
import * as m0007 from './migrations/0007_content.js';
import * as m0008 from './migrations/0008_journey_team.js';
import * as m0009 from './migrations/0009_analytics_priors.js';
import * as m0010 from './migrations/0010_automation.js';
import * as m0011 from './migrations/0011_saved_views.js';
import * as m0012 from './migrations/0012_analytics_rollups.js';
import * as m0013 from './migrations/0013_automation_armed.js';

/**
 * Versioned migrations, the only way the schema changes. They are listed here (not read
 * from a folder) so that the compiled build and the test runner see the same set.
 * Each takes the dialect so that one migration serves both databases.
 */
const migrations = { '0001_foundation': m0001, '0002_playbook': m0002, '0003_events': m0003,
  '0004_segments': m0004,
  '0005_campaigns': m0005,
  '0006_channels': m0006,
  '0007_content': m0007,
  '0008_journey_team': m0008,
  '0009_analytics_priors': m0009,
  '0010_automation': m0010,
  '0011_saved_views': m0011,
  '0012_analytics_rollups': m0012,
  '0013_automation_armed': m0013,
} as const;

export const latestMigration = Object.keys(migrations).at(-1) ?? '';

function migrator(db: Database): Migrator {
  const bound: Record<string, Migration> = {};
  for (const [name, module] of Object.entries(migrations)) {
    bound[name] = { up: (k) => module.up(k, db.dialect) };
  }
  return new Migrator({ db: db.kysely, provider: { getMigrations: async () => bound } });
}

export async function migrateToLatest(db: Database): Promise<string[]> {
  const result: MigrationResultSet = await migrator(db).migrateToLatest();
  if (result.error) throw result.error;
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

/** Whether every migration this build knows has been applied: the health check's question. */
export async function pendingMigrations(db: Database): Promise<string[]> {
  const all = await migrator(db).getMigrations();
  return all.filter((m) => m.executedAt === undefined).map((m) => m.name);
}
