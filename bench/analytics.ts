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
 */
import { cpus } from 'node:os';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseConfig } from '../src/db/database.js';
import { calendarBucket, daysBetween, dateAsTimestamp } from '../src/db/dialect.js';
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

/** Funnel: entries and advances per step (first entry per journey), stay quantiles, outcomes by reason. */
async function handFunnel(db: Database) {
  const live = sql`j.deleted_at is null and a.deleted_at is null`;
  const firsts = stages.map((s, i) => sql`min(case when h.kind in ('open', 'move', 'reopen') and h.to_stage = ${s} then h.at end) as ${sql.ref(`t${i}`)}`);
  const counts = stages.map((_, i) => sql`count(${sql.ref(`t${i}`)}) as ${sql.ref(`e${i}`)}, sum(case when ${sql.ref(`t${i + 1}`)} >= ${sql.ref(`t${i}`)} then 1 else 0 end) as ${sql.ref(`a${i}`)}`);
  const entries = sql`
    select ${sql.join(counts)}, count(t5) as e5 from (
      select ${sql.join(firsts)}, min(case when h.kind = 'adopt' then h.at end) as t5
      from journey_stage_history h join journeys j on j.id = h.journey_id join accounts a on a.id = j.account_id
      where ${live} group by h.journey_id
    ) f`.execute(db.kysely);
  const days = daysBetween(db.dialect, sql`next_at`, sql`at`);
  const quantiles = sql`
    with stays as (
      select h.to_stage as stage, h.kind, h.at, lead(h.at) over (partition by h.journey_id order by h.seq) as next_at
      from journey_stage_history h join journeys j on j.id = h.journey_id join accounts a on a.id = j.account_id where ${live}
    ),
    ranked as (
      select stage, ${days} as d, row_number() over (partition by stage order by ${days}) as rn, count(*) over (partition by stage) as n
      from stays where kind in ('open', 'move', 'reopen') and next_at is not null
    )
    select stage, n, rn, d from ranked
    where rn - 1 in (cast((n - 1) * 0.5 as integer), cast((n - 1) * 0.5 as integer) + 1, cast((n - 1) * 0.9 as integer), cast((n - 1) * 0.9 as integer) + 1)`.execute(db.kysely);
  const outcomes = sql`
    select h.kind, h.reason, count(*) as n from journey_stage_history h join journeys j on j.id = h.journey_id join accounts a on a.id = j.account_id
    where h.kind in ('adopt', 'reject', 'discontinue') and ${live} group by h.kind, h.reason`.execute(db.kysely);
  return Promise.all([entries, quantiles, outcomes]);
}

/** Adoptions per month since launch for every solution, in one statement. */
function handDiffusion(db: Database) {
  return sql`
    select solution_id, ${calendarBucket(db.dialect, 'month', sql`at`)} as period, count(*) as adoptions from (
      select j.solution_id, j.id, min(h.at) as at
      from journeys j join accounts a on a.id = j.account_id join journey_stage_history h on h.journey_id = j.id
      where j.deleted_at is null and a.deleted_at is null and h.kind = 'move' and h.from_stage = 'decision' and h.to_stage = 'implementation'
      group by j.solution_id, j.id
    ) x group by 1, 2 order by 1, 2`.execute(db.kysely);
}

/** Each adopting account's Rogers category per solution (mean and population sd by window), in one statement. */
function handAdopters(db: Database) {
  const origin = sql`coalesce(${dateAsTimestamp(db.dialect, sql`s.launch_date`)}, f.first_at)`;
  return sql`
    with adoptions as (
      select j.solution_id, j.account_id, min(h.at) as at
      from journeys j join journey_stage_history h on h.journey_id = j.id
      where j.deleted_at is null and h.kind = 'move' and h.from_stage = 'decision' and h.to_stage = 'implementation'
      group by j.solution_id, j.account_id
    ),
    firsts as (select solution_id, min(created_at) as first_at from journeys where deleted_at is null group by solution_id),
    times as (
      select ad.solution_id, ad.account_id, ${daysBetween(db.dialect, sql`ad.at`, origin)} as x
      from adoptions ad join solutions s on s.id = ad.solution_id join accounts a on a.id = ad.account_id join firsts f on f.solution_id = ad.solution_id
      where s.deleted_at is null and a.deleted_at is null
    ),
    moments as (select solution_id, account_id, x, avg(x) over (partition by solution_id) as mean, avg(x * x) over (partition by solution_id) as mean2 from times)
    select solution_id, account_id, x,
      case
        when mean2 - mean * mean <= 0 then null
        when x - mean < 0 and (x - mean) * (x - mean) > 4 * (mean2 - mean * mean) then 'innovator'
        when x - mean < 0 and (x - mean) * (x - mean) > (mean2 - mean * mean) then 'early_adopter'
        when x < mean then 'early_majority'
        when x - mean < 0 or (x - mean) * (x - mean) < (mean2 - mean * mean) then 'late_majority'
        else 'laggard'
      end as category
    from moments`.execute(db.kysely);
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
