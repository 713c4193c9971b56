/**
 * Segment counts on a seeded workspace: the rule compiler's SQL (through the repository, and
 * through POST /api/segments/count) beside the same count written by hand and run straight
 * on the driver. Goal: the compiled count within 2× of the hand-written one and under 1 s.
 *
 * Two three-condition rules:
 *   1. profile: region = jabodetabek AND division = it AND seniority in (manager, senior_manager, director)
 *   2. behaviour: division = it AND took part in an event in the last 90 days AND not an existing customer
 *
 *   npx tsx bench/segment-count.ts --scale small                  # seeds small into both databases
 *   npx tsx bench/segment-count.ts --sqlite-file F --pg-url U     # reuse seeded databases (e.g. large)
 *   npx tsx bench/segment-count.ts --only sqlite --keep
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import SqliteDatabase from 'better-sqlite3';
import pg from 'pg';
import { openDatabase, type DatabaseConfig, type DialectName } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { repositories } from '../src/db/repositories/index.js';
import { windowStart, type SegmentRule } from '../src/domain/segmentRules.js';
import { buildApp } from '../src/http/app.js';
import { demoLoginEmails } from '../src/seed/generator.js';
import { argon2Hasher, uuidIds, type Clock } from '../src/services/ports.js';

const GOAL_RATIO = 2;
const GOAL_MS = 1000;

const { values: args } = parseArgs({
  options: {
    scale: { type: 'string', default: 'small' },
    runs: { type: 'string', default: '15' },
    'sqlite-file': { type: 'string' },
    'pg-url': { type: 'string' },
    only: { type: 'string' },
    keep: { type: 'boolean', default: false },
  },
});
const runs = Number(args.runs);
const adminUrl = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const seedScript = fileURLToPath(new URL('./seed-database.ts', import.meta.url));

function seedInChild(target: string[]): { seconds: number } {
  const child = spawnSync(process.execPath, ['--import', 'tsx', seedScript, ...target, '--scale', args.scale ?? 'small'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    encoding: 'utf8',
    maxBuffer: 1 << 20,
  });
  if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status})`);
  return JSON.parse(child.stdout.trim().split('\n').pop() ?? '{}') as { seconds: number };
}

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor((sorted.length - 1) / 2)] ?? NaN;
}

async function time(work: () => Promise<unknown> | unknown): Promise<number> {
  for (let i = 0; i < Math.min(3, runs); i++) await work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    await work();
    samples.push(performance.now() - start);
  }
  return median(samples);
}

interface Scenario {
  name: string;
  rule: SegmentRule;
  /** The same count by hand: SQL with `?` placeholders (numbered for PostgreSQL below) and its parameters. */
  sql: string;
  params: unknown[];
}

function scenarios(now: string): Scenario[] {
  const since = windowStart(now, 90);
  return [
    {
      name: 'profile: region + division + seniority',
      rule: {
        all: [
          { field: 'account.region', op: 'eq', value: 'jabodetabek' },
          { field: 'contact.division', op: 'eq', value: 'it' },
          { field: 'contact.seniority', op: 'in', value: ['manager', 'senior_manager', 'director'] },
        ],
      },
      sql: `select count(*) as contacts, count(distinct c.account_id) as accounts
              from contacts c join accounts a on a.id = c.account_id
             where c.deleted_at is null and a.deleted_at is null
               and a.region = ? and c.division = ? and c.seniority in (?, ?, ?)`,
      params: ['jabodetabek', 'it', 'manager', 'senior_manager', 'director'],
    },
    {
      name: 'behaviour: division + event in 90 d + new logo',
      rule: {
        all: [
          { field: 'contact.division', op: 'eq', value: 'it' },
          { field: 'contact.activity', op: 'within_days', value: { days: 90, types: ['event_attendance'] } },
          { field: 'account.customer', op: 'eq', value: false },
        ],
      },
      sql: `select count(*) as contacts, count(distinct c.account_id) as accounts
              from contacts c join accounts a on a.id = c.account_id
             where c.deleted_at is null and a.deleted_at is null
               and c.division = ?
               and c.id in (select p.participant_id from activities x join activity_participants p on p.activity_id = x.id
                             where p.participant_type = 'contact' and x.deleted_at is null
                               and x.type = ? and x.occurred_at >= ? and x.occurred_at <= ?)
               and not exists (select 1 from journeys j where j.account_id = a.id and j.deleted_at is null and j.outcome = 'adopted')`,
      params: ['it', 'event_attendance', since, now],
    },
  ];
}

interface Row {
  name: string;
  contacts: number;
  compiled: number;
  api: number;
  hand: number;
}

async function measure(config: DatabaseConfig, dialect: DialectName): Promise<Row[]> {
  const db = openDatabase(config);
  await migrateToLatest(db);
  // "Now" is the latest activity in the seeded data, so the 90-day window has something in it.
  const latest = await db.kysely.selectFrom('activities').select((eb) => eb.fn.max('occurred_at').as('at')).executeTakeFirst();
  const now = latest?.at ? new Date(String(latest.at)).toISOString() : new Date().toISOString();
  const clock: Clock = { now: () => new Date(now) };
  const app = await buildApp({ deps: { db, clock, ids: uuidIds, hasher: argon2Hasher } });
  const admin = await db.kysely.selectFrom('users').select('id').where('email', '=', demoLoginEmails.admin).executeTakeFirstOrThrow();
  const { token } = await app.services.auth.createToken(admin.id, 'bench', null);
  const repos = repositories(db.kysely, db.dialect);

  const sqlite = 'sqliteFile' in config ? new SqliteDatabase(config.sqliteFile, { readonly: true }) : null;
  const client = 'url' in config ? new pg.Client({ connectionString: config.url }) : null;
  await client?.connect();

  const rows: Row[] = [];
  for (const s of scenarios(now)) {
    const handSql = dialect === 'postgres' ? s.sql.replace(/\?/g, (() => { let i = 0; return () => `$${++i}`; })()) : s.sql;
    const hand = async () => {
      if (sqlite) return sqlite.prepare(handSql).get(...s.params) as { contacts: number };
      const result = await client?.query(handSql, s.params);
      return { contacts: Number(result?.rows[0]?.contacts) };
    };
    const compiledCount = await repos.segments.count(s.rule, now);
    const handCount = await hand();
    if (Number(handCount.contacts) !== compiledCount.contacts) {
      throw new Error(`${s.name}: the compiled count ${compiledCount.contacts} differs from the hand-written ${handCount.contacts}`);
    }
    const compiled = await time(() => repos.segments.count(s.rule, now));
    const api = await time(async () => {
      const response = await app.inject({ method: 'POST', url: '/api/segments/count', headers: { authorization: `Bearer ${token}` }, payload: { rule: s.rule } });
      if (response.statusCode !== 200) throw new Error(`count answered ${response.statusCode}: ${response.body}`);
    });
    const handMs = await time(hand);
    rows.push({ name: s.name, contacts: compiledCount.contacts, compiled, api, hand: handMs });
    process.stderr.write(`  ${dialect}: ${s.name} done\n`);
  }

  await client?.end();
  sqlite?.close();
  await app.close();
  await db.close();
  return rows;
}

function printTable(label: string, rows: Row[]) {
  const f = (ms: number) => ms.toFixed(ms < 10 ? 2 : 1).padStart(9);
  console.log(`\n${label}`);
  console.log(`  ${'rule (3 conditions)'.padEnd(48)} ${'contacts'.padStart(9)} ${'compiled'.padStart(9)} ${'API'.padStart(9)} ${'by hand'.padStart(9)} ${'ratio'.padStart(6)}  goal ≤ ${GOAL_RATIO}×, < ${GOAL_MS} ms`);
  for (const r of rows) {
    const ratio = r.compiled / r.hand;
    const ok = ratio <= GOAL_RATIO && r.compiled < GOAL_MS;
    console.log(`  ${r.name.padEnd(48)} ${String(r.contacts).padStart(9)} ${f(r.compiled)} ${f(r.api)} ${f(r.hand)} ${ratio.toFixed(2).padStart(5)}×  ${ok ? 'met' : 'MISSED'}`);
  }
}

async function main() {
  console.log(`Segment counts, ${args['sqlite-file'] || args['pg-url'] ? 'given databases' : `${args.scale} scale`}, median of ${runs} runs (milliseconds); ${os.cpus().length} CPUs, Node ${process.version}`);
  const only = args.only;

  if (!only || only === 'sqlite') {
    let file = args['sqlite-file'];
    let dir: string | null = null;
    if (!file) {
      dir = mkdtempSync(join(process.env.DIFUSI_BENCH_DIR ?? os.tmpdir(), 'difusi-bench-'));
      file = join(dir, 'difusi.db');
      process.stderr.write(`Seeding ${args.scale} into SQLite ${file}…\n`);
      seedInChild(['--sqlite', file]);
    }
    printTable('SQLite', await measure({ sqliteFile: file }, 'sqlite'));
    if (dir && !args.keep) rmSync(dir, { recursive: true, force: true });
    else if (dir) console.log(`  kept ${file}`);
  }

  if (!only || only === 'postgres') {
    let url = args['pg-url'];
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
      seedInChild(['--url', url]);
    }
    try {
      printTable('PostgreSQL', await measure({ url }, 'postgres'));
    } finally {
      if (drop && !args.keep) await drop();
      else if (drop) console.log(`  kept ${url}`);
    }
  }
}

await main();
