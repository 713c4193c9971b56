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
