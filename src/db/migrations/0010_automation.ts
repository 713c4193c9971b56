import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';

/** Being written in this session (slot reserved so parallel work never races on migrate.ts). */
export async function up(_db: Kysely<unknown>, _dialect: DialectName): Promise<void> {}
