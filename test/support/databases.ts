import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, beforeEach, describe } from 'vitest';
import { openDatabase, type Database, type DialectName } from '../../src/db/database.js';
import { migrateToLatest } from '../../src/db/migrate.js';

/**
 * Integration tests run the same body on real SQLite and real PostgreSQL (STYLE.md §6).
 * PostgreSQL: one scratch database per test file, emptied before each test.
 * SQLite: a new database file for each test.
 */
export const adminUrl = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

let postgresReachable: Promise<boolean> | null = null;
async function canReachPostgres(): Promise<boolean> {
  const client = new pg.Client({ connectionString: adminUrl, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

export function postgresAvailable(): Promise<boolean> {
  return (postgresReachable ??= canReachPostgres());
}

async function createScratchDatabase(): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `difusi_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
    },
  };
}

// Pipelines and the risk → solution map are seeded by the migrations and kept between tests.
const tablesInDeleteOrder = [
  'audit_log',
  'journey_gate_ticks',
  'it_risks',
  'it_inventory_items',
  'activity_participants',
  'activities',
  'tasks',
  'journey_stage_history',
  'journeys',
  'contacts',
  'accounts',
  'solution_principals',
  'solutions',
  'principals',
  'api_tokens',
  'sessions',
  'users',
  'teams',
  'exchange_rates',
  'settings',
];

export interface TestDatabase {
  dialect: DialectName;
  /** The open database; a fresh, migrated, empty one for each test. */
  readonly db: Database;
}

/**
 * Declares `body` once per database. Without PostgreSQL the Postgres half is skipped
 * locally with a warning; in CI (CI=true) that is a failure, never a silent skip.
 */
export function describeEachDatabase(title: string, body: (t: TestDatabase) => void): void {
  for (const dialect of ['sqlite', 'postgres'] as const) {
    describe(`${title} [${dialect}]`, () => {
      const state: { db: Database | null; cleanup: (() => Promise<void>) | null; dir: string | null } = { db: null, cleanup: null, dir: null };
      const handle: TestDatabase = {
        dialect,
        get db() {
          if (!state.db) throw new Error('database not ready');
          return state.db;
        },
      };

      beforeAll(async () => {
        if (dialect === 'postgres') {
          if (!(await postgresAvailable())) {
            if (process.env.CI) throw new Error(`PostgreSQL is unreachable at ${adminUrl}; CI requires it`);
            console.warn(`PostgreSQL unreachable at ${adminUrl}: the postgres half of "${title}" will fail`);
          }
          const scratch = await createScratchDatabase();
          state.db = openDatabase({ url: scratch.url });
          await migrateToLatest(state.db);
          state.cleanup = async () => {
            await state.db?.close();
            await scratch.drop();
          };
        } else {
          state.dir = mkdtempSync(join(tmpdir(), 'difusi-test-'));
        }
      });

      beforeEach(async () => {
        if (dialect === 'postgres') {
          await sql`truncate table ${sql.raw(tablesInDeleteOrder.join(', '))} cascade`.execute(handle.db.kysely);
        } else {
          await state.db?.close();
          state.db = openDatabase({ sqliteFile: join(state.dir ?? tmpdir(), `${randomBytes(6).toString('hex')}.db`) });
          await migrateToLatest(state.db);
        }
      });

      afterAll(async () => {
        if (state.cleanup) await state.cleanup();
        else await state.db?.close();
        if (state.dir) rmSync(state.dir, { recursive: true, force: true });
      });

      body(handle);
    });
  }
}
