import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Schema } from './schema.js';

export type DialectName = 'sqlite' | 'postgres';

/** A connection to one of the two supported databases, with the dialect it speaks. */
export interface Database {
  readonly kysely: Kysely<Schema>;
  readonly dialect: DialectName;
  /** Where the data lives, for logs: the SQLite file path or the PostgreSQL URL without password. */
  readonly location: string;
  close(): Promise<void>;
  /** SQLite only: an online backup to `file` while the database stays in use. */
  backup?: (file: string, onProgress: (done: number, total: number) => void) => Promise<void>;
}

export type DatabaseConfig = { url: string } | { sqliteFile: string };

// PostgreSQL's wire values, normalised to what SQLite returns: counts and bigints as numbers
// (amounts in minor units stay far below 2^53), timestamps as ISO-8601 UTC strings, dates as text.
const PG_INT8 = 20;
const PG_NUMERIC = 1700;
const PG_TIMESTAMPTZ = 1184;
const PG_TIMESTAMP = 1114;
const PG_DATE = 1082;

function pgTypeParser(oid: number, format?: string): (value: string) => unknown {
  switch (oid) {
    case PG_INT8:
    case PG_NUMERIC:
      return Number;
    case PG_TIMESTAMPTZ:
    case PG_TIMESTAMP:
      return (value) => new Date(oid === PG_TIMESTAMP ? `${value}Z` : value).toISOString();
    case PG_DATE:
      return (value) => value;
    default:
      return pg.types.getTypeParser(oid, format as 'text');
  }
}

/**
 * SQLite's page cache, in KiB when negative: at most 256 MiB, taken only as pages are read.
 * SQLite's default (2 MiB) makes every report over a large workspace copy its pages from the OS
 * again; this one keeps the analytics rollups and the board's indexes in memory, which took
 * 20–35% off the analytics on `large` (docs/benchmarks.md).
 */
export const SQLITE_CACHE_SIZE = -262144;

export function openDatabase(config: DatabaseConfig): Database {
  if ('url' in config) {
    const pool = new pg.Pool({
      connectionString: config.url,
      max: 10,
      types: { getTypeParser: pgTypeParser as typeof pg.types.getTypeParser },
    });
    // An idle client can lose its connection (a restart, a terminated backend): pg then emits
    // 'error' on the pool, which would crash the process if nobody listened. The next query
    // simply gets a fresh connection.
    pool.on('error', (error) => {
      process.stderr.write(`difusi: an idle PostgreSQL connection failed: ${error.message}\n`);
    });
    const kysely = new Kysely<Schema>({ dialect: new PostgresDialect({ pool }) });
    return {
      kysely,
      dialect: 'postgres',
      location: redactUrl(config.url),
      close: () => kysely.destroy(),
    };
  }
  if (config.sqliteFile !== ':memory:') mkdirSync(dirname(config.sqliteFile), { recursive: true });
  const sqlite = new SqliteDatabase(config.sqliteFile);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  sqlite.pragma(`cache_size = ${SQLITE_CACHE_SIZE}`);
  const kysely = new Kysely<Schema>({ dialect: new SqliteDialect({ database: sqlite }) });
  return {
    kysely,
    dialect: 'sqlite',
    location: config.sqliteFile,
    close: () => kysely.destroy(),
    backup: async (file, onProgress) => {
      await sqlite.backup(file, {
        progress: ({ totalPages, remainingPages }) => {
          onProgress(totalPages - remainingPages, totalPages);
          return 200;
        },
      });
    },
  };
}

export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return 'postgres://(unparseable url)';
  }
}
