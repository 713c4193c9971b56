/**
 * Analytics on a seeded workspace, per database: funnel + diffusion series + adopter
 * categories for every solution through the service, next to hand-written SQL that computes
 * the same numbers (funnel entries, conversion, time-in-stage quantiles, outcomes and reasons;
 * adoptions per month for every solution; each adopter's category per solution), on the same
 * connection. Goal: service ≤ 1.5 × the hand-written SQL, and < 1 s in total.
 * The service also fits Bass in Node (the SQL cannot); its share is printed on its own line,
 * next to one fit on a 60-period series (goal < 10 ms).
 *
 * Needs databases seeded beforehand (bench/seed-database.ts):
 *   npx tsx bench/analytics.ts --sqlite-file /tmp/…/difusi.db --pg-url postgres://…/difusi_bench_…
 * A database seeded before migration 0012 (the analytics rollups) must be migrated first
 * (`difusi migrate`; the backfill takes ≈ 10 s on `large`). On a PostgreSQL server without
 * autovacuum, `vacuum analyze journey_stays, journey_milestones` afterwards: until the new
 * tables are vacuumed their index-only scans (the stay quantiles) must visit the heap.
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseConfig } from '../src/db/database.js';
import { calendarBucket, daysBetween, dateAsTimestamp, joinedText } from '../src/db/dialect.js';
import { bassAdoptions, fitBass } from '../src/domain/bass.js';
import type { Deps } from '../src/services/context.js';
import { createServices } from '../src/services/index.js';
import { argon2Hasher, systemClock, uuidIds } from '../src/services/ports.js';

const LIMIT_RATIO = 1.5;
const LIMIT_MS = 1000;
const FIT_LIMIT_MS = 10;

const { values: args } = parseArgs({
  options: { 'sqlite-file': { type: 'string' }, 'pg-url': { type: 'string' }, runs: { type: 'string', default: '5' } },
});
const runs = Number(args.runs);

async function median(work: () => Promise<unknown>): Promise<number> {
  await work();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? 0;
}

const stages = ['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation'] as const;

/**
 * Journeys the reports leave out (soft-deleted, or of a soft-deleted account). The hand SQL
 * reads the same rollups the service does (journey_milestones, journey_stays: kept by the
 * history triggers of migration 0012, with a `live` flag), because that is the best SQL for
 * these numbers; before 0012 both aggregated the 1.3 million history rows. Outcome events still
 * come from the history, leaving out the (indexed, few) dead journeys.
 */
const dead = sql`select j.id from journeys j where j.deleted_at is not null
  union all select j.id from accounts a join journeys j on j.account_id = a.id and j.deleted_at is null where a.deleted_at is not null`;

/** Funnel: entries and advances per step (first entry per journey), stay quantiles, outcomes by reason. */
async function handFunnel(db: Database) {
  const firsts = ['knowledge_at', 'persuasion_at', 'decision_at', 'implementation_at', 'confirmation_at', 'adopt_outcome_at'];
  const counts = stages.map((_, i) => sql`count(${sql.ref(firsts[i] ?? '')}) as ${sql.ref(`e${i}`)}, count(*) filter (where ${sql.ref(firsts[i + 1] ?? '')} >= ${sql.ref(firsts[i] ?? '')}) as ${sql.ref(`a${i}`)}`);
  const entries = sql`select ${sql.join(counts)}, count(adopt_outcome_at) as e5 from journey_milestones where live = 1`.execute(db.kysely);
  // Quantiles: the live stays of each stage counted, then the two ranks around each quantile
  // read as offsets into the (stage, days) index of live stays, from whichever end is nearer.
  const quantiles = (async () => {
    const perStage = stages.map((stage) => sql`select ${sql.lit(stage)} as stage, (select count(*) from journey_stays where stage = ${sql.lit(stage)} and live = 1) as n`);
    const n = await sql<{ stage: string; n: number }>`${sql.join(perStage, sql` union all `)}`.execute(db.kysely);
    const reads = n.rows.flatMap(({ stage, n: count }) =>
      [0.5, 0.9].map((p) => {
        const n = Number(count);
        const below = Math.floor((n - 1) * p);
        const fromTop = below + 2 > n / 2;
        return sql`select * from (
          select ${stage} as stage, ${sql.lit(n)} as n, days from journey_stays where stage = ${stage} and live = 1
          order by days ${fromTop ? sql`desc` : sql``} limit 2 offset ${sql.lit(Math.max(0, fromTop ? n - below - 2 : below))}) ${sql.ref(`q_${stage}_${p * 10}`)}`;
      }),
    );
    return sql`${sql.join(reads, sql` union all `)}`.execute(db.kysely);
  })();
  const outcomes = sql`
    select kind, reason, count(*) as n from journey_stage_history
    where kind in ('adopt', 'reject', 'discontinue') and journey_id not in (${dead}) group by kind, reason`.execute(db.kysely);
  return Promise.all([entries, quantiles, outcomes]);
}

/** Adoptions per month since launch for every solution, in one statement. */
function handDiffusion(db: Database) {
  return sql`
    select solution_id, ${calendarBucket(db.dialect, 'month', sql`adopted_at`)} as period, count(*) as adoptions
    from journey_milestones where adopted_at is not null and live = 1
    group by 1, 2 order by 1, 2`.execute(db.kysely);
}

/**
 * Each adopting account's Rogers category per solution (mean and population sd by window), in
 * one statement: what the service's overview returns per adopter (account, adoption time,
 * category), joined into one text per solution as the service's read is (16 rows, not 135,000).
 */
function handAdopters(db: Database) {
  const origin = sql`coalesce(${dateAsTimestamp(db.dialect, sql`s.launch_date`)}, s.first_at)`;
  const entry = sql`account_id || ${sql.lit('\x1f')} || x || ${sql.lit('\x1f')} || coalesce(category, '')`;
  return sql`
    with live_solutions as materialized (
      select s.id, s.launch_date, (select min(j.created_at) from journeys j where j.solution_id = s.id and j.deleted_at is null) as first_at
      from solutions s where s.deleted_at is null
    ),
    times as (
      select m.solution_id, m.account_id, m.adopted_at, ${daysBetween(db.dialect, sql`m.adopted_at`, origin)} as x
      from journey_milestones m join live_solutions s on s.id = m.solution_id
      where m.adopted_at is not null and m.live = 1 and s.first_at is not null
    ),
    moments as (select t.*, avg(x) over (partition by solution_id) as mean, avg(x * x) over (partition by solution_id) as mean2 from times t),
    classified as (
      select solution_id, account_id, adopted_at, x,
        case
          when mean2 - mean * mean <= 0 then null
          when x - mean < 0 and (x - mean) * (x - mean) > 4 * (mean2 - mean * mean) then 'innovator'
          when x - mean < 0 and (x - mean) * (x - mean) > (mean2 - mean * mean) then 'early_adopter'
          when x < mean then 'early_majority'
          when x - mean < 0 or (x - mean) * (x - mean) < (mean2 - mean * mean) then 'late_majority'
          else 'laggard'
        end as category
      from moments
    )
    select solution_id, ${joinedText(db.dialect, entry, '\x1e', sql`adopted_at, account_id`)} as adopters
    from classified group by solution_id`.execute(db.kysely);
}

async function bench(label: string, config: DatabaseConfig) {
  const db = openDatabase(config);
  const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
  const analytics = createServices(deps).analytics;
  const solutions = await analytics.solutions();
  if (solutions.length === 0) throw new Error(`${label}: no solutions — seed the database first`);

  const service = () => Promise.all([analytics.funnel({}), analytics.overview({ bucket: 'month', forecastPeriods: 0 })]);
  const hand = () => Promise.all([handFunnel(db), handDiffusion(db), handAdopters(db)]);
  // Each part alone, for the record; the goal applies to the whole.
  for (const [name, own, theirs] of [
    ['funnel', () => analytics.funnel({}), () => handFunnel(db)],
    ['diffusion+adopters', () => analytics.overview({ bucket: 'month', forecastPeriods: 0 }), () => Promise.all([handDiffusion(db), handAdopters(db)])],
  ] as const) {
    const ms = await median(own);
    const handMs = await median(theirs);
    console.log(`${label.padEnd(8)} ${name.padEnd(18)} service ${ms.toFixed(1).padStart(8)} ms   hand SQL ${handMs.toFixed(1).padStart(8)} ms   ratio ${(ms / Math.max(handMs, 0.001)).toFixed(2)}`);
  }
  const serviceTotal = await median(service);
  const handTotal = await median(hand);
  // The Bass fits the service makes (one per solution), measured alone: the part the SQL cannot do.
  const series = (await analytics.diffusionAll({ bucket: 'month', forecastPeriods: 0 })).map((r) => r.periods.filter((p) => p.complete).map((p) => p.adoptions));
  const fitsMs = await median(async () => series.forEach((x) => fitBass(x, { marketSize: 1000 })));
  const ratio = serviceTotal / Math.max(handTotal, 0.001);
  const ok = serviceTotal < LIMIT_MS && ratio <= LIMIT_RATIO;
  console.log(
    `${label.padEnd(8)} ${'total'.padEnd(18)} service ${serviceTotal.toFixed(1).padStart(8)} ms   hand SQL ${handTotal.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(2)} (goal ≤ ${LIMIT_RATIO}×, < ${LIMIT_MS} ms)  ${ok ? 'ok' : 'OVER'}`,
  );
  console.log(`${label.padEnd(8)} of which ${solutions.length} Bass fits in Node ≈ ${fitsMs.toFixed(1)} ms (${solutions.length} solutions)`);
  await db.close();
}

function bassFitBench() {
  const exact = bassAdoptions(60, 0.01, 0.3, 1000);
  let seed = 7;
  const noisy = exact.map((a) => {
    seed = (seed * 16807) % 2147483647;
    return Math.max(0, a * (1 + 0.1 * (seed / 2147483647 - 0.5)));
  });
  for (let i = 0; i < 5; i++) fitBass(noisy);
  const times: number[] = [];
  for (let i = 0; i < 50; i++) {
    const start = performance.now();
    fitBass(noisy);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const ms = times[25] ?? 0;
  console.log(`bass fit 60 periods: median ${ms.toFixed(2)} ms (goal < ${FIT_LIMIT_MS} ms)  ${ms < FIT_LIMIT_MS ? 'ok' : 'OVER'}`);
}

if (!args['sqlite-file'] && !args['pg-url']) {
  console.error('Give --sqlite-file and/or --pg-url of a seeded database (see the header of this file).');
  process.exit(2);
}
console.log(`node ${process.version}, ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}; median of ${runs} runs`);
bassFitBench();
if (args['sqlite-file']) await bench('sqlite', { sqliteFile: args['sqlite-file'] });
if (args['pg-url']) await bench('postgres', { url: args['pg-url'] });
