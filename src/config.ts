import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from './db/database.js';

/** Settings read from the environment, in one place (README lists them). */
export interface Config {
  database: DatabaseConfig;
  dataDir: string;
  port: number;
  host: string;
  demo: boolean;
  trustProxy: boolean;
  logLevel: string;
  /** How often the automation worker runs (ms); 0 turns it off. */
  automationIntervalMs: number;
  /** The address people reach Difusi at, for links in emails (survey links). */
  publicUrl: string | null;
}

export const packageRoot = resolve(fileURLToPath(new URL('.', import.meta.url)), '..');

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const dataDir = resolve(env.DIFUSI_DATA_DIR ?? join(process.cwd(), 'data'));
  const url = env.DATABASE_URL?.trim();
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    database: url ? { url } : { sqliteFile: join(dataDir, 'difusi.db') },
    dataDir,
    port,
    host: env.HOST ?? '127.0.0.1',
    demo: !['0', 'false', 'no'].includes((env.DIFUSI_DEMO ?? '1').toLowerCase()),
    trustProxy: ['1', 'true', 'yes'].includes((env.DIFUSI_TRUST_PROXY ?? '0').toLowerCase()),
    logLevel: env.LOG_LEVEL ?? 'info',
    automationIntervalMs: automationInterval(env.DIFUSI_AUTOMATION_INTERVAL_MS),
    publicUrl: env.DIFUSI_PUBLIC_URL?.trim().replace(/\/+$/, '') || null,
  };
}

function automationInterval(value: string | undefined): number {
  const ms = Number(value ?? 5000);
  if (!Number.isInteger(ms) || ms < 0) throw new Error(`DIFUSI_AUTOMATION_INTERVAL_MS must be a whole number of milliseconds, not "${value}"`);
  return ms;
}
