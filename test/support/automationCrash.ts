/**
 * A worker process that dies mid-run (test/integration/automation.test.ts): it opens the test
 * database, claims the due jobs at the fixed instant DIFUSI_TEST_NOW and runs them with a mailer
 * that announces "SENDING" on stdout and never finishes, so the test can SIGKILL it while a job
 * is half done (its first action committed, its email not sent).
 */
import { openDatabase, type DatabaseConfig } from '../../src/db/database.js';
import { automationEngine } from '../../src/services/automationWorker.js';
import type { Deps } from '../../src/services/context.js';
import { argon2Hasher, uuidIds } from '../../src/services/ports.js';

const config = JSON.parse(process.env.DIFUSI_TEST_DATABASE ?? '{}') as DatabaseConfig;
const now = new Date(process.env.DIFUSI_TEST_NOW ?? '');
const db = openDatabase(config);
const deps: Deps = {
  db,
  clock: { now: () => new Date(now) },
  ids: uuidIds,
  hasher: argon2Hasher,
  mailer: {
    send: () => {
      process.stdout.write('SENDING\n');
      setInterval(() => undefined, 60_000); // stay alive, hung, until killed
      return new Promise(() => undefined);
    },
  },
};
process.stdout.write('READY\n');
await automationEngine(deps, { publicUrl: 'http://difusi.test' }).runDueJobs(1);
process.stdout.write('FINISHED\n');
