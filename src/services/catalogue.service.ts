import type { Actor } from '../domain/policy.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { Principal, PrincipalCreate, PrincipalListQuery, PrincipalPatch, Solution, SolutionCreate, SolutionListQuery, SolutionPatch } from '../shared/schemas/catalogue.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/** Principals (admin) and solutions (admin and product specialists). */
export function catalogueService(deps: Deps) {
  async function requirePrincipals(repos: Repositories, ids: readonly string[]) {
    const unique = [...new Set(ids)];
    if ((await repos.catalogue.countLivePrincipals(unique)) !== unique.length) {
      throw invalidField('body.principalIds', 'names a principal that does not exist');
    }
  }

  function uniqueName<T>(field: string, work: () => Promise<T>): Promise<T> {
    return work().catch((error: unknown) => {
      if (isUniqueViolation(error)) throw invalidField(field, 'is already used');
      throw error;
    });
  }

  return {
    listPrincipals: (query: PrincipalListQuery) => read(deps).catalogue.listPrincipals(query),

    async getPrincipal(id: string): Promise<Principal> {
      const found = await read(deps).catalogue.findPrincipal(id);
      if (!found) throw notFound('principal', id);
      return found;
    },

    createPrincipal(actor: Actor | null, input: PrincipalCreate): Promise<Principal> {
      if (actor) authorize(actor, 'write', { type: 'workspace' });
      return uniqueName('body.name', () =>
        transact(deps, async (repos) => {
          const created = await repos.catalogue.insertPrincipal({ id: deps.ids.next(), ...input }, nowIso(deps));
          await audit(repos, deps, actor, 'create', 'principal', created.id, null, created);
          return created;
        }),
      );
    },

    updatePrincipal(actor: Actor, id: string, patch: PrincipalPatch): Promise<Principal> {
      authorize(actor, 'write', { type: 'workspace' });
      return uniqueName('body.name', () =>
        transact(deps, async (repos) => {
          const current = await repos.catalogue.findPrincipal(id);
          if (!current) throw notFound('principal', id);
          if (patch.version !== current.version) throw versionConflict('principal', id, current.version);
          const { version, ...changes } = patch;
          const saved = await repos.catalogue.updatePrincipal({ ...current, ...changes }, version, nowIso(deps));
          if (!saved) throw versionConflict('principal', id, null);
          await audit(repos, deps, actor, 'update', 'principal', id, current, saved);
          return saved;
        }),
      );
    },

    async removePrincipal(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', { type: 'workspace' });
      await transact(deps, async (repos) => {
        const current = await repos.catalogue.findPrincipal(id);
        if (!current) throw notFound('principal', id);
        if (version !== current.version) throw versionConflict('principal', id, current.version);
        if (!(await repos.catalogue.softDeletePrincipal(id, version, nowIso(deps)))) throw versionConflict('principal', id, null);
        await audit(repos, deps, actor, 'delete', 'principal', id, current, null);
      });
    },

    listSolutions: (query: SolutionListQuery) => read(deps).catalogue.listSolutions(query),

    async getSolution(id: string): Promise<Solution> {
      const found = await read(deps).catalogue.findSolution(id);
      if (!found) throw notFound('solution', id);
      return found;
    },

    createSolution(actor: Actor | null, input: SolutionCreate): Promise<Solution> {
      if (actor) authorize(actor, 'write', { type: 'solution' });
      return uniqueName('body.name', () =>
        transact(deps, async (repos) => {
          await requirePrincipals(repos, input.principalIds);
          const id = deps.ids.next();
          await repos.catalogue.insertSolution({ id, ...input }, nowIso(deps));
          const created = await repos.catalogue.findSolution(id);
          if (!created) throw notFound('solution', id);
          await audit(repos, deps, actor, 'create', 'solution', id, null, created);
          return created;
        }),
      );
    },

    updateSolution(actor: Actor, id: string, patch: SolutionPatch): Promise<Solution> {
      authorize(actor, 'write', { type: 'solution' });
      return uniqueName('body.name', () =>
        transact(deps, async (repos) => {
          const current = await repos.catalogue.findSolution(id);
          if (!current) throw notFound('solution', id);
          if (patch.version !== current.version) throw versionConflict('solution', id, current.version);
          const { version, ...changes } = patch;
          if (changes.principalIds) await requirePrincipals(repos, changes.principalIds);
          if (!(await repos.catalogue.updateSolution({ ...current, ...changes }, version, nowIso(deps)))) throw versionConflict('solution', id, null);
          const saved = await repos.catalogue.findSolution(id);
          if (!saved) throw notFound('solution', id);
          await audit(repos, deps, actor, 'update', 'solution', id, current, saved);
          return saved;
        }),
      );
    },

    async removeSolution(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', { type: 'solution' });
      await transact(deps, async (repos) => {
        const current = await repos.catalogue.findSolution(id);
        if (!current) throw notFound('solution', id);
        if (version !== current.version) throw versionConflict('solution', id, current.version);
        if (!(await repos.catalogue.softDeleteSolution(id, version, nowIso(deps)))) throw versionConflict('solution', id, null);
        await audit(repos, deps, actor, 'delete', 'solution', id, current, null);
      });
    },
  };
}
