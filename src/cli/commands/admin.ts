import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import cliProgress from 'cli-progress';
import type { Command } from 'commander';
import { redactUrl } from '../../db/database.js';
import { migrateToLatest } from '../../db/migrate.js';
import { userCreate } from '../../shared/schemas/users.js';
import { roles, type Role } from '../../shared/vocabulary.js';
import { output, withContext } from '../context.js';

export function registerAdminCommands(program: Command): void {
  program
    .command('migrate')
    .description('Bring the database schema up to date (serve does this too)')
    .option('--json', 'print the applied migrations as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(
        async ({ db }) => {
          const applied = await migrateToLatest(db);
          output(options.json, { applied }, () => (applied.length ? `Applied: ${applied.join(', ')}` : 'The schema is up to date.'));
        },
        { migrate: false },
      );
    });

  const user = program.command('user').description('Manage users');
  user
    .command('create')
    .description('Create a user; prints a generated password unless --password is given')
    .requiredOption('--email <email>', 'sign-in email')
    .requiredOption('--name <name>', 'full name')
    .option('--role <role>', `one of ${roles.join(', ')}`, 'account_manager')
    .option('--team <team>', 'team name or id')
    .option('--password <password>', 'password (at least 10 characters); generated when omitted')
    .option('--locale <locale>', 'id or en', 'id')
    .option('--json', 'print the created user as JSON')
    .action(async (options: { email: string; name: string; role: string; team?: string; password?: string; locale: string; json?: boolean }) => {
      await withContext(async ({ services }) => {
        let teamId: string | null = null;
        if (options.team) {
          const teams = await services.users.listTeams();
          const team = teams.find((t) => t.id === options.team || t.name.toLowerCase() === options.team?.toLowerCase());
          if (!team) throw new CliError(`No team named "${options.team}". Teams: ${teams.map((t) => t.name).join(', ') || '(none)'}`);
          teamId = team.id;
        }
        const password = options.password ?? randomBytes(12).toString('base64url');
        const parsed = userCreate.safeParse({ email: options.email, name: options.name, role: options.role as Role, teamId, password, locale: options.locale });
        if (!parsed.success) {
          throw new CliError(parsed.error.issues.map((i) => `--${String(i.path[0] ?? 'input')}: ${i.message}`).join('\n'));
        }
        const created = await services.users.createAsSystem(parsed.data);
        output(options.json, { user: created, ...(options.password ? {} : { password }) }, () =>
          [`Created ${created.role} ${created.name} <${created.email}> (${created.id})`, ...(options.password ? [] : [`Password: ${password}`])].join('\n'),
        );
      });
    });

  const token = program.command('token').description('Manage API tokens for scripts (Authorization: Bearer …)');
  token
    .command('create')
    .description('Create an API token for a user; the token is shown once')
    .requiredOption('--user <email>', 'the user the token acts as')
    .option('--name <name>', 'what the token is for', 'script')
    .option('--json', 'print as JSON')
    .action(async (options: { user: string; name: string; json?: boolean }) => {
      await withContext(async ({ services }) => {
        const found = await services.users.list({ q: options.user, limit: 200, sort: 'name' });
        const owner = found.items.find((u) => u.email === options.user.toLowerCase());
        if (!owner) throw new CliError(`No user with email ${options.user}`);
        const created = await services.auth.createToken(owner.id, options.name, null);
        output(options.json, { id: created.id, token: created.token, userId: owner.id }, () =>
          `Token ${created.id} for ${owner.email}:\n${created.token}\nKeep it secret; it is not shown again. Revoke with: difusi token revoke ${created.id}`,
        );
      });
    });
  token
    .command('revoke <id>')
    .description('Revoke an API token')
    .action(async (id: string) => {
      await withContext(async ({ services }) => {
        await services.auth.revokeToken(id, null);
        console.log(`Revoked token ${id}.`);
      });
    });
  token
    .command('list')
    .description('List API tokens (never their secrets)')
    .option('--json', 'print as JSON')
    .action(async (options: { json?: boolean }) => {
      await withContext(async ({ services }) => {
        const tokens = await services.auth.listTokens();
        output(options.json, tokens, () =>
          tokens.length === 0
            ? 'No tokens.'
            : tokens.map((t) => `${t.id}  ${t.name.padEnd(16)} user ${t.userId}  ${t.revokedAt ? `revoked ${t.revokedAt}` : `last used ${t.lastUsedAt ?? 'never'}`}`).join('\n'),
        );
      });
    });

  program
    .command('backup')
    .description('SQLite: copy the live database to a file. PostgreSQL: print the pg_dump command to use')
    .option('-o, --out <file>', 'backup file (SQLite)', `difusi-backup-${new Date().toISOString().slice(0, 10)}.db`)
    .option('--json', 'print the result as JSON')
    .action(async (options: { out: string; json?: boolean }) => {
      await withContext(
        async ({ db, config }) => {
          if (db.dialect === 'postgres' || !db.backup) {
            const url = 'url' in config.database ? config.database.url : '';
            const command = `pg_dump --format=custom --file=difusi-${new Date().toISOString().slice(0, 10)}.dump "${redactUrl(url)}"`;
            output(options.json, { dialect: 'postgres', command }, () => `Difusi is on PostgreSQL; back it up with pg_dump:\n  ${command}\n(put the password back in place of ***, or use ~/.pgpass)`);
            return;
          }
          const file = resolve(options.out);
          if (existsSync(file)) throw new CliError(`${file} exists; choose another --out`);
          const bar = new cliProgress.SingleBar({ format: 'Backing up [{bar}] {percentage}% | {value}/{total} pages', stream: process.stderr }, cliProgress.Presets.shades_classic);
          let started = false;
          await db.backup(file, (done, total) => {
            if (!started) {
              bar.start(total, 0);
              started = true;
            }
            bar.update(done);
          });
          if (started) bar.stop();
          output(options.json, { dialect: 'sqlite', file }, () => `Backed up ${db.location} to ${file}`);
        },
        { migrate: false },
      );
    });
}

/** An error whose message is meant for the terminal, without a stack trace. */
export class CliError extends Error {}
