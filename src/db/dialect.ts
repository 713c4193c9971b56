import { sql, type ColumnDataType, type Expression, type RawBuilder } from 'kysely';
import type { DialectName } from './database.js';

/**
 * Every difference between SQLite and PostgreSQL lives here: column types for migrations,
 * value conversions for repositories, and the few SQL fragments that are spelled differently.
 */
export function columnTypes(dialect: DialectName) {
  const pg = dialect === 'postgres';
  return {
    timestamp: (pg ? 'timestamptz' : 'text') as ColumnDataType,
    date: (pg ? 'date' : 'text') as ColumnDataType,
    bool: (pg ? 'boolean' : 'integer') as ColumnDataType,
    json: (pg ? 'jsonb' : 'text') as ColumnDataType,
    bigint: 'bigint' as ColumnDataType,
    double: (pg ? 'double precision' : 'real') as ColumnDataType,
  };
}

/** A boolean as the driver will bind it (better-sqlite3 refuses JS booleans). */
export function toDbBool(dialect: DialectName, value: boolean): boolean | number {
  return dialect === 'postgres' ? value : value ? 1 : 0;
}

export function fromDbBool(value: boolean | number): boolean {
  return value === true || value === 1;
}

export function toDbJson(value: unknown): string {
  return JSON.stringify(value);
}

export function fromDbJson<T>(value: unknown): T {
  return (typeof value === 'string' ? JSON.parse(value) : value) as T;
}

/** Case-insensitive "contains" over a lower-cased search column. */
export function containsLower(column: Expression<string>, needle: string): RawBuilder<boolean> {
  const pattern = `%${escapeLike(needle.toLowerCase())}%`;
  return sql<boolean>`${column} like ${pattern} escape '\\'`;
}

export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** Folds text for the search columns: lower case, accents removed, spaces collapsed. */
export function searchText(...parts: (string | null | undefined)[]): string {
  return parts
    .filter((p): p is string => typeof p === 'string' && p.length > 0)
    .join(' ')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** A unique constraint refused the write (SQLite and PostgreSQL spell it differently). */
export function isUniqueViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

export function isForeignKeyViolation(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY';
}

// ---------------------------------------------------------------------------------------
// Analytics: calendar buckets, day differences and whole-number truncation. PostgreSQL
// stores timestamptz (bucketed in UTC), SQLite the ISO-8601 UTC text.
// ---------------------------------------------------------------------------------------

export type CalendarBucket = 'month' | 'quarter';

/** The calendar month (`2024-03`) or quarter (`2024-Q1`) of a timestamp, in UTC. */
export function calendarBucket(dialect: DialectName, bucket: CalendarBucket, at: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  if (dialect === 'postgres') {
    return bucket === 'month'
      ? sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-MM')`
      : sql<string>`to_char(${at} at time zone 'UTC', 'YYYY-"Q"Q')`;
  }
  return bucket === 'month'
    ? sql<string>`substr(${at}, 1, 7)`
    : sql<string>`substr(${at}, 1, 4) || '-Q' || ((cast(substr(${at}, 6, 2) as integer) + 2) / 3)`;
}

/** Days (fractional) from `earlier` to `later`, both timestamps. */
export function daysBetween(dialect: DialectName, later: Expression<unknown> | RawBuilder<unknown>, earlier: Expression<unknown> | RawBuilder<unknown>): RawBuilder<number> {
  return dialect === 'postgres'
    ? sql<number>`(extract(epoch from (${later} - ${earlier})) / 86400.0)`
    : sql<number>`(julianday(${later}) - julianday(${earlier}))`;
}

/** A calendar date column as the timestamp of its UTC midnight, comparable with timestamps. */
export function dateAsTimestamp(dialect: DialectName, date: Expression<unknown> | RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`(${date}::timestamp at time zone 'UTC')` : sql<string>`(${date} || 'T00:00:00.000Z')`;
}

/** floor() of a non-negative number as an integer (PostgreSQL's cast rounds, SQLite's truncates). */
export function floorInt(dialect: DialectName, value: Expression<unknown> | RawBuilder<unknown>): RawBuilder<number> {
  return dialect === 'postgres' ? sql<number>`floor(${value})::integer` : sql<number>`cast(${value} as integer)`;
}

/**
 * The values of a group joined into one text, in the given order (`string_agg` on PostgreSQL,
 * `group_concat … order by` on SQLite ≥ 3.44). A number joined as text reads back to the same
 * double: PostgreSQL prints numeric exactly, SQLite prints a real with round-trip precision.
 */
export function joinedText(
  dialect: DialectName,
  value: Expression<unknown> | RawBuilder<unknown>,
  separator: string,
  orderBy: RawBuilder<unknown>,
): RawBuilder<string | null> {
  return dialect === 'postgres'
    ? sql<string | null>`string_agg((${value})::text, ${sql.lit(separator)} order by ${orderBy})`
    : sql<string | null>`group_concat(${value}, ${sql.lit(separator)} order by ${orderBy})`;
}
