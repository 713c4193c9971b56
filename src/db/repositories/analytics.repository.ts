import { sql, type Kysely, type RawBuilder } from 'kysely';
import { channelOfActivity } from '../../domain/firstTouch.js';
import type { BassPrior } from '../../shared/schemas/analytics.js';
import { stages, type Stage } from '../../shared/vocabulary.js';
import type { DialectName } from '../database.js';
import { calendarBucket, dateAsTimestamp, daysBetween, floorInt, joinedText, fromDbJson, toDbJson, type CalendarBucket } from '../dialect.js';
import type { Schema } from '../schema.js';

/**
 * The read-only SQL behind the diffusion and funnel analytics. The funnel and the diffusion
 * read the rollups the history triggers keep (0012: `journey_milestones`, one row per journey,
 * and `journey_stays`, one per completed stay) rather than aggregating the history itself;
 * what comes back is bounded by stages × slices, periods, or adopters (one row per adopting
 * account per solution), never by history rows. Scopes that only name solutions (or nothing)
 * read the rollups alone; any other filter joins journeys and accounts as before.
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

/** An adopting account's adoption time, without what a listing shows (the reports over every solution). */
export interface AdoptionTimeRow {
  solutionId: string;
  accountId: string;
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

/**
 * Journeys the reports leave out: soft-deleted ones and those of a soft-deleted account. The
 * rollups carry this as `live` (kept by triggers); for the history itself both sets are read from
 * small partial indexes (0012), so excluding them costs one probe per row instead of a join to
 * the wide journeys and accounts tables.
 */
const deadJourneys = sql`
  select dj.id from journeys dj where dj.deleted_at is not null
  union all
  select dj.id from accounts da join journeys dj on dj.account_id = da.id and dj.deleted_at is null where da.deleted_at is not null`;
const isLive = (journeyId: RawBuilder<unknown>) => sql`${journeyId} not in (${deadJourneys})`;

/** A solution's first live journey (`s` in scope), one seek into journeys_solution_created_idx. */
const firstJourneyAt = sql`(select min(fj.created_at) from journeys fj where fj.solution_id = s.id and fj.deleted_at is null)`;

/** ASCII unit and record separators: what adoptionTimesAll joins an adopter's fields and adopters with. */
const UNIT = '\x1f';
const RECORD = '\x1e';

/** The funnel steps' columns in journey_milestones (0012), in funnel order. */
const stepColumns: Record<FunnelStep, string> = {
  knowledge: 'knowledge_at',
  persuasion: 'persuasion_at',
  decision: 'decision_at',
  implementation: 'implementation_at',
  confirmation: 'confirmation_at',
  adopted: 'adopt_outcome_at',
};

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
    const conditions: RawBuilder<unknown>[] = [];
    if (scope.fromAt !== undefined) conditions.push(sql`${column} >= ${scope.fromAt}`);
    if (scope.toAt !== undefined) conditions.push(sql`${column} < ${scope.toAt}`);
    return conditions.length === 0 ? sql`1 = 1` : sql.join(conditions, sql` and `);
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
   * The scope as a condition on a solution column when it names nothing but solutions (and a
   * period, which each query applies to its own time column); null when it needs journeys or
   * accounts (account fields, team, owner, channel).
   */
  private solutionsOnly(scope: AnalyticsScope, solution: RawBuilder<unknown>): RawBuilder<unknown> | null {
    if (!filtersOnly(scope, ['solutionId', 'principalId', 'fromAt', 'toAt'])) return null;
    const conditions: RawBuilder<unknown>[] = [sql`1 = 1`];
    if (scope.solutionId !== undefined) conditions.push(sql`${solution} = ${scope.solutionId}`);
    if (scope.principalId !== undefined) {
      conditions.push(sql`exists (select 1 from solution_principals sp where sp.solution_id = ${solution} and sp.principal_id = ${scope.principalId})`);
    }
    return sql.join(conditions, sql` and `);
  }

  /**
   * Per slice and funnel step: journeys whose first entry into the step falls in the period,
   * and how many of them later entered the next step. A journey counts once per step.
   */
  async stageEntries(scope: AnalyticsScope, by: SliceDimension | null): Promise<StageEntryRow[]> {
    const steps = [...stages, 'adopted'] as const;
    // The first entry of each step comes from journey_milestones (kept by the history trigger).
    const firsts = sql.join(steps.map((step, i) => sql`m.${sql.ref(stepColumns[step])} as ${sql.ref(`t${i}`)}`));
    const bySolution = this.solutionsOnly(scope, sql`m.solution_id`);
    let source: RawBuilder<unknown>;
    if (bySolution !== null && (by === null || by === 'solution')) {
      const none = sql`cast(null as text)`;
      const key = by === null ? none : sql`m.solution_id`;
      const label = by === null ? none : sql`(select so.name from solutions so where so.id = m.solution_id)`;
      source = sql`
        select ${key} as k, ${label} as l, ${firsts} from journey_milestones m
        where m.live = 1 and ${bySolution}`;
    } else {
      const { key, label } = this.sliceColumns(by);
      source = sql`
        select ${key} as k, ${label} as l, ${firsts}
        from journeys j join accounts a on a.id = j.account_id join journey_milestones m on m.journey_id = j.id
        where ${this.scopeConditions(scope)}`;
    }
    const counts = steps.map((_, i) => {
      const at = sql.ref(`t${i}`);
      const entered = sql`${at} is not null and ${this.inPeriod(sql`${at}`, scope)}`;
      const count = sql`count(*) filter (where ${entered}) as ${sql.ref(`e${i}`)}`;
      if (i === steps.length - 1) return count;
      return sql`${count}, count(*) filter (where ${entered} and ${sql.ref(`t${i + 1}`)} >= ${at}) as ${sql.ref(`a${i}`)}`;
    });
    // Unsliced: one row, no grouping (a sort of every journey's milestones otherwise).
    const result = await sql<Record<string, string | number | null>>`
      select ${by === null ? sql`cast(null as text) as k, cast(null as text) as l` : sql`k, l`}, ${sql.join(counts)}
      from (${source}) f ${by === null ? sql`` : sql`group by k, l`}
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
   * Completed stays per stage that began in the period: only the rows needed for the given
   * quantiles (type-7 interpolation: ranks ⌊p(n−1)⌋+1 and +2) come back — at most four per stage.
   */
  async stayQuantileRows(scope: AnalyticsScope, probabilities: readonly number[]): Promise<StayQuantileRow[]> {
    if (!filtersOnly(scope, ['fromAt', 'toAt'])) return this.scopedStayQuantileRows(scope, probabilities);

    // Every live journey: count the stays of each stage, then read the wanted ranks as offsets
    // into the (stage, days) index — no sort, no window over a million rows. A rank in the upper
    // half is read from the top (the 90th percentile walks a tenth of the stays, not nine).
    const filter = sql`st.live = 1 and ${this.inPeriod(sql`st.entered_at`, scope)}`;
    // One count per stage, each over its own range of the index: PostgreSQL's planner reads the
    // index alone for a stage, where a grouped count over every stage gets a scan of the table.
    const counts = await sql<{ stage: Stage; n: number }>`
      select s.stage, (select count(*) from journey_stays st where st.stage = s.stage and ${filter}) as n
      from (${sql.join(stages.map((stage) => sql`select ${sql.lit(stage)} as stage`), sql` union all `)}) s
      order by s.stage
    `.execute(this.db);
    const reads: { stage: Stage; stays: number; offset: number; limit: number }[] = [];
    for (const { stage, n: count } of counts.rows) {
      const n = Number(count);
      if (n === 0) continue;
      // The 0-based ranks wanted, merged into runs so that each run is one index read.
      const wanted = [...new Set(probabilities.flatMap((p) => [Math.floor(p * (n - 1)), Math.floor(p * (n - 1)) + 1]))].filter((r) => r < n).sort((a, b) => a - b);
      for (const rank of wanted) {
        const last = reads.at(-1);
        if (last && last.stage === stage && last.offset + last.limit === rank) last.limit += 1;
        else reads.push({ stage, stays: n, offset: rank, limit: 1 });
      }
    }
    if (reads.length === 0) return [];
    const picked = await sql<{ part: number; days: number }>`
      ${sql.join(
        reads.map((read, part) => {
          const fromTop = read.offset + read.limit > read.stays / 2;
          const order = fromTop ? sql`order by st.days desc` : sql`order by st.days`;
          const offset = fromTop ? read.stays - read.offset - read.limit : read.offset;
          return sql`select * from (
            select ${sql.lit(part)} as part, st.days from journey_stays st
            where st.stage = ${read.stage} and ${filter}
            ${order} limit ${sql.lit(read.limit)} offset ${sql.lit(offset)}
          ) ${sql.ref(`q${part}`)}`;
        }),
        sql` union all `,
      )}
    `.execute(this.db);
    const out: StayQuantileRow[] = [];
    reads.forEach((read, part) => {
      const days = picked.rows.filter((r) => Number(r.part) === part).map((r) => Number(r.days)).sort((a, b) => a - b);
      days.forEach((d, i) => out.push({ stage: read.stage, rank: read.offset + i + 1, stays: read.stays, days: d }));
    });
    return out;
  }

  /** stayQuantileRows for a scope that needs journeys or accounts: rank the scope's stays. */
  private async scopedStayQuantileRows(scope: AnalyticsScope, probabilities: readonly number[]): Promise<StayQuantileRow[]> {
    const picks = probabilities.map((p) => {
      const below = floorInt(this.dialect, sql`(n - 1) * ${sql.lit(p)}`);
      return sql`(rn - 1 = ${below} or rn - 1 = ${below} + 1)`;
    });
    const result = await sql<{ stage: Stage; rank: number; stays: number; days: number }>`
      with durations as (
        select st.stage, st.days as d
        from journeys j join accounts a on a.id = j.account_id join journey_stays st on st.journey_id = j.id
        where ${this.scopeConditions(scope)} and ${this.inPeriod(sql`st.entered_at`, scope)}
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
    // Every journey: read the partial index of outcome rows (0012) and leave out dead journeys.
    const result = filtersOnly(scope, ['fromAt', 'toAt'])
      ? await sql<OutcomeEventRow>`
          select h.kind as kind, h.reason as reason, count(*) as count
          from journey_stage_history h
          where h.kind in ('adopt', 'reject', 'discontinue') and ${isLive(sql`h.journey_id`)} and ${this.inPeriod(sql`h.at`, scope)}
          group by h.kind, h.reason
        `.execute(this.db)
      : await sql<OutcomeEventRow>`
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
      select s.id, s.name, s.launch_date, ${firstJourneyAt} as first_at
      from solutions s
      where s.deleted_at is null
      order by s.name, s.id
    `.execute(this.db);
    return result.rows.map((row) => ({ id: row.id, name: row.name, launchDate: row.launch_date, firstJourneyAt: row.first_at }));
  }

  /** Adoptions per calendar bucket for every solution, up to `toAt` (exclusive): one statement. */
  async adoptionsPerBucketAll(bucket: CalendarBucket, toAt: string): Promise<{ solutionId: string; period: string; adoptions: number }[]> {
    const result = await sql<{ solution_id: string; period: string; adoptions: number }>`
      select m.solution_id, ${calendarBucket(this.dialect, bucket, sql`m.adopted_at`)} as period, count(*) as adoptions
      from journey_milestones m
      where m.adopted_at is not null and m.adopted_at < ${toAt} and m.live = 1
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
      select ${calendarBucket(this.dialect, bucket, sql`m.adopted_at`)} as period, count(*) as adoptions
      from journey_milestones m
      where m.solution_id = ${solutionId} and m.adopted_at is not null and m.adopted_at < ${toAt} and m.live = 1
      group by 1 order by 1
    `.execute(this.db);
    return result.rows.map((r) => ({ period: r.period, adoptions: Number(r.adoptions) }));
  }

  /**
   * One row per adopting account of a solution (its first adoption), with what the adopter
   * listing shows and its adoption time in days since the solution's launch date, or since its
   * first journey when no date is set.
   */
  async adoptionTimes(solutionId: string): Promise<AdoptionRow[]> {
    const origin = sql`coalesce(${dateAsTimestamp(this.dialect, sql`s.launch_date`)}, s.first_at)`;
    // A live journey is unique per account and solution (journeys_account_solution_uq), so each
    // adopting account has one live milestone row per solution: no grouping, and
    // journey_milestones_adopted_idx (live rows only) yields them in the report's order.
    const result = await sql<AdoptionRow>`
      with live_solutions as materialized (
        select s.id, s.launch_date, ${firstJourneyAt} as first_at
        from solutions s where s.deleted_at is null and s.id = ${solutionId}
      )
      select m.solution_id as "solutionId", m.account_id as "accountId", a.name as "accountName", m.journey_id as "journeyId",
        m.adopted_at as "adoptedAt", ${daysBetween(this.dialect, sql`m.adopted_at`, origin)} as days
      from journey_milestones m
      join live_solutions s on s.id = m.solution_id
      join accounts a on a.id = m.account_id
      where m.adopted_at is not null and m.live = 1 and m.solution_id = ${solutionId} and s.first_at is not null
        -- implied by live = 1; spelled out so that the names come from accounts_id_name_idx, not the wide rows
        and a.deleted_at is null
      order by m.adopted_at, m.account_id
    `.execute(this.db);
    // SQLite gives days as a double, the PostgreSQL pool parses numeric to a number.
    return result.rows;
  }

  /**
   * `adoptionTimes` for every live solution, narrowed to what classification and innovativeness
   * read (no names, journeys or dates), in the same order. Each solution's adopters come back
   * joined into one text (account id, unit separator, days; record separator between adopters):
   * on `large` that is 16 rows instead of 135,000, which SQLite hands to Node five times faster
   * (docs/benchmarks.md). Ids are server-made UUIDs, so the separators never occur in them.
   */
  async adoptionTimesAll(): Promise<AdoptionTimeRow[]> {
    const days = daysBetween(this.dialect, sql`m.adopted_at`, sql`s.origin`);
    // `||` turns the number into text on both databases (PostgreSQL: text || anynonarray).
    const entry = sql`m.account_id || ${sql.lit(UNIT)} || ${days}`;
    const result = await sql<{ solution_id: string; adopters: string | null }>`
      with live_solutions as materialized (
        select s.id, coalesce(${dateAsTimestamp(this.dialect, sql`s.launch_date`)}, ${firstJourneyAt}) as origin
        from solutions s where s.deleted_at is null
      )
      select s.id as solution_id,
        (select ${joinedText(this.dialect, entry, RECORD, sql`m.adopted_at, m.account_id`)}
         from journey_milestones m where m.solution_id = s.id and m.adopted_at is not null and m.live = 1) as adopters
      from live_solutions s
      where s.origin is not null
      order by s.id
    `.execute(this.db);
    const rows: AdoptionTimeRow[] = [];
    for (const { solution_id: solutionId, adopters } of result.rows) {
      if (adopters === null) continue;
      for (const adopter of adopters.split(RECORD)) {
        const cut = adopter.indexOf(UNIT);
        rows.push({ solutionId, accountId: adopter.slice(0, cut), days: Number(adopter.slice(cut + 1)) });
      }
    }
    return rows;
  }

  /** Every account less the soft-deleted ones (a count over the narrowest index and a partial one, not a table scan). */
  async liveAccountCount(): Promise<number> {
    const result = await sql<{ n: number }>`
      select (select count(*) from accounts) - (select count(*) from accounts where deleted_at is not null) as n
    `.execute(this.db);
    return Number(result.rows[0]?.n ?? 0);
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

/** Whether the scope sets no filter but the listed ones. */
function filtersOnly(scope: AnalyticsScope, allowed: readonly (keyof AnalyticsScope)[]): boolean {
  return Object.entries(scope).every(([key, value]) => value === undefined || allowed.includes(key as keyof AnalyticsScope));
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
