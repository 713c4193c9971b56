import type { Kysely } from 'kysely';
import type { Schema } from './schema.js';

/** The tables whose rows carry a version and are deleted softly. */
export type SoftDeletableTable = {
  [K in keyof Schema]: Schema[K] extends { id: string; version: number; updated_at: string; deleted_at: string | null } ? K : never;
}[keyof Schema];

/**
 * Marks a row deleted if it is live and still at `expectedVersion` (compare-and-set), bumping
 * its version; false when it is gone or someone wrote first.
 */
export async function softDeleteVersioned(
  db: Kysely<Schema>,
  table: SoftDeletableTable,
  id: string,
  expectedVersion: number,
  now: string,
): Promise<boolean> {
  // Every soft-deletable table has these four columns; 'accounts' stands in for the type checker.
  const result = await db
    .updateTable(table as 'accounts')
    .set({ deleted_at: now, updated_at: now, version: expectedVersion + 1 })
    .where('id', '=', id)
    .where('version', '=', expectedVersion)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
