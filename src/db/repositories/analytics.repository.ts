import { sql, type Kysely, type RawBuilder } from 'kysely';
import { channelOfActivity } from '../../domain/firstTouch.js';
import type { BassPrior } from '../../shared/schemas/analytics.js';
import { stages, type Stage } from '../../shared/vocabulary.js';
import type { DialectName } from '../database.js';
import { calendarBucket, dateAsTimestamp, daysBetween, floorInt, fromDbJson, toDbJson, type CalendarBucket } from '../dialect.js';
import type { Schema } from '../schema.js';

/**
 * The read-only SQL behind the diffusion and funnel analytics. Every query aggregates in the
 * database over the indexed stage history; what comes back is bounded by stages × slices,
 * periods, or adopters (one row per adopting account per solution), never by history rows.
 */

/** Journey scope: which journeys an analysis looks at. Period bounds are UTC ISO timestamps, `to` exclusive. */
export interface AnalyticsScope {
  solutionId?: string;
  principalId?: string;
  city?: string;
  province?: string;
  region?: string;
  industry?: string;
  sizeBand?: string;
  tier?: string;
  teamId?: string;
  ownerId?: string;
  channel?: string;
  fromAt?: string;
  toAt?: string;
}

export type SliceDimension = 'solution' | 'industry' | 'city' | 'province' | 'region' | 'sizeBand' | 'tier' | 'team' | 'owner' | 'cohort' | 'channel';

/** Where a journey enters after each stage: confirmation leads to the adoption itself. */
export type FunnelStep = Stage | 'adopted';

export interface StageEntryRow {
  key: string | null;
  label: string | null;
  stage: FunnelStep;
  entered: number;
  advanced: number;
}

export interface StayQuantileRow {
  stage: Stage;
  /** 1-based rank of this duration within its stage. */
  rank: number;
  stays: number;
  days: number;
}

export interface OutcomeEventRow {
  kind: 'adopt' | 'reject' | 'discontinue';
  reason: string | null;
  count: number;
}

export interface SolutionOrigin {
  id: string;
  name: string;
  launchDate: string | null;
  /** Creation time of the solution's first live journey, the launch when no launch date is set. */
  firstJourneyAt: string | null;
}

export interface AdoptionRow {
  solutionId: string;
  accountId: string;
  accountName: string;
  journeyId: string;
  adoptedAt: string;
  days: number;
}

export interface AccountBrief {
  id: string;
  name: string;
  city: string;
  industry: string;
  ownerId: string | null;
  journeyId: string | null;
  stage: Stage | null;
  outcome: string | null;
}

export interface PracticeRow {
  ownerId: string | null;
  ownerName: string | null;
  teamId: string | null;
  teamName: string | null;
  demo: boolean;
  responseBucket: string;
  decided: number;
  adopted: number;
}

/**
 * The journey's first-touch channel (docs/analytics.md): the channel of its earliest live
 * activity (ties broken by id), `none` without one. One indexed lookup per journey
 * (activities_journey_idx), evaluated in the database on both dialects.
 */
const firstTouchChannel = sql`coalesce((
  select case ac.type ${sql.join(
    Object.entries(channelOfActivity).map(([type, channel]) => sql`when ${sql.lit(type)} then ${sql.lit(channel)}`),
    sql` `,
  )} else 'other' end
  from activities ac where ac.journey_id = j.id and ac.deleted_at is null
  order by ac.occurred_at, ac.id limit 1
), 'none')`;

/** An adoption (ANALYTICS.md): the journey left decision for implementation. */
const isAdoptionMove = sql`h.kind = 'move' and h.from_stage = 'decision' and h.to_stage = 'implementation'`;

export class AnalyticsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  /** `select … from journeys j join accounts a` restricted to the scope (period bounds are applied by each query). */
  private scopeConditions(scope: AnalyticsScope): RawBuilder<unknown> {
    const conditions: RawBuilder<unknown>[] = [sql`j.deleted_at is null`, sql`a.deleted_at is null`];
    if (scope.solutionId !== undefined) conditions.push(sql`j.solution_id = ${scope.solutionId}`);
    if (scope.principalId !== undefined) {
      conditions.push(sql`exists (select 1 from solution_principals sp where sp.solution_id = j.solution_id and sp.principal_id = ${scope.principalId})`);
    }
    if (scope.city !== undefined) conditions.push(sql`a.city = ${scope.city}`);
    if (scope.province !== undefined) conditions.push(sql`a.province = ${scope.province}`);
    if (scope.region !== undefined) conditions.push(sql`a.region = ${scope.region}`);
    if (scope.industry !== undefined) conditions.push(sql`a.industry = ${scope.industry}`);
    if (scope.sizeBand !== undefined) conditions.push(sql`a.size_band = ${scope.sizeBand}`);
    if (scope.tier !== undefined) conditions.push(sql`a.tier = ${scope.tier}`);
    if (scope.teamId !== undefined) conditions.push(sql`a.team_id = ${scope.teamId}`);
    if (scope.ownerId !== undefined) conditions.push(sql`j.owner_id = ${scope.ownerId}`);
    if (scope.channel !== undefined) conditions.push(sql`${firstTouchChannel} = ${scope.channel}`);
    return sql.join(conditions, sql` and `);
  }

  private inPeriod(column: RawBuilder<unknown>, scope: AnalyticsScope): RawBuilder<unknown> {
    const conditions: RawBuilder<unknown>[] = [sql`1 = 1`];
    if (scope.fromAt !== undefined) conditions.push(sql`${column} >= ${scope.fromAt}`);
    if (scope.toAt !== undefined) conditions.push(sql`${column} < ${scope.toAt}`);
    return sql.join(conditions, sql` and `);
  }

  private sliceColumns(by: SliceDimension | null): { key: RawBuilder<unknown>; label: RawBuilder<unknown> } {
    const none = sql`cast(null as text)`;
    switch (by) {
      case null:
        return { key: none, label: none };
      case 'solution':
        return { key: sql`j.solution_id`, label: sql`(select so.name from solutions so where so.id = j.solution_id)` };
      case 'team':
        return { key: sql`a.team_id`, label: sql`(select t.name from teams t where t.id = a.team_id)` };
      case 'owner':
        return { key: sql`j.owner_id`, label: sql`(select u.name from users u where u.id = j.owner_id)` };
      case 'cohort': {
        const month = calendarBucket(this.dialect, 'month', sql`j.created_at`);
        return { key: month, label: month };
      }
      case 'sizeBand':
        return { key: sql`a.size_band`, label: sql`a.size_band` };
      case 'channel':
        return { key: firstTouchChannel, label: firstTouchChannel };
      default: {
        const column = sql.ref(`a.${by}`);
        return { key: column, label: column };
      }
    }
  }

  /**
   * Per slice and funnel step: journeys whose first entry into the step falls in the period,
   * and how many of them later entered the next step. A journey counts once per step.
   */
  async stageEntries(scope: AnalyticsScope, by: SliceDimension | null): Promise<StageEntryRow[]> {
    const { key, label } = this.sliceColumns(by);
    // One row per journey with the first time it entered each step (a pivot, so no self-join).
    const firstAt = (step: FunnelStep) =>
      step === 'adopted'
        ? sql`min(case when h.kind = 'adopt' then h.at end)`
        : sql`min(case when h.kind in ('open', 'move', 'reopen') and h.to_stage = ${step} then h.at end)`;
    const steps = [...stages, 'adopted'] as const;
    const columns = steps.map((step, i) => sql`${firstAt(step)} as ${sql.ref(`t${i}`)}`);
    const counts = stages.flatMap((_, i) => {
      const at = sql.ref(`t${i}`);
      const next = sql.ref(`t${i + 1}`);
      const entered = sql`${at} is not null and ${this.inPeriod(sql`${at}`, scope)}`;
      return [
        sql`sum(case when ${entered} then 1 else 0 end) as ${sql.ref(`e${i}`)}`,
        sql`sum(case when ${entered} and ${next} >= ${at} then 1 else 0 end) as ${sql.ref(`a${i}`)}`,
      ];
    });
    const result = await sql<Record<string, string | number | null>>`
      with scope as (
        select j.id, ${key} as k, ${label} as l
        from journeys j join accounts a on a.id = j.account_id
        where ${this.scopeConditions(scope)}
      ),
      firsts as (
        select h.journey_id, s.k, s.l, ${sql.join(columns)}
        from journey_stage_history h join scope s on s.id = h.journey_id
        group by h.journey_id, s.k, s.l
      )
      select k, l, ${sql.join(counts)},
        sum(case when t5 is not null and ${this.inPeriod(sql`t5`, scope)} then 1 else 0 end) as e5
      from firsts group by k, l
    `.execute(this.db);
    const out: StageEntryRow[] = [];
    for (const row of result.rows) {
      const keyValue = row.k === null || row.k === undefined ? null : String(row.k);
      const labelValue = row.l === null || row.l === undefined ? null : String(row.l);
      steps.forEach((stage, i) => {
        const entered = Number(row[`e${i}`] ?? 0);
        if (entered > 0) out.push({ key: keyValue, label: labelValue, stage, entered, advanced: Number(row[`a${i}`] ?? 0) });
      });
    }
    return out;
  }

  /**
   * Completed stays per stage that began in the period: only the rows needed for the median and
   * the 90th percentile (type-7 interpolation) come back — at most four per stage.
   */
  async stayQuantileRows(scope: AnalyticsScope, probabilities: readonly number[]): Promise<StayQuantileRow[]> {
    const days = daysBetween(this.dialect, sql`next_at`, sql`at`);
    const picks = probabilities.map((p) => {
      const below = floorInt(this.dialect, sql`(n - 1) * ${sql.lit(p)}`);
      return sql`(rn - 1 = ${below} or rn - 1 = ${below} + 1)`;
    });
    const result = await sql<{ stage: Stage; rank: number; stays: number; days: number }>`
      with scope as (
        select j.id from journeys j join accounts a on a.id = j.account_id where ${this.scopeConditions(scope)}
      ),
      stays as (
        select h.to_stage as stage, h.kind, h.at, lead(h.at) over (partition by h.journey_id order by h.seq) as next_at
        from journey_stage_history h join scope s on s.id = h.journey_id
      ),
      durations as (
        select stage, ${days} as d from stays
        where kind in ('open', 'move', 'reopen') and next_at is not null and ${this.inPeriod(sql`at`, scope)}
      ),
      ranked as (
        select stage, d, row_number() over (partition by stage order by d) as rn, count(*) over (partition by stage) as n
        from durations
      )
      select stage, rn as rank, n as stays, d as days from ranked where ${sql.join(picks, sql` or `)}
      order by stage, rn
    `.execute(this.db);
    return result.rows.map((r) => ({ stage: r.stage, rank: Number(r.rank), stays: Number(r.stays), days: Number(r.days) }));
  }

  /** Outcome events (adopt, reject, discontinue) in the period, by reason. */
  async outcomeEvents(scope: AnalyticsScope): Promise<OutcomeEventRow[]> {
    const result = await sql<OutcomeEventRow>`
      select h.kind as kind, h.reason as reason, count(*) as count
      from journey_stage_history h
      join journeys j on j.id = h.journey_id
      join accounts a on a.id = j.account_id
      where h.kind in ('adopt', 'reject', 'discontinue') and ${this.scopeConditions(scope)} and ${this.inPeriod(sql`h.at`, scope)}
      group by h.kind, h.reason
    `.execute(this.db);
    return result.rows.map((r) => ({ ...r, count: Number(r.count) }));
  }

  /** Every live solution with what its launch defaults to (one statement, for reports over all solutions). */
  async solutionOrigins(): Promise<SolutionOrigin[]> {
    const result = await sql<{ id: string; name: string; launch_date: string | null; first_at: string | null }>`
      select s.id, s.name, s.launch_date, f.first_at
      from solutions s
      left join (select j.solution_id, min(j.created_at) as first_at from journeys j where j.deleted_at is null group by j.solution_id) f on f.solution_id = s.id
      where s.deleted_at is null
      order by s.name, s.id
    `.execute(this.db);
    return result.rows.map((row) => ({ id: row.id, name: row.name, launchDate: row.launch_date, firstJourneyAt: row.first_at }));
  }

  /** Adoptions per calendar bucket for every solution, up to `toAt` (exclusive): one statement. */
  async adoptionsPerBucketAll(bucket: CalendarBucket, toAt: string): Promise<{ solutionId: string; period: string; adoptions: number }[]> {
    const result = await sql<{ solution_id: string; period: string; adoptions: number }>`
      with adoptions as (
        select j.solution_id, j.id, min(h.at) as at
        from journeys j
        join accounts a on a.id = j.account_id
        join journey_stage_history h on h.journey_id = j.id
        where j.deleted_at is null and a.deleted_at is null and ${isAdoptionMove}
        group by j.solution_id, j.id
      )
      select solution_id, ${calendarBucket(this.dialect, bucket, sql`at`)} as period, count(*) as adoptions
      from adoptions where at < ${toAt}
      group by 1, 2 order by 1, 2
    `.execute(this.db);
    return result.rows.map((r) => ({ solutionId: r.solution_id, period: r.period, adoptions: Number(r.adoptions) }));
  }

  /** Every saved Bass prior, by solution. */
  async priors(): Promise<Map<string, BassPrior>> {
    const rows = await this.db.selectFrom('solution_bass_priors').selectAll().execute();
    return new Map(rows.map((row) => [row.solution_id, toPrior(row)]));
  }

  /** A live solution by id, or by name (case-insensitive), with what its launch defaults to. */
  async solutionOrigin(idOrName: string): Promise<SolutionOrigin | null> {
    const result = await sql<{ id: string; name: string; launch_date: string | null; first_at: string | null }>`
      select s.id, s.name, s.launch_date,
        (select min(j.created_at) from journeys j where j.solution_id = s.id and j.deleted_at is null) as first_at
      from solutions s
      where s.deleted_at is null and (s.id = ${idOrName} or lower(s.name) = ${idOrName.toLowerCase()})
      order by case when s.id = ${idOrName} then 0 else 1 end
      limit 1
    `.execute(this.db);
    const row = result.rows[0];
    return row ? { id: row.id, name: row.name, launchDate: row.launch_date, firstJourneyAt: row.first_at } : null;
  }

  /** Live solutions in name order (for reports over every solution). */
  async solutions(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('solutions').select(['id', 'name']).where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
  }

  /** Adoptions of one solution per calendar bucket, up to `toAt` (exclusive). */
  async adoptionsPerBucket(solutionId: string, bucket: CalendarBucket, toAt: string): Promise<{ period: string; adoptions: number }[]> {
    const result = await sql<{ period: string; adoptions: number }>`
      with adoptions as (
        select j.id, min(h.at) as at
        from journeys j
        join accounts a on a.id = j.account_id
        join journey_stage_history h on h.journey_id = j.id
        where j.solution_id = ${solutionId} and j.deleted_at is null and a.deleted_at is null and ${isAdoptionMove}
        group by j.id
      )
      select ${calendarBucket(this.dialect, bucket, sql`at`)} as period, count(*) as adoptions
      from adoptions where at < ${toAt}
      group by 1 order by 1
    `.execute(this.db);
    return result.rows.map((r) => ({ period: r.period, adoptions: Number(r.adoptions) }));
  }

  /**
   * One row per adopting account per solution (its first adoption), with its adoption time in
   * days since the solution's launch date, or since its first journey when no date is set.
   */
  async adoptionTimes(solutionId?: string): Promise<AdoptionRow[]> {
    const origin = sql`coalesce(${dateAsTimestamp(this.dialect, sql`s.launch_date`)}, f.first_at)`;
    const onlySolution = solutionId === undefined ? sql`1 = 1` : sql`j.solution_id = ${solutionId}`;
    const result = await sql<{ solution_id: string; account_id: string; account_name: string; journey_id: string; adopted_at: string; days: number }>`
      with adoptions as (
        select j.solution_id, j.account_id, min(j.id) as journey_id, min(h.at) as at
        from journeys j
        join journey_stage_history h on h.journey_id = j.id
        where j.deleted_at is null and ${onlySolution} and ${isAdoptionMove}
        group by j.solution_id, j.account_id
      ),
      firsts as (
        select j.solution_id, min(j.created_at) as first_at
        from journeys j where j.deleted_at is null and ${onlySolution}
        group by j.solution_id
      )
      select ad.solution_id, ad.account_id, a.name as account_name, ad.journey_id, ad.at as adopted_at,
        ${daysBetween(this.dialect, sql`ad.at`, origin)} as days
      from adoptions ad
      join solutions s on s.id = ad.solution_id
      join accounts a on a.id = ad.account_id
      join firsts f on f.solution_id = ad.solution_id
      where s.deleted_at is null and a.deleted_at is null
      order by ad.solution_id, ad.at, ad.account_id
    `.execute(this.db);
    return result.rows.map((r) => ({
      solutionId: r.solution_id,
      accountId: r.account_id,
      accountName: r.account_name,
      journeyId: r.journey_id,
      adoptedAt: r.adopted_at,
      days: Number(r.days),
    }));
  }

  async liveAccountCount(): Promise<number> {
    const row = await this.db.selectFrom('accounts').select((eb) => eb.fn.countAll<number>().as('n')).where('deleted_at', 'is', null).executeTakeFirst();
    return Number(row?.n ?? 0);
  }

  /** Account names by id (bounded by the caller's list). */
  async accountNames(ids: readonly string[]): Promise<Map<string, string>> {
    const names = new Map<string, string>();
    for (let i = 0; i < ids.length; i += 500) {
      const chunk = ids.slice(i, i + 500);
      if (chunk.length === 0) continue;
      const rows = await this.db.selectFrom('accounts').select(['id', 'name']).where('id', 'in', chunk).execute();
      for (const row of rows) names.set(row.id, row.name);
    }
    return names;
  }

  /** The listed accounts with their live journey for `solutionId`, if any. */
  async accountBriefs(ids: readonly string[], solutionId: string): Promise<AccountBrief[]> {
    if (ids.length === 0) return [];
    const rows = await this.db
      .selectFrom('accounts as a')
      .leftJoin('journeys as j', (join) => join.onRef('j.account_id', '=', 'a.id').on('j.solution_id', '=', solutionId).on('j.deleted_at', 'is', null))
      .select(['a.id', 'a.name', 'a.city', 'a.industry', 'a.owner_id', 'j.id as journey_id', 'j.stage', 'j.outcome'])
      .where('a.id', 'in', [...ids])
      .where('a.deleted_at', 'is', null)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      city: r.city,
      industry: r.industry,
      ownerId: r.owner_id,
      journeyId: r.journey_id,
      stage: (r.stage as Stage | null) ?? null,
      outcome: r.outcome,
    }));
  }

  /**
   * Journeys that reached a decision in the period (left decision for implementation, or were
   * rejected there), counted by account manager, SA demo before the decision, and the delay
   * from the journey's opening to its first activity.
   */
  async practiceRows(scope: AnalyticsScope): Promise<PracticeRow[]> {
    const delay = daysBetween(this.dialect, sql`f.first_touch_at`, sql`f.opened_at`);
    const result = await sql<{
      owner_id: string | null;
      owner_name: string | null;
      team_id: string | null;
      team_name: string | null;
      demo: number;
      bucket: string;
      decided: number;
      adopted: number;
    }>`
      with scope as (
        select j.id, j.owner_id, j.created_at from journeys j join accounts a on a.id = j.account_id
        where ${this.scopeConditions(scope)}
      ),
      decisions as (
        select h.journey_id, min(h.at) as decided_at,
          max(case when h.kind = 'move' then 1 else 0 end) as adopted
        from journey_stage_history h join scope s on s.id = h.journey_id
        where h.from_stage = 'decision' and ((h.kind = 'move' and h.to_stage = 'implementation') or h.kind = 'reject')
        group by h.journey_id
      ),
      facts as (
        select d.journey_id, s.owner_id, d.adopted, s.created_at as opened_at,
          case when exists (
            select 1 from activities ac
            where ac.journey_id = d.journey_id and ac.type = 'demo' and ac.deleted_at is null and ac.occurred_at < d.decided_at
          ) then 1 else 0 end as demo,
          (select min(ac.occurred_at) from activities ac
            where ac.journey_id = d.journey_id and ac.deleted_at is null and ac.occurred_at < d.decided_at) as first_touch_at
        from decisions d join scope s on s.id = d.journey_id
        where ${this.inPeriod(sql`d.decided_at`, scope)}
      ),
      bucketed as (
        select owner_id, adopted, demo,
          case
            when first_touch_at is null then 'no_touch'
            when ${delay} <= 1 then 'within_1_day'
            when ${delay} <= 3 then '1_to_3_days'
            when ${delay} <= 7 then '3_to_7_days'
            when ${delay} <= 30 then '7_to_30_days'
            else 'over_30_days'
          end as bucket
        from facts f
      )
      select b.owner_id, u.name as owner_name, u.team_id, t.name as team_name, b.demo, b.bucket,
        count(*) as decided, sum(b.adopted) as adopted
      from bucketed b
      left join users u on u.id = b.owner_id
      left join teams t on t.id = u.team_id
      group by b.owner_id, u.name, u.team_id, t.name, b.demo, b.bucket
    `.execute(this.db);
    return result.rows.map((r) => ({
      ownerId: r.owner_id,
      ownerName: r.owner_name,
      teamId: r.team_id,
      teamName: r.team_name,
      demo: Number(r.demo) === 1,
      responseBucket: r.bucket,
      decided: Number(r.decided),
      adopted: Number(r.adopted ?? 0),
    }));
  }

  /** The Bass prior saved for a solution, if any. */
  async findPrior(solutionId: string): Promise<BassPrior | null> {
    const row = await this.db.selectFrom('solution_bass_priors').selectAll().where('solution_id', '=', solutionId).executeTakeFirst();
    return row ? toPrior(row) : null;
  }

  async insertPrior(prior: Omit<BassPrior, 'version'>): Promise<BassPrior> {
    await this.db
      .insertInto('solution_bass_priors')
      .values({ ...priorColumns(prior), solution_id: prior.solutionId, version: 1 })
      .execute();
    return { ...prior, version: 1 };
  }

  /** Replaces a saved prior if it is still at `version`; null when someone changed it meanwhile. */
  async updatePrior(prior: Omit<BassPrior, 'version'>, version: number): Promise<BassPrior | null> {
    const result = await this.db
      .updateTable('solution_bass_priors')
      .set({ ...priorColumns(prior), version: version + 1 })
      .where('solution_id', '=', prior.solutionId)
      .where('version', '=', version)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) === 1 ? { ...prior, version: version + 1 } : null;
  }

  async deletePrior(solutionId: string, version: number): Promise<boolean> {
    const result = await this.db.deleteFrom('solution_bass_priors').where('solution_id', '=', solutionId).where('version', '=', version).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }
}

function priorColumns(prior: Omit<BassPrior, 'version'>) {
  return {
    p: prior.p,
    q: prior.q,
    m: prior.m,
    period_unit: prior.periodUnit,
    source: prior.source,
    series: prior.series === null ? null : toDbJson(prior.series),
    saved_by: prior.savedBy,
    saved_at: prior.savedAt,
  };
}

function toPrior(row: {
  solution_id: string;
  p: number;
  q: number;
  m: number | null;
  period_unit: string;
  source: string;
  series: unknown;
  saved_by: string | null;
  saved_at: string;
  version: number;
}): BassPrior {
  return {
    solutionId: row.solution_id,
    p: Number(row.p),
    q: Number(row.q),
    m: row.m === null ? null : Number(row.m),
    periodUnit: row.period_unit === 'quarter' ? 'quarter' : 'month',
    source: row.source,
    series: row.series === null || row.series === undefined ? null : fromDbJson<{ period: string; adoptions: number }[]>(row.series),
    savedBy: row.saved_by,
    savedAt: row.saved_at,
    version: Number(row.version),
  };
}
