import type { Actor } from '../domain/policy.js';
import { recommendSolutions, type RiskSolutionLink } from '../domain/recommendations.js';
import type { Repositories } from '../db/repositories/index.js';
import type { InventoryCreate, InventoryItem, InventoryPatch, Risk, RiskCreate, RiskPatch } from '../shared/schemas/assessments.js';
import { audit, authorize, notFound, nowIso, read, requireUser, transact, versionConflict, type Deps } from './context.js';

/**
 * The IT-environment assessment (DESIGN.md §4, §6): admins and solution architects write the
 * inventory and risks of an account, admins the risk → solution map; every role reads them
 * and the recommendations they yield.
 */
export function assessmentsService(deps: Deps) {
  const subject = { type: 'assessment' } as const;

  async function requireAccount(repos: Repositories, accountId: string): Promise<void> {
    if (!(await repos.accounts.findById(accountId))) throw notFound('account', accountId);
  }

  return {
    async listInventory(accountId: string): Promise<InventoryItem[]> {
      const repos = read(deps);
      await requireAccount(repos, accountId);
      return repos.assessments.listInventory(accountId);
    },

    createInventory(actor: Actor, accountId: string, input: InventoryCreate): Promise<InventoryItem> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        await requireAccount(repos, accountId);
        const created = await repos.assessments.insertInventory({ id: deps.ids.next(), accountId, ...input }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'it_inventory_item', created.id, null, created);
        return created;
      });
    },

    updateInventory(actor: Actor, accountId: string, id: string, patch: InventoryPatch): Promise<InventoryItem> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await repos.assessments.findInventory(accountId, id);
        if (!current) throw notFound('it_inventory_item', id);
        if (patch.version !== current.version) throw versionConflict('it_inventory_item', id, current.version);
        const { version, ...changes } = patch;
        const saved = await repos.assessments.updateInventory({ ...current, ...changes }, version, nowIso(deps));
        if (!saved) throw versionConflict('it_inventory_item', id, null);
        await audit(repos, deps, actor, 'update', 'it_inventory_item', id, current, saved);
        return saved;
      });
    },

    async removeInventory(actor: Actor, accountId: string, id: string, version: number): Promise<void> {
      authorize(actor, 'write', subject);
      await transact(deps, async (repos) => {
        const current = await repos.assessments.findInventory(accountId, id);
        if (!current) throw notFound('it_inventory_item', id);
        if (version !== current.version) throw versionConflict('it_inventory_item', id, current.version);
        if (!(await repos.assessments.softDeleteInventory(id, version, nowIso(deps)))) throw versionConflict('it_inventory_item', id, null);
        await audit(repos, deps, actor, 'delete', 'it_inventory_item', id, current, null);
      });
    },

    async listRisks(accountId: string): Promise<Risk[]> {
      const repos = read(deps);
      await requireAccount(repos, accountId);
      return repos.assessments.listRisks(accountId);
    },

    createRisk(actor: Actor, accountId: string, input: RiskCreate): Promise<Risk> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        await requireAccount(repos, accountId);
        await requireUser(repos, input.ownerId, 'body.ownerId');
        const created = await repos.assessments.insertRisk({ id: deps.ids.next(), accountId, ...input }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'it_risk', created.id, null, created);
        return created;
      });
    },

    updateRisk(actor: Actor, accountId: string, id: string, patch: RiskPatch): Promise<Risk> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await repos.assessments.findRisk(accountId, id);
        if (!current) throw notFound('it_risk', id);
        if (patch.version !== current.version) throw versionConflict('it_risk', id, current.version);
        const { version, ...changes } = patch;
        if (changes.ownerId !== undefined) await requireUser(repos, changes.ownerId, 'body.ownerId');
        const saved = await repos.assessments.updateRisk({ ...current, ...changes }, version, nowIso(deps));
        if (!saved) throw versionConflict('it_risk', id, null);
        await audit(repos, deps, actor, 'update', 'it_risk', id, current, saved);
        return saved;
      });
    },

    async removeRisk(actor: Actor, accountId: string, id: string, version: number): Promise<void> {
      authorize(actor, 'write', subject);
      await transact(deps, async (repos) => {
        const current = await repos.assessments.findRisk(accountId, id);
        if (!current) throw notFound('it_risk', id);
        if (version !== current.version) throw versionConflict('it_risk', id, current.version);
        if (!(await repos.assessments.softDeleteRisk(id, version, nowIso(deps)))) throw versionConflict('it_risk', id, null);
        await audit(repos, deps, actor, 'delete', 'it_risk', id, current, null);
      });
    },

    riskMap: () => read(deps).assessments.riskMap(),

    /** Replaces the whole map (admin): it is a small, workspace-wide setting. */
    replaceRiskMap(actor: Actor, links: readonly RiskSolutionLink[]): Promise<RiskSolutionLink[]> {
      authorize(actor, 'write', { type: 'workspace' });
      return transact(deps, async (repos) => {
        const before = await repos.assessments.riskMap();
        await repos.assessments.replaceRiskMap(links);
        const after = await repos.assessments.riskMap();
        await audit(repos, deps, actor, 'update', 'risk_solution_map', 'workspace', before, after);
        return after;
      });
    },

    /** Solutions ranked by the account's unresolved risks they address, with those risks as the reasons. */
    async recommendations(accountId: string) {
      const repos = read(deps);
      await requireAccount(repos, accountId);
      const [risks, map, solutions, journeys] = await Promise.all([
        repos.assessments.listRisks(accountId),
        repos.assessments.riskMap(),
        repos.assessments.solutions(),
        repos.assessments.accountJourneys(accountId),
      ]);
      return { accountId, items: recommendSolutions(risks, map, solutions, journeys) };
    },
  };
}
