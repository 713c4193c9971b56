import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig, packageRoot } from '../../config.js';
import { openDatabase } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { buildApp } from '../../http/app.js';
import { startAutomationWorker } from '../../services/automationWorker.js';
import type { Deps } from '../../services/context.js';
import { argon2Hasher, systemClock, uuidIds } from '../../services/ports.js';
import { seedDemoIfEmpty } from './seed.js';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Start the Difusi server (API, web app and docs)')
    .option('-p, --port <port>', 'port to listen on (env PORT, default 3000)')
    .option('--host <host>', 'address to bind (env HOST, default 127.0.0.1; 0.0.0.0 for all interfaces)')
    .option('--no-demo', 'start with an empty workspace instead of the demo (env DIFUSI_DEMO=0)')
    .action(async (options: { port?: string; host?: string; demo: boolean }) => {
      const config = loadConfig({ ...process.env, ...(options.port ? { PORT: options.port } : {}) });
      const db = openDatabase(config.database);
      await migrateToLatest(db);
      const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
      if (options.demo && config.demo) await seedDemoIfEmpty(deps);

      const app = await buildApp({
        deps,
        logger: { level: config.logLevel },
        webRoot: join(packageRoot, 'web', 'dist'),
        trustProxy: config.trustProxy,
      });
      const host = options.host ?? config.host;
      await app.listen({ port: config.port, host });
      const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
      console.log(`\nDifusi is running on http://${shown}:${config.port}  (API docs: /api/docs; database: ${db.location})`);
      if (await app.services.auth.needsSetup()) {
        console.log(`The workspace is empty: open http://${shown}:${config.port} to create the administrator account.`);
      }

      // Automation: jobs live in the database, so stopping here (or a crash) loses nothing.
      const stopAutomation =
        config.automationIntervalMs > 0
          ? startAutomationWorker(deps, {
              intervalMs: config.automationIntervalMs,
              publicUrl: config.publicUrl ?? `http://${shown}:${config.port}`,
              onError: (error) => app.log.error({ err: error }, 'automation pass failed'),
            })
          : async () => undefined;

      const stop = async () => {
        await stopAutomation();
        await app.close();
        await db.close();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
}
