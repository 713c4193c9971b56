import type { Actor } from '../domain/policy.js';
import type { Account, AccountCreate, AccountListQuery, AccountPatch } from '../shared/schemas/accounts.js';
import type { Page } from '../db/keyset.js';
import { audit, authorize, notFound, nowIso, read, requireTeam, requireUser, transact, versionConflict, type Deps } from './context.js';

export function accountsService(deps: Deps) {
  return {
    list(query: AccountListQuery): Promise<Page<Account>> {
      return read(deps).accounts.list(query);
    },

    async get(id: string): Promise<Account> {
      const account = await read(deps).accounts.findById(id);
      if (!account) throw notFound('account', id);
      return account;
    },

    create(actor: Actor, input: AccountCreate): Promise<Account> {
      return transact(deps, async (repos) => {
        const ownerId = input.ownerId !== undefined ? input.ownerId : actor.role === 'account_manager' ? actor.userId : null;
        await requireUser(repos, ownerId, 'body.ownerId');
        let teamId = input.teamId ?? null;
        if (input.teamId === undefined && ownerId) teamId = (await repos.users.findById(ownerId))?.teamId ?? null;
        if (input.teamId === undefined && !ownerId) teamId = actor.teamId;
        await requireTeam(repos, teamId, 'body.teamId');
        authorize(actor, 'write', { type: 'account', ownerId, teamId });

        const account = await repos.accounts.insert(
          {
            id: deps.ids.next(),
            name: input.name,
            industry: input.industry,
            sizeBand: input.sizeBand,
            tier: input.tier,
            city: input.city,
            province: input.province,
            region: input.region,
            relationship: input.relationship,
            ownerId,
            teamId,
            website: input.website ?? null,
            phone: input.phone ?? null,
          },
          nowIso(deps),
        );
        await audit(repos, deps, actor, 'create', 'account', account.id, null, account);
        return account;
      });
    },

    update(actor: Actor, id: string, patch: AccountPatch): Promise<Account> {
      return transact(deps, async (repos) => {
        const current = await repos.accounts.findById(id);
        if (!current) throw notFound('account', id);
        authorize(actor, 'write', { type: 'account', ownerId: current.ownerId, teamId: current.teamId });
        if (patch.version !== current.version) throw versionConflict('account', id, current.version);

        const { version, ...changes } = patch;
        const next: Account = { ...current, ...changes };
        if (changes.ownerId !== undefined) await requireUser(repos, next.ownerId, 'body.ownerId');
        if (changes.teamId !== undefined) await requireTeam(repos, next.teamId, 'body.teamId');
        // Handing an account to another owner or team must be allowed on the result too.
        authorize(actor, 'write', { type: 'account', ownerId: next.ownerId, teamId: next.teamId });

        const saved = await repos.accounts.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('account', id, null);
        await repos.journeys.refreshSearchTextForAccount(id, saved.name);
        await audit(repos, deps, actor, 'update', 'account', id, current, saved);
        return saved;
      });
    },

    remove(actor: Actor, id: string, version: number): Promise<void> {
      return transact(deps, async (repos) => {
        const current = await repos.accounts.findById(id);
        if (!current) throw notFound('account', id);
        authorize(actor, 'write', { type: 'account', ownerId: current.ownerId, teamId: current.teamId });
        if (version !== current.version) throw versionConflict('account', id, current.version);
        if (!(await repos.accounts.softDelete(id, version, nowIso(deps)))) throw versionConflict('account', id, null);
        await audit(repos, deps, actor, 'delete', 'account', id, current, null);
      });
    },
  };
}
