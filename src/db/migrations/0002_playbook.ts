import { sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes, toDbBool, toDbJson } from '../dialect.js';
import { defaultPipelineStages } from '../../domain/gates.js';
import { defaultRiskSolutionMap } from '../../domain/recommendations.js';

/** The id of the default pipeline the migration seeds; journeys without a pipeline follow it. */
export const DEFAULT_PIPELINE_ID = '00000000-0000-7000-8000-000000000001';

/**
 * The selling playbook: pipelines with their stages and gates, gate ticks, the override
 * columns of the stage history, and the IT-environment assessment (inventory, risks, the
 * risk → solution-category map). Seeds the default pipeline of DESIGN.md §3 and the default
 * risk map here, so that every database has them from the start (nothing is seeded lazily).
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const now = new Date().toISOString();

  await db.schema
    .createTable('pipelines')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('is_default', t.bool, (c) => c.notNull())
    .addColumn('solution_category', 'text')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .execute();
  // One default pipeline, and at most one pipeline per solution line.
  const isTrue = dialect === 'postgres' ? sql`is_default` : sql`is_default = 1`;
  await sql`create unique index pipelines_default_uq on pipelines (is_default) where ${isTrue}`.execute(db);
  await sql`create unique index pipelines_category_uq on pipelines (solution_category) where solution_category is not null`.execute(db);

  await db.schema
    .createTable('pipeline_stages')
    .addColumn('pipeline_id', 'text', (c) => c.notNull().references('pipelines.id').onDelete('cascade'))
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('aidas_steps', t.json, (c) => c.notNull())
    .addColumn('gates', t.json, (c) => c.notNull())
    .addPrimaryKeyConstraint('pipeline_stages_pk', ['pipeline_id', 'stage'])
    .execute();

  // SQLite adds one column per statement.
  await db.schema.alterTable('journeys').addColumn('pipeline_id', 'text', (c) => c.references('pipelines.id')).execute();
  await db.schema.alterTable('journey_stage_history').addColumn('override_reason', 'text').execute();
  await db.schema.alterTable('journey_stage_history').addColumn('unmet_gates', t.json).execute();
  await db.schema.alterTable('journey_stage_history').addColumn('pipeline_id', 'text').execute();
  await db.schema.alterTable('journey_stage_history').addColumn('pipeline_version', 'integer').execute();

  await db.schema
    .createTable('journey_gate_ticks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('journey_id', 'text', (c) => c.notNull().references('journeys.id'))
    .addColumn('gate_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('ticked_by', 'text', (c) => c.references('users.id'))
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .execute();
  await db.schema.createIndex('journey_gate_ticks_journey_idx').on('journey_gate_ticks').columns(['journey_id', 'gate_id']).execute();

  await db.schema
    .createTable('it_inventory_items')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('vendor', 'text', (c) => c.notNull())
    .addColumn('product', 'text', (c) => c.notNull())
    .addColumn('product_version', 'text')
    .addColumn('end_of_life', t.date)
    .addColumn('criticality', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('it_inventory_account_idx').on('it_inventory_items').columns(['account_id', 'category']).execute();

  await db.schema
    .createTable('it_risks')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('account_id', 'text', (c) => c.notNull().references('accounts.id'))
    .addColumn('threat', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('likelihood', 'integer', (c) => c.notNull())
    .addColumn('impact', 'integer', (c) => c.notNull())
    .addColumn('mitigation_status', 'text', (c) => c.notNull())
    .addColumn('owner_id', 'text', (c) => c.references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addColumn('deleted_at', t.timestamp)
    .execute();
  await db.schema.createIndex('it_risks_account_idx').on('it_risks').columns(['account_id', 'category']).execute();

  await db.schema
    .createTable('risk_solution_map')
    .addColumn('risk_category', 'text', (c) => c.notNull())
    .addColumn('solution_category', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('risk_solution_map_pk', ['risk_category', 'solution_category'])
    .execute();

  const k = db as Kysely<Record<string, Record<string, unknown>>>;
  await k
    .insertInto('pipelines')
    .values({ id: DEFAULT_PIPELINE_ID, name: 'Default', is_default: toDbBool(dialect, true), solution_category: null, version: 1, created_at: now, updated_at: now })
    .execute();
  await k
    .insertInto('pipeline_stages')
    .values(
      defaultPipelineStages.map((s) => ({
        pipeline_id: DEFAULT_PIPELINE_ID,
        stage: s.stage,
        position: s.position,
        aidas_steps: toDbJson(s.aidasSteps),
        gates: toDbJson(s.gates),
      })),
    )
    .execute();
  await k
    .insertInto('risk_solution_map')
    .values(defaultRiskSolutionMap.map((l) => ({ risk_category: l.riskCategory, solution_category: l.solutionCategory })))
    .execute();
}
