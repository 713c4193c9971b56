/**
 * The web app's initial download: the JavaScript a browser fetches to sign in and show the
 * pipeline board, gzip-compressed by this script (so the figure does not depend on how the
 * server compresses), printed next to the goal of ≤ 250 KB.
 *
 *   npm run build:web && npx tsx bench/web-bundle.ts
 *   npx tsx bench/web-bundle.ts --web-root /tmp/my-dist      # a build other than web/dist
 *
 * Runs the real server in-process on the small demo workspace (SQLite in a temporary folder)
 * and headless Debian Chromium (/usr/bin/chromium) with playwright-core.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { cpus, totalmem, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { AddressInfo } from 'node:net';
import { chromium } from 'playwright-core';
import { openDatabase } from '../src/db/database.js';
import { migrateToLatest } from '../src/db/migrate.js';
import { buildApp } from '../src/http/app.js';
import { argon2Hasher, systemClock, uuidIds } from '../src/services/ports.js';
import { DEMO_PASSWORD, demoLoginEmails } from '../src/seed/generator.js';
import { scales } from '../src/seed/scales.js';
import { seedWorkspace } from '../src/seed/seeder.js';

const GOAL_KB = 250;
const root = fileURLToPath(new URL('..', import.meta.url));
const { values: args } = parseArgs({ options: { 'web-root': { type: 'string' } } });
const webRoot = args['web-root'] ? resolve(args['web-root']) : join(root, 'web', 'dist');
if (!existsSync(join(webRoot, 'index.html'))) {
  console.error(`${webRoot} has no index.html: run \`npm run build:web\` first, or pass --web-root <a vite build's outDir>.`);
  process.exit(1);
}

const dir = mkdtempSync(join(tmpdir(), 'difusi-bench-web-'));
const db = openDatabase({ sqliteFile: join(dir, 'difusi.db') });
await migrateToLatest(db);
await seedWorkspace(db, argon2Hasher, { scale: scales.small, seed: 1 });
const app = await buildApp({ deps: { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher }, webRoot, cookies: { secure: false } });
await app.listen({ port: 0, host: '127.0.0.1' });
const url = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const scripts = new Map<string, number>();
  page.on('response', (response) => {
    if (!response.url().endsWith('.js')) return;
    void response.body().then((body) => scripts.set(response.url(), gzipSync(body).length), () => undefined);
  });
  await page.goto(`${url}/pipeline`);
  await page.getByLabel(/email/i).fill(demoLoginEmails.account_manager);
  await page.getByLabel(/sandi|password/i).fill(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
  await page.waitForLoadState('networkidle');

  const rows = [...scripts].sort((a, b) => b[1] - a[1]);
  const total = rows.reduce((sum, [, bytes]) => sum + bytes, 0) / 1024;
  console.log(`Web app initial JS (sign-in + pipeline board), gzip; ${cpus().length} CPUs, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`);
  for (const [file, bytes] of rows) console.log(`  ${(bytes / 1024).toFixed(1).padStart(7)} KB  ${file.split('/').pop()}`);
  console.log(`  total ${total.toFixed(1)} KB   goal ≤ ${GOAL_KB} KB   ${total <= GOAL_KB ? 'within' : 'OVER'}`);
} finally {
  await browser.close();
  await app.close();
  await db.close();
  rmSync(dir, { recursive: true, force: true });
}
