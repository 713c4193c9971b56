import { sql, type Expression, type SqlBool } from 'kysely';
import { AppError } from '../shared/errors.js';

/**
 * Keyset (cursor) pagination: a page ends with a cursor holding the last row's sort value
 * and id; the next page starts strictly after it. Stable under inserts, cheap at any depth.
 */
export interface Cursor {
  value: string | number;
  id: string;
}

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify([cursor.value, cursor.id])).toString('base64url');
}

export function decodeCursor(raw: string): Cursor {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8'));
    if (
      Array.isArray(parsed) &&
      parsed.length === 2 &&
      (typeof parsed[0] === 'string' || typeof parsed[0] === 'number') &&
      typeof parsed[1] === 'string'
    ) {
      return { value: parsed[0], id: parsed[1] };
    }
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation_failed', { issues: [{ field: 'query.cursor', reason: 'is not a cursor this server issued' }] });
}

/** The predicate "after the cursor" for a sort column and direction, with id as tie-breaker. */
export function afterCursor(
  column: Expression<unknown>,
  idColumn: Expression<unknown>,
  direction: 'asc' | 'desc',
  cursor: Cursor,
): Expression<SqlBool> {
  return direction === 'asc'
    ? sql<SqlBool>`(${column} > ${cursor.value} or (${column} = ${cursor.value} and ${idColumn} > ${cursor.id}))`
    : sql<SqlBool>`(${column} < ${cursor.value} or (${column} = ${cursor.value} and ${idColumn} < ${cursor.id}))`;
}

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** Cuts the extra row fetched to know whether another page exists. */
export function toPage<T extends { id: string }>(rows: T[], limit: number, sortValue: (row: T) => string | number): Page<T> {
  const hasMore = rows.length > limit;
  const items = hasMore ? rows.slice(0, limit) : rows;
  const last = items.at(-1);
  return { items, nextCursor: hasMore && last ? encodeCursor({ value: sortValue(last), id: last.id }) : null };
}
