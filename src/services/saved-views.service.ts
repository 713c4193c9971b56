import { isUniqueViolation } from '../db/dialect.js';
import type { Repositories } from '../db/repositories/index.js';
import type { Actor } from '../domain/policy.js';
import { AppError } from '../shared/errors.js';
import type { SavedView, SavedViewCreate, SavedViewPatch, SavedViewScreen } from '../shared/schemas/saved-views.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/**
 * Saved views (issue 3): a user's named filters for a screen. Everyone may keep their own
 * (viewers excepted: they write nothing, DESIGN.md §6) and read the ones others share;
 * only the owner, or an admin, changes or deletes one.
 */
export function savedViewsService(deps: Deps) {
  const duplicate = () => new AppError('already_exists', { record: 'saved_view', field: 'body.name' }, 'You already have a view with this name on this screen.');

  /** A view the actor may see: their own or a shared one; anything else reads as not found. */
  async function visible(repos: Repositories, actor: Actor, id: string): Promise<SavedView> {
    const view = await repos.savedViews.findById(id);
    if (!view || (view.userId !== actor.userId && !view.shared && actor.role !== 'admin')) throw notFound('saved_view', id);
    return view;
  }

  /** Runs a write, turning a lost race on the (user, screen, name) index into the same 409. */
  async function uniquely<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (isUniqueViolation(error)) throw duplicate();
      throw error;
    }
  }

  return {
    list: (actor: Actor, screen: SavedViewScreen): Promise<SavedView[]> => read(deps).savedViews.listVisible(actor.userId, screen),

    get: (actor: Actor, id: string): Promise<SavedView> => visible(read(deps), actor, id),

    create(actor: Actor, input: SavedViewCreate): Promise<SavedView> {
      authorize(actor, 'write', { type: 'saved_view', userId: actor.userId });
      return uniquely(() =>
        transact(deps, async (repos) => {
          if (await repos.savedViews.findByName(actor.userId, input.screen, input.name)) throw duplicate();
          const id = deps.ids.next();
          await repos.savedViews.insert({ id, userId: actor.userId, screen: input.screen, name: input.name, query: input.query, shared: input.shared }, nowIso(deps));
          const created = await repos.savedViews.findById(id);
          if (!created) throw notFound('saved_view', id);
          await audit(repos, deps, actor, 'create', 'saved_view', id, null, created);
          return created;
        }),
      );
    },

    update(actor: Actor, id: string, patch: SavedViewPatch): Promise<SavedView> {
      return uniquely(() =>
        transact(deps, async (repos) => {
          const current = await visible(repos, actor, id);
          authorize(actor, 'write', { type: 'saved_view', userId: current.userId });
          if (patch.version !== current.version) throw versionConflict('saved_view', id, current.version);
          const { version, ...changes } = patch;
          if (changes.name !== undefined) {
            const other = await repos.savedViews.findByName(current.userId, current.screen, changes.name);
            if (other && other !== id) throw duplicate();
          }
          if (!(await repos.savedViews.update({ ...current, ...changes }, version, nowIso(deps)))) throw versionConflict('saved_view', id, null);
          const saved = await repos.savedViews.findById(id);
          if (!saved) throw notFound('saved_view', id);
          await audit(repos, deps, actor, 'update', 'saved_view', id, current, saved);
          return saved;
        }),
      );
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      await transact(deps, async (repos) => {
        const current = await visible(repos, actor, id);
        authorize(actor, 'write', { type: 'saved_view', userId: current.userId });
        if (version !== current.version) throw versionConflict('saved_view', id, current.version);
        if (!(await repos.savedViews.delete(id, version))) throw versionConflict('saved_view', id, null);
        await audit(repos, deps, actor, 'delete', 'saved_view', id, current, null);
      });
    },
  };
}
