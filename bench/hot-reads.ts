/**
 * Hot reads on a large workspace, through the API and straight through the driver.
 *
 * Seeds `large` (100,000 accounts) into a SQLite file and a scratch PostgreSQL database,
 * each in a child process (bench/seed-database.ts) so its seed time and peak RSS are its own,
 * then times three reads a salesperson makes all day:
 *   1. the journey board: GET /api/journeys?stage=…&solutionId=…&ownerId=…&limit=50
 *   2. an account page: GET /api/accounts/:id + /api/contacts?accountId=… + /api/journeys?accountId=…
 *   3. search: GET /api/accounts?q=… + /api/journeys?q=…
 * "direct" replays the data queries the API ran (captured once through a Kysely plugin) on a
 * plain better-sqlite3 / pg connection, so the ratio is what the HTTP layer, auth, validation
 * and serialisation cost on top of the SQL.
 *
 *   npx tsx bench/hot-reads.ts                      # seeds large twice (many minutes)
 *   npx tsx bench/hot-reads.ts --scale small        # quick run
 *   npx tsx bench/hot-reads.ts --sqlite-file F --pg-url U   # reuse seeded databases
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import type { CompiledQuery, KyselyPlugin } from 'kysely';
import pg from 'pg';
import { openDatabase, type Database, type DatabaseConfig } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { demoLoginEmails } from '../src/seed/generator.js';
import type { Deps } from '../src/services/context.js';
import { argon2Hasher, systemClock, uuidIds } from '../src/services/ports.js';

/** The budget a hot read is held to: an interactive page should answer within it at p95. */
const LIMIT_P95_MS = 100;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'large' },
    runs: { type: 'string', default: '50' },
    'sqlite-file': { type: 'string' },
    'pg-url': { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
    json: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seedScript = fileURLToPath(new URL('./seed-database.ts', import.meta.url));

interface SeedResult {
  dialect: string;
  seconds: number;
  counts: Record<string, number>;
  peakRssMiB: number;
}

function seedInChild(target: string[]): SeedResult {
  const child = spawnSync(process.execPath, ['--import', 'tsx', seedScript, ...target, '--scale', args.scale ?? 'large'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status})`);
  const line = child.stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as SeedResult;
}

interface Stats {
  median: number;
  p95: number;
}

function stats(samples: number[]): Stats {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN;
  return { median: at(0.5), p95: at(0.95) };
}

async function time(work: () => Promise<void> | void, n: number): Promise<number[]> {
  for (let i = 0; i < Math.min(5, n); i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return samples;
}

interface Scenario {
  name: string;
  urls: string[];
}

interface ScenarioResult {
  name: string;
  urls: string[];
  queries: number;
  api: Stats;
  direct: Stats;
  ratio: number;
  withinLimit: boolean;
}

/** Only the data queries count as "the same SQL": auth lookups and token bookkeeping are the API's own cost. */
function isDataQuery(q: CompiledQuery): boolean {
  return /^\s*(select|with)\b/i.test(q.sql) && !/\b(api_tokens|sessions)\b/.test(q.sql) && !/from "users"/.test(q.sql);
}

async function measure(config: DatabaseConfig, label: string): Promise<{ scenarios: ScenarioResult[]; notes: string[] }> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
  const notes: string[] = [];

  // A second app over the same connection whose Kysely records each compiled query while `capturing`.
  const captured: CompiledQuery[] = [];
  let capturing = false;
  const executor = db.kysely.getExecutor();
  const capture: KyselyPlugin = {
    transformQuery: (a) => {
      if (capturing) captured.push(executor.compileQuery(a.node, a.queryId));
      return a.node;
    },
    transformResult: async (a) => a.result,
  };
  const capturingDb: Database = { ...db, kysely: db.kysely.withPlugin(capture) };
  const app = await buildApp({ deps });
  const captureApp = await buildApp({ deps: { ...deps, db: capturingDb } });

  const k = db.kysely;
  const admin = await k.selectFrom('users').select('id').where('email', '=', demoLoginEmails.admin).executeTakeFirstOrThrow();
  const { token } = await app.services.auth.createToken(admin.id, 'bench', null);
  const headers = { authorization: `Bearer ${token}` };

  // Parameters that hit real rows: the busiest owner's most common solution and stage; the account with most journeys; a family name.
  const board = await k
    .selectFrom('journeys')
    .select((eb) => ['owner_id', 'solution_id', 'stage', eb.fn.countAll<number>().as('n')])
    .where('outcome', '=', 'open')
    .groupBy(['owner_id', 'solution_id', 'stage'])
    .orderBy('n', 'desc')
    .orderBy('owner_id')
    .orderBy('solution_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const busy = await k
    .selectFrom('journeys')
    .select((eb) => ['account_id', eb.fn.countAll<number>().as('n')])
    .groupBy('account_id')
    .orderBy('n', 'desc')
    .orderBy('account_id')
    .limit(1)
    .executeTakeFirstOrThrow();
  const sample = await k.selectFrom('accounts').select('name').where('name', 'like', 'PT %').orderBy('id').limit(200).execute();
  const reserved = new Set(['Bank', 'Asuransi', 'Sekuritas', 'Multifinance', 'BPD', 'Televisi', 'Hotel']);
  const family = sample.map((a) => a.name.split(' ')[1] ?? '').find((w) => w.length >= 5 && !reserved.has(w)) ?? 'Wijaya';
  const q = encodeURIComponent(family.toLowerCase());

  const scenarios: Scenario[] = [
    { name: 'journey board (stage+solution+owner)', urls: [`/api/journeys?stage=${board.stage}&solutionId=${board.solution_id}&ownerId=${board.owner_id}&limit=50`] },
    { name: 'account + contacts + journeys', urls: [`/api/accounts/${busy.account_id}`, `/api/contacts?accountId=${busy.account_id}`, `/api/journeys?accountId=${busy.account_id}`] },
    { name: `search "${family.toLowerCase()}" (accounts + journeys)`, urls: [`/api/accounts?q=${q}`, `/api/journeys?q=${q}`] },
  ];

  const sqlite = config && 'sqliteFile' in config ? new SqliteDatabase(config.sqliteFile, { readonly: true }) : null;
  const client = 'url' in config ? new pg.Client({ connectionString: config.url }) : null;
  await client?.connect();

  const results: ScenarioResult[] = [];
  for (const scenario of scenarios) {
    const urls: string[] = [];
    captured.length = 0;
    capturing = true;
    for (const url of scenario.urls) {
      const response = await captureApp.inject({ method: 'GET', url, headers });
      if (response.statusCode === 404 && response.json().error?.details?.route) {
        notes.push(`${url.split('?')[0]} does not exist in this build: left out of "${scenario.name}"`);
        continue;
      }
      if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      urls.push(url);
    }
    capturing = false;
    const queries = captured.filter(isDataQuery);

    const api = await time(async () => {
      for (const url of urls) {
        const response = await app.inject({ method: 'GET', url, headers });
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
      }
    }, runs);
    const direct = await time(async () => {
      for (const query of queries) {
        if (sqlite) sqlite.prepare(query.sql).all(...(query.parameters as unknown[]));
        else await client?.query(query.sql, query.parameters as unknown[]);
      }
    }, runs);
    const apiStats = stats(api);
    const directStats = stats(direct);
    results.push({
      name: scenario.name,
      urls,
      queries: queries.length,
      api: apiStats,
      direct: directStats,
      ratio: apiStats.median / directStats.median,
      withinLimit: apiStats.p95 <= LIMIT_P95_MS,
    });
    process.stderr.write(`  ${label}: ${scenario.name} done\n`);
  }

  await client?.end();
  sqlite?.close();
  await app.close();
  await captureApp.close();
  await db.close();
  return { scenarios: results, notes };
}

function printTable(label: string, seed: SeedResult | null, result: { scenarios: ScenarioResult[]; notes: string[] }) {
  const f = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1).padStart(8);
  console.log(`\n${label}${seed ? `: seeded ${args.scale} in ${seed.seconds} s, peak RSS ${seed.peakRssMiB} MiB` : ''}`);
  console.log(`  ${'read'.padEnd(44)} ${'queries'.padStart(7)} ${'API med'.padStart(8)} ${'API p95'.padStart(8)}  ${'SQL med'.padStart(8)} ${'SQL p95'.padStart(8)}  ${'ratio'.padStart(6)}  limit p95 ≤ ${LIMIT_P95_MS} ms`);
  for (const s of result.scenarios) {
    console.log(`  ${s.name.padEnd(44)} ${String(s.queries).padStart(7)} ${f(s.api.median)} ${f(s.api.p95)}  ${f(s.direct.median)} ${f(s.direct.p95)}  ${s.ratio.toFixed(1).padStart(5)}×  ${s.withinLimit ? 'within' : 'OVER'}`);
  }
  for (const note of result.notes) console.log(`  note: ${note}`);
}

async function main() {
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    memoryGiB: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    runs,
    scale: args.scale,
  };
  console.log(`Hot reads, ${args.scale} scale, ${runs} runs each (milliseconds); ${machine.cpus} CPUs (${machine.cpuModel}), ${machine.memoryGiB} GiB, Node ${machine.node}`);
  const report: Record<string, unknown> = { machine };
  const only = args.only;

  if (!only || only === 'sqlite') {
    let file = args['sqlite-file'];
    let seed: SeedResult | null = null;
    let dir: string | null = null;
    if (!file) {
      dir = mkdtempSync(join(process.env.DIFUSI_BENCH_DIR ?? os.tmpdir(), 'difusi-bench-'));
      file = join(dir, 'difusi.db');
      process.stderr.write(`Seeding ${args.scale} into SQLite ${file}…\n`);
      seed = seedInChild(['--sqlite', file]);
    }
    const result = await measure({ sqliteFile: file }, 'sqlite');
    printTable('SQLite', seed, result);
    report.sqlite = { seed, ...result };
    if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
    else if (dir) console.log(`  kept ${file}`);
  }

  if (!only || only === 'postgres') {
    let url = args['pg-url'];
    let seed: SeedResult | null = null;
    let drop: (() => Promise<void>) | null = null;
    if (!url) {
      const name = `difusi_bench_${randomBytes(4).toString('hex')}`;
      const admin = new pg.Client({ connectionString: adminUrl });
      await admin.connect();
      await admin.query(`create database ${name}`);
      await admin.end();
      const parsed = new URL(adminUrl);
      parsed.pathname = `/${name}`;
      url = parsed.toString();
      drop = async () => {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      };
      process.stderr.write(`Seeding ${args.scale} into PostgreSQL ${url}…\n`);
      seed = seedInChild(['--url', url]);
    }
    try {
      const result = await measure({ url }, 'postgres');
      printTable('PostgreSQL', seed, result);
      report.postgres = { seed, ...result };
    } finally {
      if (drop && !args.keep) await drop();
      else if (drop) console.log(`  kept ${url}`);
    }
  }

  if (args.json) console.log(JSON.stringify(report, null, 2));
}

await main();
