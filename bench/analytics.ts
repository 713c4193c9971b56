/**
 * Analytics on a seeded workspace: funnel, diffusion and adopter categories through the
 * service, next to one hand-written SQL statement for the headline numbers on the same
 * connection. Held to: service median ≤ 1.5 × the hand-written SQL, and < 1 s.
 * Caveat: the service also computes what the hand SQL does not (funnel: conversion, time in
 * stage, outcomes; diffusion: the Bass fit in Node), so the ratio is an upper bound.
 *
 * Needs databases seeded beforehand (e.g. by bench/seed-database.ts --scale large):
 *   npx tsx bench/analytics.ts --sqlite-file /tmp/…/difusi.db --pg-url postgres://…/difusi_bench_…
 *   npx tsx bench/analytics.ts --sqlite-file "$DIFUSI_DATA_DIR/difusi.db" --runs 5   # the small demo
 */
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { openDatabase, type Database, type DatabaseConfig } from '../src/db/database.js';
import { calendarBucket, daysBetween } from '../src/db/dialect.js';
import type { Deps } from '../src/services/context.js';
import { createServices } from '../src/services/index.js';
import { argon2Hasher, systemClock, uuidIds } from '../src/services/ports.js';

const LIMIT_RATIO = 1.5;
const LIMIT_MS = 1000;

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

/** The hand-written SQL: first entry per journey and stage, counted; the benchmark's yardstick for the funnel. */
function handFunnel(db: Database) {
  return sql`
    select stage, count(*) as entered from (
      select h.journey_id, h.to_stage as stage, min(h.at) as first_at
      from journey_stage_history h join journeys j on j.id = h.journey_id
      where j.deleted_at is null and h.kind in ('open', 'move', 'reopen')
      group by h.journey_id, h.to_stage
    ) e group by stage`.execute(db.kysely);
}

function handDiffusion(db: Database, solutionId: string) {
  return sql`
    select ${calendarBucket(db.dialect, 'month', sql`at`)} as period, count(*) as adoptions from (
      select j.id, min(h.at) as at from journeys j join journey_stage_history h on h.journey_id = j.id
      where j.solution_id = ${solutionId} and j.deleted_at is null
        and h.kind = 'move' and h.from_stage = 'decision' and h.to_stage = 'implementation'
      group by j.id
    ) a group by 1 order by 1`.execute(db.kysely);
}

function handAdopters(db: Database, solutionId: string) {
  return sql`
    select j.account_id, ${daysBetween(db.dialect, sql`min(h.at)`, sql`min(s.launch_date)`)} as days
    from journeys j join journey_stage_history h on h.journey_id = j.id join solutions s on s.id = j.solution_id
    where j.solution_id = ${solutionId} and j.deleted_at is null
      and h.kind = 'move' and h.from_stage = 'decision' and h.to_stage = 'implementation'
    group by j.account_id`.execute(db.kysely);
}

async function bench(label: string, config: DatabaseConfig) {
  const db = openDatabase(config);
  const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
  const analytics = createServices(deps).analytics;
  const [solution] = await analytics.solutions();
  if (!solution) throw new Error(`${label}: no solutions — seed the database first`);
  const cases: [string, () => Promise<unknown>, () => Promise<unknown>][] = [
    ['funnel', () => analytics.funnel({}), () => handFunnel(db)],
    ['diffusion', () => analytics.diffusion(solution.id, { bucket: 'month', forecastPeriods: 0 }), () => handDiffusion(db, solution.id)],
    ['adopters', () => analytics.adopters(solution.id), () => handAdopters(db, solution.id)],
  ];
  for (const [name, service, hand] of cases) {
    const ms = await median(service);
    const handMs = await median(hand);
    const ratio = ms / Math.max(handMs, 0.001);
    const ok = ms < LIMIT_MS && ratio <= LIMIT_RATIO;
    console.log(
      `${label.padEnd(8)} ${name.padEnd(10)} service ${ms.toFixed(1).padStart(8)} ms   hand SQL ${handMs.toFixed(1).padStart(8)} ms   ratio ${ratio.toFixed(2)} (limit ${LIMIT_RATIO}×, < ${LIMIT_MS} ms)  ${ok ? 'ok' : 'OVER'}`,
    );
  }
  await db.close();
}

if (!args['sqlite-file'] && !args['pg-url']) {
  console.error('Give --sqlite-file and/or --pg-url of a seeded database (see the header of this file).');
  process.exit(2);
}
if (args['sqlite-file']) await bench('sqlite', { sqliteFile: args['sqlite-file'] });
if (args['pg-url']) await bench('postgres', { url: args['pg-url'] });
