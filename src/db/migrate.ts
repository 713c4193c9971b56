import { Migrator, type Migration, type MigrationResultSet } from 'kysely';
import type { Database } from './database.js';
import * as m0001 from './migrations/0001_foundation.js';
import * as m0002 from './migrations/0002_playbook.js';
import * as m0003 from './migrations/0003_events.js';

/**
 * Versioned migrations, the only way the schema changes. They are listed here (not read
 * from a folder) so that the compiled build and the test runner see the same set.
 * Each takes the dialect so that one migration serves both databases.
 */
const migrations = { '0001_foundation': m0001, '0002_playbook': m0002, '0003_events': m0003 } as const;

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
