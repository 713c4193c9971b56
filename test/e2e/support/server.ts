import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { loadConfig } from '../../../src/config.js';
import { openDatabase } from '../../../src/db/database.js';
import { migrateToLatest } from '../../../src/db/migrate.js';
import { buildApp } from '../../../src/http/app.js';
import type { Deps } from '../../../src/services/context.js';
import { argon2Hasher, systemClock, uuidIds } from '../../../src/services/ports.js';
import { startAutomationWorker } from '../../../src/services/automationWorker.js';

const root = fileURLToPath(new URL('../../../', import.meta.url));

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real server, in this process, on a free port, over a fresh SQLite file in a
 * temporary DIFUSI_DATA_DIR with no demo data, serving the built web app (web/dist).
 */
export async function startServer(): Promise<RunningServer> {
  const dataDir = mkdtempSync(join(tmpdir(), 'difusi-e2e-'));
  const config = loadConfig({ DIFUSI_DATA_DIR: dataDir, DIFUSI_DEMO: '0' });
  const db = openDatabase(config.database);
  await migrateToLatest(db);
  const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
  // DIFUSI_E2E_WEB_ROOT lets parallel work build the web app somewhere else than web/dist.
  const webRoot = process.env.DIFUSI_E2E_WEB_ROOT ?? join(root, 'web', 'dist');
  const options = { deps, cookies: { secure: false }, loginRateLimit: 1000 } as const;
  const app = await buildApp({ ...options, webRoot });
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  const stopAutomation = startAutomationWorker(deps, { intervalMs: 200, scanIntervalMs: 1000, publicUrl: `http://127.0.0.1:${port}` });
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      await stopAutomation();
      await app.close();
      await db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
