import type { Kysely, Selectable } from 'kysely';
import type { DialectName } from '../database.js';
import type { Gate, StageConfig } from '../../domain/gates.js';
import type { GateTick, Pipeline } from '../../shared/schemas/playbook.js';
import type { ActivityType, AidasStep, Stage } from '../../shared/vocabulary.js';
import { fromDbBool, fromDbJson, toDbBool, toDbJson } from '../dialect.js';
import type { PipelinesTable, Schema } from '../schema.js';

export type PipelineValues = Pick<Pipeline, 'id' | 'name' | 'isDefault' | 'solutionCategory' | 'stages'>;

/** What the playbook adds to a history row (override, unmet gates, pipeline in force). */

/**
 * Pipelines with their stages and gates, gate ticks, the playbook's columns of the stage
 * history, and the evidence the gates are judged on (contacts, activities on the journey).
 */
export class PlaybookRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  private async withStages(rows: Selectable<PipelinesTable>[]): Promise<Pipeline[]> {
    if (rows.length === 0) return [];
    const stageRows = await this.db
      .selectFrom('pipeline_stages')
      .selectAll()
      .where(
        'pipeline_id',
        'in',
        rows.map((r) => r.id),
      )
      .orderBy('position')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      isDefault: fromDbBool(r.is_default),
      solutionCategory: r.solution_category as Pipeline['solutionCategory'],
      stages: stageRows
        .filter((s) => s.pipeline_id === r.id)
        .map((s): StageConfig => ({
          stage: s.stage as Stage,
          position: s.position,
          aidasSteps: fromDbJson<AidasStep[]>(s.aidas_steps),
          gates: fromDbJson<Gate[]>(s.gates),
        })),
      version: r.version,
      createdAt: r.created_at,
      updatedAt: r.updated_at,
    }));
  }

  async listPipelines(): Promise<Pipeline[]> {
    const rows = await this.db.selectFrom('pipelines').selectAll().orderBy('is_default', 'desc').orderBy('name').orderBy('id').execute();
    return this.withStages(rows);
  }

  async findPipeline(id: string): Promise<Pipeline | null> {
    const rows = await this.db.selectFrom('pipelines').selectAll().where('id', '=', id).execute();
    return (await this.withStages(rows))[0] ?? null;
  }

  /** The pipeline a journey follows: its own, else its solution line's, else the default. */
  async pipelineForJourney(journeyId: string): Promise<Pipeline | null> {
    const journey = await this.db
      .selectFrom('journeys as j')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .select(['j.pipeline_id', 's.category'])
      .where('j.id', '=', journeyId)
      .executeTakeFirst();
    if (!journey) return null;
    const rows = await this.db
      .selectFrom('pipelines')
      .selectAll()
      .where((eb) => {
        const candidates = [eb('solution_category', '=', journey.category), eb('is_default', '=', toDbBool(this.dialect, true))];
        if (journey.pipeline_id !== null) candidates.push(eb('id', '=', journey.pipeline_id));
        return eb.or(candidates);
      })
      .execute();
    const chosen =
      rows.find((r) => r.id === journey.pipeline_id) ?? rows.find((r) => r.solution_category === journey.category) ?? rows.find((r) => fromDbBool(r.is_default));
    return chosen ? ((await this.withStages([chosen]))[0] ?? null) : null;
  }

  async insertPipeline(values: PipelineValues, now: string): Promise<void> {
    await this.db
      .insertInto('pipelines')
      .values({
        id: values.id,
        name: values.name,
        is_default: toDbBool(this.dialect, values.isDefault),
        solution_category: values.solutionCategory,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.writeStages(values.id, values.stages);
  }

  /**
   * Compare-and-set on version; the stages are replaced. History rows keep the lenses and the
   * pipeline version they were written under, so a change here never rewrites the past.
   */
  async updatePipeline(values: Pick<Pipeline, 'id' | 'name' | 'stages'>, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('pipelines')
      .set({ name: values.name, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', values.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await this.db.deleteFrom('pipeline_stages').where('pipeline_id', '=', values.id).execute();
    await this.writeStages(values.id, values.stages);
    return true;
  }

  private async writeStages(pipelineId: string, list: readonly StageConfig[]): Promise<void> {
    if (list.length === 0) return;
    await this.db
      .insertInto('pipeline_stages')
      .values(
        list.map((s) => ({
          pipeline_id: pipelineId,
          stage: s.stage,
          position: s.position,
          aidas_steps: toDbJson(s.aidasSteps),
          gates: toDbJson(s.gates),
        })),
      )
      .execute();
  }

  async setJourneyPipeline(journeyId: string, pipelineId: string | null): Promise<void> {
    await this.db.updateTable('journeys').set({ pipeline_id: pipelineId }).where('id', '=', journeyId).execute();
  }

  /** The pipeline chosen for the journey itself (null: its solution line's, else the default). */
  async chosenPipelineId(journeyId: string): Promise<string | null> {
    const row = await this.db.selectFrom('journeys').select('pipeline_id').where('id', '=', journeyId).executeTakeFirst();
    return row?.pipeline_id ?? null;
  }

  /** Chooses the journey's pipeline as a versioned change of the journey (compare-and-set); false when the version is stale. */
  async chooseJourneyPipeline(journeyId: string, pipelineId: string | null, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('journeys')
      .set({ pipeline_id: pipelineId, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', journeyId)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Appends one stage-history row with the playbook's columns (the table refuses updates). */


  async ticks(journeyId: string): Promise<GateTick[]> {
    const rows = await this.db.selectFrom('journey_gate_ticks').selectAll().where('journey_id', '=', journeyId).orderBy('at').orderBy('id').execute();
    return rows.map((r) => ({ id: r.id, journeyId: r.journey_id, gateId: r.gate_id, note: r.note, tickedBy: r.ticked_by, at: r.at }));
  }

  async insertTick(tick: GateTick): Promise<void> {
    await this.db
      .insertInto('journey_gate_ticks')
      .values({ id: tick.id, journey_id: tick.journeyId, gate_id: tick.gateId, note: tick.note, ticked_by: tick.tickedBy, at: tick.at })
      .execute();
  }

  async solutionCategoryOfJourney(journeyId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('journeys as j')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .select('s.category')
      .where('j.id', '=', journeyId)
      .executeTakeFirst();
    return row?.category ?? null;
  }

  /** Live contacts of an account with the persona fields the playbook reads. */
  async contactPersonas(accountId: string): Promise<{ id: string; techProficiency: string }[]> {
    const rows = await this.db
      .selectFrom('contacts')
      .select(['id', 'tech_proficiency'])
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => ({ id: r.id, techProficiency: r.tech_proficiency }));
  }

  /** Live activities logged on a journey, with the users who took part. */
  async journeyActivities(journeyId: string): Promise<{ id: string; type: ActivityType; occurredAt: string; createdBy: string | null; userIds: string[] }[]> {
    const rows = await this.db
      .selectFrom('activities')
      .select(['id', 'type', 'occurred_at', 'created_by'])
      .where('journey_id', '=', journeyId)
      .where('deleted_at', 'is', null)
      .orderBy('occurred_at')
      .orderBy('id')
      .execute();
    if (rows.length === 0) return [];
    const people = await this.db
      .selectFrom('activity_participants')
      .select(['activity_id', 'participant_id'])
      .where(
        'activity_id',
        'in',
        rows.map((r) => r.id),
      )
      .where('participant_type', '=', 'user')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type as ActivityType,
      occurredAt: r.occurred_at,
      createdBy: r.created_by,
      userIds: people.filter((p) => p.activity_id === r.id).map((p) => p.participant_id),
    }));
  }
}
