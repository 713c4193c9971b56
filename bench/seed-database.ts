/**
 * Seeds one database in its own process and prints one JSON line: seconds, row counts and
 * the process's peak RSS, so the figure belongs to the seed alone.
 *
 *   npx tsx bench/seed-database.ts --sqlite /tmp/bench/difusi.db --scale large
 *   npx tsx bench/seed-database.ts --url postgres://postgres@127.0.0.1:5432/difusi_bench --scale large
 */
import { parseArgs } from 'node:util';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { scales, type ScaleName } from '../src/seed/scales.js';
import { seedWorkspace } from '../src/seed/seeder.js';
import { argon2Hasher } from '../src/services/ports.js';

const { values } = parseArgs({
  options: {
    sqlite: { type: 'string' },
    url: { type: 'string' },
    scale: { type: 'string', default: 'large' },
    seed: { type: 'string', default: '1' },
    help: { type: 'boolean', short: 'h', default: false },
  },
});
if (values.help) {
  console.log(`Seeds a benchmark database with the deterministic demo generator.

  npx tsx bench/seed-database.ts --sqlite <file> [--scale tiny|small|large] [--seed 1]
  npx tsx bench/seed-database.ts --url postgres://… [--scale …] [--seed …]

Scales: ${Object.values(scales).map((s) => `${s.name} (${s.accounts.toLocaleString('en-US')} accounts)`).join(', ')}.
The large scale takes ~8 min on SQLite and ~13 min on PostgreSQL on a 2-core machine.`);
  process.exit(0);
}
const scale = scales[values.scale as ScaleName];
if (!scale) throw new Error(`unknown scale ${values.scale}`);
if (!values.sqlite && !values.url) throw new Error('give --sqlite <file> or --url <postgres url>');

const db = openDatabase(values.url ? { url: values.url } : { sqliteFile: values.sqlite ?? '' });
try {
  await migrateToLatest(db);
  let lastReport = performance.now();
  const summary = await seedWorkspace(db, argon2Hasher, {
    scale,
    seed: Number(values.seed),
    onProgress: (table, written) => {
      if (table === 'accounts' && performance.now() - lastReport > 15_000) {
        lastReport = performance.now();
        process.stderr.write(`  ${db.dialect}: ${written.toLocaleString('en-US')} accounts, rss ${Math.round(process.memoryUsage().rss / 2 ** 20)} MiB\n`);
      }
    },
  });
  const peakRssMiB = Math.round(process.resourceUsage().maxRSS / 1024);
  process.stdout.write(`${JSON.stringify({ dialect: db.dialect, seconds: summary.seconds, counts: summary.counts, peakRssMiB })}\n`);
} finally {
  await db.close();
}
