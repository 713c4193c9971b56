import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { ExitCounts, StageConversion, StayMiddle, StayTouches } from '../../domain/coaching.js';
import { stages, type Stage } from '../../shared/vocabulary.js';
import type { DialectName } from '../database.js';
import { daysBetween, toDbBool } from '../dialect.js';
import type { Schema } from '../schema.js';

/** Which journeys the coaching view looks at; period bounds are UTC ISO timestamps, `toAt` exclusive. */
export interface CoachingScope {
  teamId: string | null;
  fromAt: string;
  toAt: string;
  now: string;
}

/**
 * The SQL behind the coaching view (domain/coaching.ts defines each figure). Every query groups
 * in the database by journey owner (and stage): what comes back is bounded by AMs × stages.
 */
export class CoachingRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  /** The live journeys in scope with their owner, as a CTE body. */
  private scope(scope: CoachingScope): RawBuilder<unknown> {
    const team = scope.teamId === null ? sql`1 = 1` : sql`a.team_id = ${scope.teamId}`;
    return sql`select j.id, j.owner_id from journeys j join accounts a on a.id = j.account_id
      where j.deleted_at is null and a.deleted_at is null and j.owner_id is not null and ${team}`;
  }

  private inPeriod(column: RawBuilder<unknown>, scope: CoachingScope): RawBuilder<unknown> {
    return sql`${column} >= ${scope.fromAt} and ${column} < ${scope.toAt}`;
  }

  private stageIndex(column: RawBuilder<unknown>): RawBuilder<number> {
    return sql<number>`(case ${column} ${sql.join(
      stages.map((s, i) => sql`when ${s} then ${sql.lit(i + 1)}`),
      sql` `,
    )} end)`;
  }

  /** The owners to report on: everyone owning a journey in scope, and the team's active account managers. */
  async accountManagers(scope: CoachingScope): Promise<{ id: string; name: string }[]> {
    const teamAms =
      scope.teamId === null
        ? sql`1 = 0`
        : sql`(u.role = 'account_manager' and u.active = ${toDbBool(this.dialect, true)} and u.team_id = ${scope.teamId})`;
    const result = await sql<{ id: string; name: string }>`
      with scope as (${this.scope(scope)})
      select u.id, u.name from users u
      where u.id in (select owner_id from scope) or ${teamAms}
      order by u.name, u.id
    `.execute(this.db);
    return result.rows.map((r) => ({ id: r.id, name: r.name }));
  }

  /** Forward stage exits in the period per owner, and how many went without a gate override. */
  async exits(scope: CoachingScope): Promise<ExitCounts[]> {
    const forward = sql`(h.kind = 'adopt' or (h.kind in ('move', 'reopen') and ${this.stageIndex(sql`h.to_stage`)} > ${this.stageIndex(sql`h.from_stage`)}))`;
    const result = await sql<{ owner_id: string; exits: number; on_time: number }>`
      with scope as (${this.scope(scope)})
      select s.owner_id, count(*) as exits, sum(case when h.override_reason is null then 1 else 0 end) as on_time
      from journey_stage_history h join scope s on s.id = h.journey_id
      where ${forward} and ${this.inPeriod(sql`h.at`, scope)}
      group by s.owner_id
    `.execute(this.db);
    return result.rows.map((r) => ({ ownerId: r.owner_id, exits: Number(r.exits), onTime: Number(r.on_time) }));
  }

  private stays(): RawBuilder<unknown> {
    return sql`select h.journey_id, s.owner_id, h.to_stage as stage, h.kind, h.at,
        lead(h.at) over (partition by h.journey_id order by h.seq) as next_at
      from journey_stage_history h join scope s on s.id = h.journey_id`;
  }

  /** Stays that began in the period per owner and stage, with the activities logged on the journey during each. */
  async touches(scope: CoachingScope): Promise<StayTouches[]> {
    const result = await sql<{ owner_id: string; stage: Stage; stays: number; touches: number }>`
      with scope as (${this.scope(scope)}),
      stays as (${this.stays()}),
      counted as (
        select st.owner_id, st.stage,
          (select count(*) from activities act
            where act.journey_id = st.journey_id and act.deleted_at is null
              and act.occurred_at >= st.at and act.occurred_at < coalesce(st.next_at, ${scope.now})) as touches
        from stays st
        where st.kind in ('open', 'move', 'reopen') and ${this.inPeriod(sql`st.at`, scope)}
      )
      select owner_id, stage, count(*) as stays, sum(touches) as touches from counted group by owner_id, stage
    `.execute(this.db);
    return result.rows.map((r) => ({ ownerId: r.owner_id, stage: r.stage, stays: Number(r.stays), touches: Number(r.touches) }));
  }

  /** Per owner and stage: journeys that first entered the stage in the period, and how many then entered the next. */
  async conversions(scope: CoachingScope): Promise<StageConversion[]> {
    const steps = [...stages, 'adopted'] as const;
    const firstAt = (step: (typeof steps)[number]) =>
      step === 'adopted' ? sql`min(case when h.kind = 'adopt' then h.at end)` : sql`min(case when h.kind in ('open', 'move', 'reopen') and h.to_stage = ${step} then h.at end)`;
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
      with scope as (${this.scope(scope)}),
      firsts as (
        select h.journey_id, s.owner_id, ${sql.join(columns)}
        from journey_stage_history h join scope s on s.id = h.journey_id
        group by h.journey_id, s.owner_id
      )
      select owner_id, ${sql.join(counts)} from firsts group by owner_id
    `.execute(this.db);
    const out: StageConversion[] = [];
    for (const row of result.rows) {
      stages.forEach((stage, i) => {
        const entered = Number(row[`e${i}`] ?? 0);
        if (entered > 0) out.push({ ownerId: String(row.owner_id), stage, entered, advanced: Number(row[`a${i}`] ?? 0) });
      });
    }
    return out;
  }

  /**
   * Completed stays that began in the period, per owner and stage: only the middle one or two
   * durations (days) come back, with the count, for the median.
   */
  async stayMiddles(scope: CoachingScope): Promise<StayMiddle[]> {
    const days = daysBetween(this.dialect, sql`next_at`, sql`at`);
    const result = await sql<{ owner_id: string; stage: Stage; n: number; rn: number; d: number }>`
      with scope as (${this.scope(scope)}),
      stays as (${this.stays()}),
      durations as (
        select owner_id, stage, ${days} as d from stays
        where kind in ('open', 'move', 'reopen') and next_at is not null and ${this.inPeriod(sql`at`, scope)}
      ),
      ranked as (
        select owner_id, stage, d,
          row_number() over (partition by owner_id, stage order by d) as rn,
          count(*) over (partition by owner_id, stage) as n
        from durations
      )
      select owner_id, stage, n, rn, d from ranked
      where rn = (n - 1) / 2 + 1 or rn = (n - 1) / 2 + 2
      order by owner_id, stage, rn
    `.execute(this.db);
    return result.rows.map((r) => ({ ownerId: r.owner_id, stage: r.stage, n: Number(r.n), rank: Number(r.rn), days: Number(r.d) }));
  }
}
