import type { Kysely } from 'kysely';
import type { HistoryEntry, Journey, JourneyListQuery } from '../../shared/schemas/journeys.js';
import type { AidasStep, Outcome, Stage } from '../../shared/vocabulary.js';
import type { Schema } from '../schema.js';
import { containsLower, fromDbJson, searchText, toDbJson } from '../dialect.js';
import type { UnmetGate } from '../../domain/gates.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

const sortColumns = {
  updatedAt: 'j.updated_at',
  createdAt: 'j.created_at',
  valueMinor: 'j.value_minor',
  stageEnteredAt: 'j.stage_entered_at',
} as const;

export type JourneyValues = Omit<Journey, 'accountName' | 'solutionName' | 'teamId' | 'version' | 'createdAt' | 'updatedAt'>;
export type JourneyFilter = Omit<JourneyListQuery, 'limit' | 'cursor' | 'sort'>;

export class JourneysRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private base() {
    return this.db
      .selectFrom('journeys as j')
      .innerJoin('accounts as a', 'a.id', 'j.account_id')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .where('j.deleted_at', 'is', null)
      .select([
        'j.id',
        'j.account_id',
        'a.name as account_name',
        'j.solution_id',
        's.name as solution_name',
        'a.team_id',
        'j.owner_id',
        'j.sa_id',
        'j.marcomm_id',
        'j.value_minor',
        'j.currency',
        'j.expected_decision_date',
        'j.principal_involvement',
        'j.stage',
        'j.outcome',
        'j.outcome_reason',
        'j.stage_entered_at',
        'j.last_activity_at',
        'j.version',
        'j.created_at',
        'j.updated_at',
      ]);
  }

  async findById(id: string): Promise<Journey | null> {
    const row = await this.base().where('j.id', '=', id).executeTakeFirst();
    return row ? toJourney(row) : null;
  }

  /** The live solution's name, or null: journeys carry it in their search text. */
  async solutionName(id: string): Promise<string | null> {
    const row = await this.db.selectFrom('solutions').select('name').where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row?.name ?? null;
  }

  async findLive(accountId: string, solutionId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('journeys')
      .select('id')
      .where('account_id', '=', accountId)
      .where('solution_id', '=', solutionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async insert(values: JourneyValues, search: string, now: string): Promise<void> {
    await this.db
      .insertInto('journeys')
      .values({
        id: values.id,
        account_id: values.accountId,
        solution_id: values.solutionId,
        owner_id: values.ownerId,
        sa_id: values.saId,
        marcomm_id: values.marcommId,
        value_minor: values.valueMinor,
        currency: values.currency,
        expected_decision_date: values.expectedDecisionDate,
        principal_involvement: values.principalInvolvement,
        stage: values.stage,
        outcome: values.outcome,
        outcome_reason: values.outcomeReason,
        stage_entered_at: values.stageEnteredAt,
        last_activity_at: values.lastActivityAt,
        search_text: search,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  /** Compare-and-set on version: false when someone else wrote first. */
  async update(next: Journey, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('journeys')
      .set({
        owner_id: next.ownerId,
        sa_id: next.saId,
        marcomm_id: next.marcommId,
        value_minor: next.valueMinor,
        currency: next.currency,
        expected_decision_date: next.expectedDecisionDate,
        principal_involvement: next.principalInvolvement,
        stage: next.stage,
        outcome: next.outcome,
        outcome_reason: next.outcomeReason,
        stage_entered_at: next.stageEnteredAt,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'journeys', id, expectedVersion, now);
  }

  async touch(id: string, at: string): Promise<void> {
    await this.db
      .updateTable('journeys')
      .set({ last_activity_at: at })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_activity_at', 'is', null), eb('last_activity_at', '<', at)]))
      .execute();
  }

  async refreshSearchTextForAccount(accountId: string, accountName: string): Promise<void> {
    const rows = await this.db
      .selectFrom('journeys as j')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .select(['j.id', 's.name'])
      .where('j.account_id', '=', accountId)
      .execute();
    for (const row of rows) {
      await this.db.updateTable('journeys').set({ search_text: searchText(accountName, row.name) }).where('id', '=', row.id).execute();
    }
  }

  private filtered(filter: JourneyFilter) {
    let q = this.base();
    if (filter.stage) q = q.where('j.stage', 'in', filter.stage);
    if (filter.outcome) q = q.where('j.outcome', 'in', filter.outcome);
    if (filter.solutionId) q = q.where('j.solution_id', 'in', filter.solutionId);
    if (filter.ownerId) q = q.where('j.owner_id', 'in', filter.ownerId);
    if (filter.accountId) q = q.where('j.account_id', '=', filter.accountId);
    if (filter.teamId) q = q.where('a.team_id', 'in', filter.teamId);
    if (filter.saId) q = q.where('j.sa_id', '=', filter.saId);
    // A solution can come from several principals: a journey matches when any of them is asked for.
    if (filter.principalId) {
      const principalIds = filter.principalId;
      q = q.where('j.solution_id', 'in', (eb) => eb.selectFrom('solution_principals as sp').select('sp.solution_id').where('sp.principal_id', 'in', principalIds));
    }
    if (filter.city) q = q.where('a.city', 'in', filter.city);
    if (filter.tier) q = q.where('a.tier', 'in', filter.tier);
    if (filter.q) {
      const needle = searchText(filter.q);
      q = q.where(({ ref }) => containsLower(ref('j.search_text'), needle));
    }
    return q;
  }

  async list(query: JourneyListQuery): Promise<Page<Journey>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = desc ? 'desc' : 'asc';
    let q = this.filtered(query);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('j.id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('j.id', direction).limit(query.limit + 1).execute();
    return toPage(rows.map(toJourney), query.limit, (j) => j[key]);
  }

  /** Sums by stage and currency; conversion to the workspace currency happens in the service. */
  async sumsByStageAndCurrency(filter: JourneyFilter): Promise<{ stage: Stage; currency: string; count: number; totalMinor: number }[]> {
    const rows = await this.filtered(filter)
      .clearSelect()
      .select((eb) => [
        'j.stage',
        'j.currency',
        eb.fn.countAll<number>().as('n'),
        eb.fn.sum<number>('j.value_minor').as('total'),
      ])
      .groupBy(['j.stage', 'j.currency'])
      .execute();
    return rows.map((r) => ({ stage: r.stage as Stage, currency: r.currency, count: Number(r.n), totalMinor: Number(r.total) }));
  }

  async appendHistory(entry: HistoryEntry & { journeyId: string }): Promise<void> {
    await this.db
      .insertInto('journey_stage_history')
      .values({
        id: entry.id,
        journey_id: entry.journeyId,
        seq: entry.seq,
        kind: entry.kind,
        from_stage: entry.fromStage,
        to_stage: entry.toStage,
        outcome: entry.outcome,
        rogers_stage: entry.rogersStage,
        aidas_steps: entry.aidasSteps.join(','),
        reason: entry.reason,
        note: entry.note,
        actor_id: entry.actorId,
        at: entry.at,
        override_reason: entry.overrideReason,
        unmet_gates: entry.unmetGates === null ? null : toDbJson(entry.unmetGates),
        pipeline_id: entry.pipelineId,
        pipeline_version: entry.pipelineVersion,
      })
      .execute();
  }

  async nextSeq(journeyId: string): Promise<number> {
    const row = await this.db
      .selectFrom('journey_stage_history')
      .select((eb) => eb.fn.max<number>('seq').as('seq'))
      .where('journey_id', '=', journeyId)
      .executeTakeFirst();
    return Number(row?.seq ?? 0) + 1;
  }

  async history(journeyId: string): Promise<HistoryEntry[]> {
    const rows = await this.db
      .selectFrom('journey_stage_history')
      .selectAll()
      .where('journey_id', '=', journeyId)
      .orderBy('seq')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      seq: r.seq,
      kind: r.kind as HistoryEntry['kind'],
      fromStage: r.from_stage as Stage | null,
      toStage: r.to_stage as Stage,
      outcome: r.outcome as Outcome,
      rogersStage: r.rogers_stage as Stage,
      aidasSteps: r.aidas_steps.split(',').filter(Boolean) as AidasStep[],
      reason: r.reason,
      note: r.note,
      actorId: r.actor_id,
      at: r.at,
      overrideReason: r.override_reason,
      unmetGates: r.unmet_gates === null ? null : fromDbJson<UnmetGate[]>(r.unmet_gates),
      pipelineId: r.pipeline_id,
      pipelineVersion: r.pipeline_version === null ? null : Number(r.pipeline_version),
    }));
  }
}

type JourneyRow = Awaited<ReturnType<ReturnType<JourneysRepository['base']>['executeTakeFirstOrThrow']>>;

function toJourney(r: JourneyRow): Journey {
  return {
    id: r.id,
    accountId: r.account_id,
    accountName: r.account_name,
    solutionId: r.solution_id,
    solutionName: r.solution_name,
    teamId: r.team_id,
    ownerId: r.owner_id,
    saId: r.sa_id,
    marcommId: r.marcomm_id,
    valueMinor: Number(r.value_minor),
    currency: r.currency,
    expectedDecisionDate: r.expected_decision_date,
    principalInvolvement: r.principal_involvement,
    stage: r.stage as Stage,
    outcome: r.outcome as Outcome,
    outcomeReason: r.outcome_reason,
    stageEnteredAt: r.stage_entered_at,
    lastActivityAt: r.last_activity_at,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

