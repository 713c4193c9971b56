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

/**
 * On PostgreSQL each test starts from the state the migrations leave: every table is
 * emptied, then the rows the migrations seed (default pipeline, risk map, playbook entries,
 * automation rules, holidays) are put back from a snapshot taken right after migrating.
 * Listing the tables from the catalogue means a new table can never leak between tests.
 */
async function snapshotMigratedState(db: Database): Promise<() => Promise<void>> {
  const { rows } = await sql<{ name: string }>`
    select table_name as name from information_schema.tables
    where table_schema = 'public' and table_type = 'BASE TABLE' and table_name not like 'kysely_migration%'
    order by table_name`.execute(db.kysely);
  const tables = rows.map((r) => r.name);
  const seeded: string[] = [];
  for (const table of tables) {
    const { rows: count } = await sql<{ n: number }>`select count(*)::int as n from ${sql.table(table)}`.execute(db.kysely);
    if ((count[0]?.n ?? 0) > 0) seeded.push(table);
  }
  await sql`create schema if not exists test_snapshot`.execute(db.kysely);
  for (const table of seeded) {
    await sql`create table ${sql.raw(`test_snapshot.${table}`)} as select * from ${sql.table(table)}`.execute(db.kysely);
  }
  // Parents before children: a seeded table is restored after every seeded table it references.
  const { rows: links } = await sql<{ child: string; parent: string }>`
    select tc.table_name as child, ccu.table_name as parent
    from information_schema.table_constraints tc
    join information_schema.constraint_column_usage ccu on ccu.constraint_name = tc.constraint_name
    where tc.constraint_type = 'FOREIGN KEY' and tc.table_schema = 'public'`.execute(db.kysely);
  const order: string[] = [];
  const visit = (table: string, path: Set<string>) => {
    if (order.includes(table) || path.has(table)) return;
    path.add(table);
    for (const link of links) if (link.child === table && link.parent !== table && seeded.includes(link.parent)) visit(link.parent, path);
    order.push(table);
  };
  for (const table of seeded) visit(table, new Set());

  return async () => {
    await sql`truncate table ${sql.raw(tables.map((t) => `"${t}"`).join(', '))} restart identity cascade`.execute(db.kysely);
    for (const table of order) {
      await sql`insert into ${sql.table(table)} select * from ${sql.raw(`test_snapshot.${table}`)}`.execute(db.kysely);
    }
  };
}

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
      const state: { db: Database | null; cleanup: (() => Promise<void>) | null; reset: (() => Promise<void>) | null; dir: string | null } = { db: null, cleanup: null, reset: null, dir: null };
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
          state.reset = await snapshotMigratedState(state.db);
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
          await state.reset?.();
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
