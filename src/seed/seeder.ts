import type { Database } from '../db/database.js';
import { SeedRepository, seedTables, type SeedTable } from '../db/repositories/seed.repository.js';
import { DEFAULT_PIPELINE_ID } from '../db/migrations/0002_playbook.js';
import type { PasswordHasher } from '../services/ports.js';
import { DEMO_PASSWORD, generateWorkspace, type DemoLogin, type SeedBatch } from './generator.js';
import type { Scale } from './scales.js';

export interface SeedRequest {
  scale: Scale;
  seed: number;
  asOf?: string;
  /** Rows written per transaction (default DEFAULT_ROWS_PER_TRANSACTION). */
  rowsPerTransaction?: number;
  /** Called after every written batch with the running count of the table. */
  onProgress?: (table: SeedTable, written: number) => void;
}

/**
 * Rows per transaction. Bigger transactions write each hot index page once per commit instead
 * of once per small batch, which is what keeps a 10-million-row load fast on SQLite.
 */
export const DEFAULT_ROWS_PER_TRANSACTION = 5000;

export interface SeedSummary {
  scale: string;
  seed: number;
  dialect: string;
  counts: Record<SeedTable, number>;
  seconds: number;
  password: string;
  logins: DemoLogin[];
}

/** The workspace already has people in it: seeding would mix demo data into real data. */
export class WorkspaceNotEmptyError extends Error {
  constructor() {
    super('The workspace already has users; the demo data goes only into an empty database.');
  }
}

/**
 * Fills an empty workspace with generated data, streaming: each batch the generator yields
 * is written and dropped before the next is made, so the large scale runs in flat memory.
 */
export async function seedWorkspace(db: Database, hasher: PasswordHasher, request: SeedRequest): Promise<SeedSummary> {
  const started = performance.now();
  const repo = new SeedRepository(db.kysely, db.dialect);
  if (await repo.hasUsers()) throw new WorkspaceNotEmptyError();
  // One argon2 hash for every demo user: hashing thousands of times would take minutes.
  const passwordHash = await hasher.hash(DEMO_PASSWORD);
  const counts = Object.fromEntries(seedTables.map((t) => [t, 0])) as Record<SeedTable, number>;

  // History rows record the version of the default pipeline in force, as the journeys service does.
  const pipelineVersion = await repo.defaultPipelineVersion(DEFAULT_PIPELINE_ID);

  const rowsPerTransaction = request.rowsPerTransaction ?? DEFAULT_ROWS_PER_TRANSACTION;
  await repo.beginBulkLoad();
  let logins: DemoLogin[] | null = null;
  try {
    const batches = generateWorkspace({ scale: request.scale, seed: request.seed, passwordHash, pipelineVersion, ...(request.asOf ? { asOf: request.asOf } : {}) });
    // Batches are written in transactions of about rowsPerTransaction rows, then dropped.
    while (logins === null) {
      await repo.transaction(async (tx) => {
        let written = 0;
        while (written < rowsPerTransaction) {
          const step = batches.next();
          if (step.done) {
            logins = step.value;
            return;
          }
          const batch = step.value;
          if (batch.rows.length === 0) continue;
          await insertBatch(tx, batch);
          written += batch.rows.length;
          counts[batch.table] += batch.rows.length;
          request.onProgress?.(batch.table, counts[batch.table]);
        }
      });
    }
  } finally {
    await repo.endBulkLoad();
  }
  return {
    scale: request.scale.name,
    seed: request.seed,
    dialect: db.dialect,
    counts,
    seconds: Math.round((performance.now() - started) / 100) / 10,
    password: DEMO_PASSWORD,
    logins: logins ?? [],
  };
}

function insertBatch(repo: SeedRepository, batch: SeedBatch): Promise<void> {
  // The union of batches narrows per table here so the repository sees matching rows.
  switch (batch.table) {
    case 'teams': return repo.insert(batch.table, batch.rows);
    case 'users': return repo.insert(batch.table, batch.rows);
    case 'principals': return repo.insert(batch.table, batch.rows);
    case 'solutions': return repo.insert(batch.table, batch.rows);
    case 'solution_principals': return repo.insert(batch.table, batch.rows);
    case 'exchange_rates': return repo.insert(batch.table, batch.rows);
    case 'accounts': return repo.insert(batch.table, batch.rows);
    case 'contacts': return repo.insert(batch.table, batch.rows);
    case 'it_inventory_items': return repo.insert(batch.table, batch.rows);
    case 'it_risks': return repo.insert(batch.table, batch.rows);
    case 'journeys': return repo.insert(batch.table, batch.rows);
    case 'journey_stage_history': return repo.insert(batch.table, batch.rows);
    case 'activities': return repo.insert(batch.table, batch.rows);
    case 'activity_participants': return repo.insert(batch.table, batch.rows);
    case 'journey_gate_ticks': return repo.insert(batch.table, batch.rows);
    case 'tasks': return repo.insert(batch.table, batch.rows);
  }
}
