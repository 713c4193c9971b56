import { createHash, randomBytes } from 'node:crypto';
import type { Actor } from '../domain/policy.js';
import { AppError } from '../shared/errors.js';
import type { User } from '../shared/schemas/users.js';
import { audit, nowIso, read, transact, type Deps } from './context.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
const TOKEN_PREFIX = 'dfs_';
/** How stale `lastUsedAt` of an API token may get before a request records it again. */
const TOKEN_TOUCH_INTERVAL_MS = 60_000;

export function sha256(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}

function newSecret(): string {
  return randomBytes(32).toString('base64url');
}

export interface Authenticated {
  user: User;
  actor: Actor;
  via: 'session' | 'token';
}

export function actorOf(user: User): Actor {
  return { userId: user.id, role: user.role, teamId: user.teamId };
}

export function authService(deps: Deps) {
  // Verifying against a fixed hash when the email is unknown keeps the response time the
  // same, so sign-in does not reveal which emails have accounts.
  let decoyHash: Promise<string> | null = null;
  const decoy = () => (decoyHash ??= deps.hasher.hash(newSecret()));

  async function startSession(userId: string, replacing?: string): Promise<{ token: string; expiresAt: string }> {
    const token = newSecret();
    const now = deps.clock.now();
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS).toISOString();
    await transact(deps, async (repos) => {
      if (replacing) await repos.auth.deleteSession(sha256(replacing));
      await repos.auth.deleteExpiredSessions(now.toISOString());
      await repos.auth.insertSession({ id: sha256(token), userId, createdAt: now.toISOString(), expiresAt });
    });
    return { token, expiresAt };
  }

  return {
    /** Checks email and password; a new session token replaces any previous one (rotation on login). */
    async login(email: string, password: string, previousToken?: string) {
      const found = await read(deps).users.findCredentials(email);
      const ok = found?.passwordHash
        ? await deps.hasher.verify(found.passwordHash, password)
        : (await deps.hasher.verify(await decoy(), password), false);
      if (!found || !ok || !found.user.active) throw new AppError('invalid_credentials');
      const session = await startSession(found.user.id, previousToken);
      return { user: found.user, ...session };
    },

    async logout(token: string): Promise<void> {
      await read(deps).auth.deleteSession(sha256(token));
    },

    async fromSession(token: string): Promise<Authenticated | null> {
      const repos = read(deps);
      const userId = await repos.auth.findSessionUser(sha256(token), nowIso(deps));
      if (!userId) return null;
      const user = await repos.users.findById(userId);
      return user?.active ? { user, actor: actorOf(user), via: 'session' } : null;
    },

    async fromToken(token: string): Promise<Authenticated | null> {
      if (!token.startsWith(TOKEN_PREFIX)) return null;
      const repos = read(deps);
      const found = await repos.auth.findTokenUser(sha256(token));
      if (!found) return null;
      const user = await repos.users.findById(found.userId);
      if (!user?.active) return null;
      const now = deps.clock.now();
      await repos.auth.touchToken(found.tokenId, now.toISOString(), new Date(now.getTime() - TOKEN_TOUCH_INTERVAL_MS).toISOString());
      return { user, actor: actorOf(user), via: 'token' };
    },

    /** Creates an API token for a user; the secret is returned once and only its hash is kept. */
    async createToken(userId: string, name: string, actor: Actor | null) {
      const secret = `${TOKEN_PREFIX}${newSecret()}`;
      const id = deps.ids.next();
      await transact(deps, async (repos) => {
        const user = await repos.users.findById(userId);
        if (!user) throw new AppError('not_found', { record: 'user', id: userId });
        await repos.auth.insertToken({ id, userId, name, tokenHash: sha256(secret), createdAt: nowIso(deps) });
        await audit(repos, deps, actor, 'create', 'api_token', id, null, { userId, name });
      });
      return { id, token: secret };
    },

    async revokeToken(id: string, actor: Actor | null): Promise<void> {
      await transact(deps, async (repos) => {
        if (!(await repos.auth.revokeToken(id, nowIso(deps)))) {
          throw new AppError('not_found', { record: 'api_token', id }, `No active token ${id}`);
        }
        await audit(repos, deps, actor, 'revoke', 'api_token', id, null, null);
      });
    },

    listTokens(userId?: string) {
      return read(deps).auth.listTokens(userId);
    },

    async needsSetup(): Promise<boolean> {
      return (await read(deps).users.count()) === 0;
    },

    /** First run on an empty workspace: creates the administrator and signs them in. */
    async setup(input: { email: string; name: string; password: string; locale: 'id' | 'en' }) {
      const passwordHash = await deps.hasher.hash(input.password);
      const user = await transact(deps, async (repos) => {
        if ((await repos.users.count()) > 0) throw new AppError('setup_done');
        const created = await repos.users.insert(
          {
            id: deps.ids.next(),
            email: input.email,
            name: input.name,
            role: 'admin',
            teamId: null,
            locale: input.locale,
            timeZone: 'Asia/Jakarta',
            active: true,
          },
          passwordHash,
          nowIso(deps),
        );
        await audit(repos, deps, null, 'setup', 'user', created.id, null, created);
        return created;
      });
      const session = await startSession(user.id);
      return { user, ...session };
    },
  };
}
