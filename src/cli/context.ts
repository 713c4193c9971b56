import { loadConfig, type Config } from '../config.js';
import { openDatabase, type Database } from '../db/database.js';
import { migrateToLatest } from '../db/migrate.js';
import type { Deps } from '../services/context.js';
import { createServices, type Services } from '../services/index.js';
import { argon2Hasher, systemClock, uuidIds } from '../services/ports.js';

/** What a CLI command works with: configuration, the migrated database and the services over it. */
export interface CliContext {
  config: Config;
  db: Database;
  deps: Deps;
  services: Services;
}

/** Opens the configured database, brings its schema up to date, runs `work`, and closes it. */
export async function withContext<T>(work: (ctx: CliContext) => Promise<T>, options: { migrate?: boolean } = {}): Promise<T> {
  const config = loadConfig();
  const db = openDatabase(config.database);
  try {
    if (options.migrate !== false) await migrateToLatest(db);
    const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
    return await work({ config, db, deps, services: createServices(deps) });
  } finally {
    await db.close();
  }
}

/** Prints data as JSON (`--json`) or as the given human text. */
export function output(json: boolean | undefined, data: unknown, human: () => string): void {
  process.stdout.write(`${json ? JSON.stringify(data, null, 2) : human()}\n`);
}
