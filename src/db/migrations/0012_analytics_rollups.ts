import { sql, type Kysely, type RawBuilder } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes, daysBetween } from '../dialect.js';

/**
 * Analytics rollups: per-journey facts derived from the append-only stage history, kept by
 * database triggers as history rows are inserted, so the funnel and diffusion reports read
 * 300,000 narrow rows instead of aggregating 1.3 million wide ones (docs/benchmarks.md).
 *
 * - `journey_milestones`: one row per journey, the first time it entered each Rogers step
 *   (an `open`, `move` or `reopen` row into that stage), its first `adopt` row (the funnel's
 *   last step), and its adoption time — the first move from decision to implementation
 *   (ANALYTICS.md). Solution and account are copied from the journey (neither ever changes).
 * - `journey_stays`: one row per completed stay, keyed by the history row that began it (an
 *   `open`, `move` or `reopen` row that has a successor), with its length in days computed
 *   exactly as the reports did (dialect.ts `daysBetween`).
 *
 * Nothing but the triggers writes them: the history refuses UPDATE and DELETE (0001), so
 * an insert is the only event to follow. The triggers work whatever order rows arrive in
 * (a stay is recomputed from its row's successor, a milestone keeps the earliest time), so
 * the rollups always equal a recomputation from the history; the integration tests hold
 * them to that.
 *
 * Both carry `live` (1 while neither the journey nor its account is soft-deleted), set from
 * the journey and account when a row is written and kept by triggers on their `deleted_at`,
 * so the reports over every journey read only partial indexes of live rows: no join to the
 * wide journeys and accounts tables, no per-row check of a deleted set.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);
  const sqlite = dialect === 'sqlite';

  let milestones = db.schema
    .createTable('journey_milestones')
    .addColumn('journey_id', 'text', (c) => c.primaryKey())
    .addColumn('solution_id', 'text', (c) => c.notNull())
    .addColumn('account_id', 'text', (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addColumn('knowledge_at', t.timestamp)
    .addColumn('persuasion_at', t.timestamp)
    .addColumn('decision_at', t.timestamp)
    .addColumn('implementation_at', t.timestamp)
    .addColumn('confirmation_at', t.timestamp)
    .addColumn('adopt_outcome_at', t.timestamp)
    .addColumn('adopted_at', t.timestamp);
  if (sqlite) milestones = milestones.modifyEnd(sql`without rowid`);
  await milestones.execute();

  let stays = db.schema
    .createTable('journey_stays')
    .addColumn('journey_id', 'text', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('entered_at', t.timestamp, (c) => c.notNull())
    .addColumn('left_at', t.timestamp, (c) => c.notNull())
    .addColumn('days', t.double, (c) => c.notNull())
    .addColumn('live', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('journey_stays_pk', ['journey_id', 'seq']);
  if (sqlite) stays = stays.modifyEnd(sql`without rowid`);
  await stays.execute();

  // Backfill from the history already there (one statement each), then index, then follow.
  const live = sql`case when j.deleted_at is null and a.deleted_at is null then 1 else 0 end`;
  await sql`
    insert into journey_milestones (journey_id, solution_id, account_id, live, ${sql.join(milestoneColumns.map((c) => sql.ref(c)))})
    select h.journey_id, j.solution_id, j.account_id, ${live}, ${sql.join(milestoneColumns.map((c) => sql`min(${milestoneValue(c, 'h')})`))}
    from journey_stage_history h join journeys j on j.id = h.journey_id join accounts a on a.id = j.account_id
    where h.kind in ('open', 'move', 'reopen', 'adopt')
    group by h.journey_id, j.solution_id, j.account_id, j.deleted_at, a.deleted_at
  `.execute(db);
  await sql`
    insert into journey_stays (journey_id, seq, stage, entered_at, left_at, days, live)
    select x.journey_id, x.seq, x.stage, x.at, x.next_at, ${daysBetween(dialect, sql`x.next_at`, sql`x.at`)}, ${live}
    from (
      select h.journey_id, h.seq, h.kind, h.to_stage as stage, h.at, lead(h.at) over (partition by h.journey_id order by h.seq) as next_at
      from journey_stage_history h
    ) x
    join journeys j on j.id = x.journey_id join accounts a on a.id = j.account_id
    where x.kind in ('open', 'move', 'reopen') and x.next_at is not null
  `.execute(db);

  // Live adoptions per solution in time order, with what the adopter reports need (index-only).
  await sql`create index journey_milestones_adopted_idx on journey_milestones (solution_id, adopted_at, account_id, journey_id) where adopted_at is not null and live = 1`.execute(db);
  // An account's journeys, for its soft delete.
  await db.schema.createIndex('journey_milestones_account_idx').on('journey_milestones').column('account_id').execute();
  // Live stays of a stage in length order: a quantile is an offset into this index.
  await sql`create index journey_stays_live_days_idx on journey_stays (stage, days, entered_at) where live = 1`.execute(db);
  // Outcome events (adopt, reject, discontinue) by reason, without reading the other history rows.
  await sql`create index journey_history_outcomes_idx on journey_stage_history (kind, reason, at, journey_id) where kind in ('adopt', 'reject', 'discontinue')`.execute(db);
  // The few soft-deleted journeys and accounts (the reports that read the history leave them out), and each solution's first journey.
  await sql`create index journeys_deleted_idx on journeys (id) where deleted_at is not null`.execute(db);
  await sql`create index accounts_deleted_idx on accounts (id) where deleted_at is not null`.execute(db);
  await sql`create index journeys_solution_created_idx on journeys (solution_id, created_at) where deleted_at is null`.execute(db);
  // Adopter lists name every adopting account (100,000s of rows): read names from a narrow index, not the wide rows.
  await db.schema.createIndex('accounts_id_name_idx').on('accounts').columns(['id', 'deleted_at', 'name']).execute();

  if (sqlite) {
    // Row by row (SQLite has no statement triggers): fold the new row into its journey's
    // milestones; close the stay its predecessor began; and, should a later row already be
    // there (rows appended out of order), close the stay the new row begins.
    const journeyLive = (j: string) =>
      sql.raw(`case when ${j}.deleted_at is null and (select a.deleted_at from accounts a where a.id = ${j}.account_id) is null then 1 else 0 end`);
    const stay = (row: string, next: string) => sql`
      insert or replace into journey_stays (journey_id, seq, stage, entered_at, left_at, days, live)
      select ${sql.raw(row)}.journey_id, ${sql.raw(row)}.seq, ${sql.raw(row)}.to_stage, ${sql.raw(row)}.at, ${sql.raw(next)}.at,
        ${daysBetween(dialect, sql.raw(`${next}.at`), sql.raw(`${row}.at`))},
        (select ${journeyLive('j')} from journeys j where j.id = new.journey_id)`;
    await sql`
      create trigger journey_stage_history_rollups after insert on journey_stage_history
      begin
        insert into journey_milestones (journey_id, solution_id, account_id, live, ${sql.join(milestoneColumns.map((c) => sql.ref(c)))})
        select j.id, j.solution_id, j.account_id, ${journeyLive('j')}, ${sql.join(milestoneColumns.map((c) => milestoneValue(c, 'new')))}
        from journeys j where j.id = new.journey_id and new.kind in ('open', 'move', 'reopen', 'adopt')
        on conflict (journey_id) do update set live = excluded.live, ${sql.join(
          milestoneColumns.map((c) => sql`${sql.ref(c)} = coalesce(min(${sql.ref(c)}, excluded.${sql.ref(c)}), ${sql.ref(c)}, excluded.${sql.ref(c)})`),
        )};
        ${stay('p', 'new')}
        from journey_stage_history p
        where p.journey_id = new.journey_id and p.kind in ('open', 'move', 'reopen')
          and p.seq = (select max(x.seq) from journey_stage_history x where x.journey_id = new.journey_id and x.seq < new.seq);
        ${stay('new', 'n')}
        from journey_stage_history n
        where n.journey_id = new.journey_id and new.kind in ('open', 'move', 'reopen')
          and n.seq = (select min(x.seq) from journey_stage_history x where x.journey_id = new.journey_id and x.seq > new.seq);
      end
    `.execute(db);
    // A journey or an account deleted (or restored): its rows leave (or rejoin) the reports.
    await sql`
      create trigger journeys_rollups_live after update of deleted_at on journeys
      when old.deleted_at is not new.deleted_at
      begin
        update journey_milestones set live = ${journeyLive('new')} where journey_id = new.id;
        update journey_stays set live = ${journeyLive('new')} where journey_id = new.id;
      end
    `.execute(db);
    await sql`
      create trigger accounts_rollups_live after update of deleted_at on accounts
      when old.deleted_at is not new.deleted_at
      begin
        update journey_milestones
        set live = case when new.deleted_at is null and (select j.deleted_at from journeys j where j.id = journey_milestones.journey_id) is null then 1 else 0 end
        where account_id = new.id;
        update journey_stays
        set live = (select m.live from journey_milestones m where m.journey_id = journey_stays.journey_id)
        where journey_id in (select m.journey_id from journey_milestones m where m.account_id = new.id);
      end
    `.execute(db);
  } else {
    // Once per statement, over the rows it inserted (the seeder writes thousands at a time):
    // the same three steps, set-based. Stays to (re)write are the new rows and each one's
    // predecessor; each is closed by its successor in the history as it now stands.
    await sql`
      create function difusi_journey_rollups() returns trigger language plpgsql as $$
      begin
        insert into journey_milestones (journey_id, solution_id, account_id, live, ${sql.join(milestoneColumns.map((c) => sql.ref(c)))})
        select n.journey_id, j.solution_id, j.account_id, ${live}, ${sql.join(milestoneColumns.map((c) => sql`min(${milestoneValue(c, 'n')})`))}
        from new_rows n join journeys j on j.id = n.journey_id join accounts a on a.id = j.account_id
        where n.kind in ('open', 'move', 'reopen', 'adopt')
        group by n.journey_id, j.solution_id, j.account_id, j.deleted_at, a.deleted_at
        on conflict (journey_id) do update set live = excluded.live, ${sql.join(
          milestoneColumns.map((c) => sql`${sql.ref(c)} = least(journey_milestones.${sql.ref(c)}, excluded.${sql.ref(c)})`),
        )};

        with touched as (
          select n.journey_id, n.seq from new_rows n
          union
          select p.journey_id, p.seq from new_rows n
          cross join lateral (
            select x.journey_id, x.seq from journey_stage_history x
            where x.journey_id = n.journey_id and x.seq < n.seq order by x.seq desc limit 1
          ) p
        )
        insert into journey_stays (journey_id, seq, stage, entered_at, left_at, days, live)
        select h.journey_id, h.seq, h.to_stage, h.at, nx.at, ${daysBetween(dialect, sql`nx.at`, sql`h.at`)}, ${live}
        from touched t
        join journey_stage_history h on h.journey_id = t.journey_id and h.seq = t.seq
        join journeys j on j.id = t.journey_id join accounts a on a.id = j.account_id
        cross join lateral (
          select x.at from journey_stage_history x where x.journey_id = t.journey_id and x.seq > t.seq order by x.seq limit 1
        ) nx
        where h.kind in ('open', 'move', 'reopen')
        on conflict (journey_id, seq) do update set left_at = excluded.left_at, days = excluded.days, live = excluded.live;

        return null;
      end $$`.execute(db);
    await sql`
      create trigger journey_stage_history_rollups after insert on journey_stage_history
      referencing new table as new_rows for each statement execute function difusi_journey_rollups()
    `.execute(db);
    // A journey or an account deleted (or restored): its rows leave (or rejoin) the reports.
    await sql`
      create function difusi_journey_rollups_live() returns trigger language plpgsql as $$
      declare
        alive integer := case when new.deleted_at is null and not exists (
          select 1 from accounts a where a.id = new.account_id and a.deleted_at is not null) then 1 else 0 end;
      begin
        update journey_milestones set live = alive where journey_id = new.id;
        update journey_stays set live = alive where journey_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger journeys_rollups_live after update of deleted_at on journeys
      for each row when (old.deleted_at is distinct from new.deleted_at) execute function difusi_journey_rollups_live()
    `.execute(db);
    await sql`
      create function difusi_account_rollups_live() returns trigger language plpgsql as $$
      begin
        update journey_milestones m
        set live = case when new.deleted_at is null and j.deleted_at is null then 1 else 0 end
        from journeys j where j.id = m.journey_id and m.account_id = new.id;
        update journey_stays st set live = m.live
        from journey_milestones m where m.journey_id = st.journey_id and m.account_id = new.id;
        return null;
      end $$`.execute(db);
    await sql`
      create trigger accounts_rollups_live after update of deleted_at on accounts
      for each row when (old.deleted_at is distinct from new.deleted_at) execute function difusi_account_rollups_live()
    `.execute(db);
    await sql`analyze journey_milestones`.execute(db);
    await sql`analyze journey_stays`.execute(db);
  }
}

/** The milestone columns in table order, each the earliest `at` of the history rows it follows. */
const milestoneColumns = [
  'knowledge_at',
  'persuasion_at',
  'decision_at',
  'implementation_at',
  'confirmation_at',
  'adopt_outcome_at',
  'adopted_at',
] as const;

/** The history row `row`'s time when it counts for the milestone, else null. */
function milestoneValue(column: (typeof milestoneColumns)[number], row: string): RawBuilder<unknown> {
  const r = (c: string) => sql.raw(`${row}.${c}`);
  switch (column) {
    case 'adopt_outcome_at':
      return sql`case when ${r('kind')} = 'adopt' then ${r('at')} end`;
    case 'adopted_at':
      // The adoption (ANALYTICS.md): the journey left decision for implementation.
      return sql`case when ${r('kind')} = 'move' and ${r('from_stage')} = 'decision' and ${r('to_stage')} = 'implementation' then ${r('at')} end`;
    default: {
      const stage = column.slice(0, -'_at'.length);
      return sql`case when ${r('kind')} in ('open', 'move', 'reopen') and ${r('to_stage')} = ${sql.lit(stage)} then ${r('at')} end`;
    }
  }
}
