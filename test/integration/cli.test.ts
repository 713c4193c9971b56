import { mkdtempSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';
import { latestMigration } from '../../src/db/migrate.js';

/** The CLI over a fresh SQLite data directory, its output captured. */
async function difusi(...args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  const log = vi.spyOn(console, 'log').mockImplementation((...parts: unknown[]) => {
    out += `${parts.join(' ')}\n`;
  });
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'difusi', ...args]);
  } finally {
    write.mockRestore();
    log.mockRestore();
  }
  return out;
}

describe('the difusi CLI', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'difusi-cli-'));
    process.env.DIFUSI_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists its commands in --help', () => {
    const help = buildProgram().helpInformation();
    for (const command of ['serve', 'migrate', 'seed', 'user', 'token', 'backup']) expect(help).toContain(command);
  });

  it('migrates a new database and says so as JSON', async () => {
    const out = JSON.parse(await difusi('migrate', '--json'));
    expect(out.applied[0]).toBe('0001_foundation');
    expect(out.applied.at(-1)).toBe(latestMigration);
    expect(JSON.parse(await difusi('migrate', '--json')).applied).toEqual([]);
  });

  it('creates a user with a generated password, then a token that can be revoked', async () => {
    const created = JSON.parse(await difusi('user', 'create', '--email', 'Admin@Example.test', '--name', 'Admin', '--role', 'admin', '--json'));
    expect(created.user).toMatchObject({ email: 'admin@example.test', role: 'admin' });
    expect(created.password.length).toBeGreaterThanOrEqual(10);
    const token = JSON.parse(await difusi('token', 'create', '--user', 'admin@example.test', '--name', 'nightly export', '--json'));
    expect(token.token).toMatch(/^dfs_/);
    const listed = JSON.parse(await difusi('token', 'list', '--json'));
    expect(listed).toEqual([expect.objectContaining({ id: token.id, name: 'nightly export', revokedAt: null })]);
    await difusi('token', 'revoke', token.id);
    expect(JSON.parse(await difusi('token', 'list', '--json'))[0].revokedAt).not.toBeNull();
  });

  it('refuses a user with an unknown role, naming the option', async () => {
    await expect(difusi('user', 'create', '--email', 'x@example.test', '--name', 'X', '--role', 'boss')).rejects.toThrow(/--role/);
  });

  it('backs up the SQLite database to a file', async () => {
    await difusi('migrate');
    const file = join(dir, 'copy.db');
    const out = JSON.parse(await difusi('backup', '--out', file, '--json'));
    expect(out).toEqual({ dialect: 'sqlite', file });
    expect(existsSync(file)).toBe(true);
  });
});
