import type { Actor } from '../domain/policy.js';
import { isUniqueViolation } from '../db/dialect.js';
import { AppError, invalidField } from '../shared/errors.js';
import type { Team, User, UserCreate, UserListQuery, UserPatch } from '../shared/schemas/users.js';
import { userCreate } from '../shared/schemas/users.js';
import { audit, authorize, notFound, nowIso, read, requireTeam, requireUser, transact, versionConflict, type Deps } from './context.js';

/** Users and teams: administered by admins; everyone may read them and edit their own profile. */
export function usersService(deps: Deps) {
  async function insertUser(actor: Actor | null, raw: UserCreate): Promise<User> {
    const input = userCreate.parse(raw);
    const passwordHash = await deps.hasher.hash(input.password);
    try {
      return await transact(deps, async (repos) => {
        if (await repos.users.findByEmail(input.email)) throw invalidField('body.email', 'is already used by another user');
        await requireTeam(repos, input.teamId, 'body.teamId');
        const user = await repos.users.insert(
          { id: deps.ids.next(), email: input.email, name: input.name, role: input.role, teamId: input.teamId, locale: input.locale, timeZone: input.timeZone, active: true },
          passwordHash,
          nowIso(deps),
        );
        await audit(repos, deps, actor, 'create', 'user', user.id, null, user);
        return user;
      });
    } catch (error) {
      if (isUniqueViolation(error)) throw invalidField('body.email', 'is already used by another user');
      throw error;
    }
  }

  return {
    list: (query: UserListQuery) => read(deps).users.list(query),

    async get(id: string): Promise<User> {
      const user = await read(deps).users.findById(id);
      if (!user) throw notFound('user', id);
      return user;
    },

    create(actor: Actor, input: UserCreate): Promise<User> {
      authorize(actor, 'write', { type: 'workspace' });
      return insertUser(actor, input);
    },

    /** For the CLI and the seeder, which act as the system rather than a signed-in user. */
    createAsSystem: (input: UserCreate) => insertUser(null, input),

    async update(actor: Actor, id: string, patch: UserPatch): Promise<User> {
      authorize(actor, 'write', { type: 'workspace' });
      const passwordHash = patch.password ? await deps.hasher.hash(patch.password) : undefined;
      return transact(deps, async (repos) => {
        const current = await repos.users.findById(id);
        if (!current) throw notFound('user', id);
        if (patch.version !== current.version) throw versionConflict('user', id, current.version);
        const { version, password: _password, ...changes } = patch;
        const next: User = { ...current, ...changes };
        if (changes.teamId !== undefined) await requireTeam(repos, next.teamId, 'body.teamId');
        const losesAdmin = current.role === 'admin' && (next.role !== 'admin' || !next.active);
        if (losesAdmin && (await repos.users.countAdmins()) <= 1) {
          throw invalidField(next.active ? 'body.role' : 'body.active', 'would leave the workspace without an active admin');
        }
        const saved = await repos.users.update(next, version, nowIso(deps), passwordHash);
        if (!saved) throw versionConflict('user', id, null);
        if (!saved.active || passwordHash) await repos.auth.deleteSessionsOf(id);
        await audit(repos, deps, actor, 'update', 'user', id, current, saved);
        return saved;
      });
    },

    async updateProfile(actor: Actor, patch: { name?: string | undefined; locale?: 'id' | 'en' | undefined; timeZone?: string | undefined; version: number }): Promise<User> {
      return transact(deps, async (repos) => {
        const current = await repos.users.findById(actor.userId);
        if (!current) throw notFound('user', actor.userId);
        if (patch.version !== current.version) throw versionConflict('user', current.id, current.version);
        const { version, ...changes } = patch;
        const next: User = { ...current, ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)) };
        const saved = await repos.users.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('user', current.id, null);
        await audit(repos, deps, actor, 'update', 'user', current.id, current, saved);
        return saved;
      });
    },

    listTeams: () => read(deps).users.listTeams(),

    async createTeam(actor: Actor | null, input: { name: string; managerId: string | null }): Promise<Team> {
      if (actor) authorize(actor, 'write', { type: 'workspace' });
      try {
        return await transact(deps, async (repos) => {
          await requireUser(repos, input.managerId, 'body.managerId');
          const team = await repos.users.insertTeam({ id: deps.ids.next(), ...input }, nowIso(deps));
          await audit(repos, deps, actor, 'create', 'team', team.id, null, team);
          return team;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw invalidField('body.name', 'is already the name of a team');
        throw error;
      }
    },

    async updateTeam(actor: Actor, id: string, patch: { name?: string | undefined; managerId?: string | null | undefined; version: number }): Promise<Team> {
      authorize(actor, 'write', { type: 'workspace' });
      try {
        return await transact(deps, async (repos) => {
          const current = await repos.users.findTeam(id);
          if (!current) throw notFound('team', id);
          if (patch.version !== current.version) throw versionConflict('team', id, current.version);
          const next: Team = { ...current, ...(patch.name !== undefined ? { name: patch.name } : {}), ...(patch.managerId !== undefined ? { managerId: patch.managerId } : {}) };
          await requireUser(repos, next.managerId, 'body.managerId');
          const saved = await repos.users.updateTeam(next, patch.version, nowIso(deps));
          if (!saved) throw versionConflict('team', id, null);
          await audit(repos, deps, actor, 'update', 'team', id, current, saved);
          return saved;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw invalidField('body.name', 'is already the name of a team');
        if (error instanceof AppError) throw error;
        throw error;
      }
    },
  };
}
