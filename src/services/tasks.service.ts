import type { Actor, Subject } from '../domain/policy.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { Task, TaskCreate, TaskListQuery, TaskPatch } from '../shared/schemas/tasks.js';
import { audit, authorize, notFound, nowIso, read, requireUser, transact, versionConflict, type Deps } from './context.js';

export function taskSubject(task: Pick<Task, 'assigneeId' | 'createdBy'>, teamId: string | null): Subject {
  return { type: 'task', assigneeId: task.assigneeId, createdBy: task.createdBy, teamId };
}

/** A task is done from the moment its status says so, and not done again once reopened or cancelled. */
function completedAt(status: Task['status'], previous: Pick<Task, 'status' | 'completedAt'> | null, now: string): string | null {
  if (status !== 'done') return null;
  return previous?.status === 'done' ? previous.completedAt : now;
}

export function tasksService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<Task> {
    const task = await repos.tasks.findById(id);
    if (!task) throw notFound('task', id);
    return task;
  }

  /** The account behind the related record (its team decides who may write the task); 400 when there is no such record. */
  async function relatedAccountId(repos: Repositories, type: Task['relatedType'], id: string | null): Promise<string | null> {
    if (type === null && id === null) return null;
    if (type === null || id === null) throw invalidField('body.relatedId', 'goes together with relatedType: give both or neither');
    const accountId =
      type === 'account'
        ? (await repos.accounts.findById(id))?.id
        : type === 'contact'
          ? (await repos.contacts.findById(id))?.accountId
          : type === 'journey'
            ? (await repos.journeys.findById(id))?.accountId
            : (await repos.activities.findById(id))?.accountId;
    if (accountId === undefined) throw invalidField('body.relatedId', `is not ${type === 'account' || type === 'activity' ? 'an' : 'a'} ${type}`);
    return accountId;
  }

  async function teamOf(repos: Repositories, accountId: string | null): Promise<string | null> {
    if (accountId === null) return null;
    return (await repos.accounts.findById(accountId))?.teamId ?? null;
  }

  return {
    list: (query: TaskListQuery): Promise<Page<Task>> => read(deps).tasks.list(query, nowIso(deps)),

    get: (id: string): Promise<Task> => load(read(deps), id),

    create(actor: Actor, input: TaskCreate): Promise<Task> {
      return transact(deps, async (repos) => {
        const assigneeId = input.assigneeId !== undefined ? input.assigneeId : actor.userId;
        await requireUser(repos, assigneeId, 'body.assigneeId');
        const accountId = await relatedAccountId(repos, input.relatedType, input.relatedId);
        authorize(actor, 'write', taskSubject({ assigneeId, createdBy: actor.userId }, await teamOf(repos, accountId)));

        const now = nowIso(deps);
        const task = await repos.tasks.insert(
          {
            id: deps.ids.next(),
            title: input.title,
            notes: input.notes,
            assigneeId,
            dueAt: input.dueAt,
            status: input.status,
            relatedType: input.relatedType,
            relatedId: input.relatedId,
            accountId,
            source: 'manual',
            createdBy: actor.userId,
            completedAt: completedAt(input.status, null, now),
          },
          now,
        );
        await audit(repos, deps, actor, 'create', 'task', task.id, null, task);
        return task;
      });
    },

    update(actor: Actor, id: string, patch: TaskPatch): Promise<Task> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', taskSubject(current, await teamOf(repos, current.accountId)));
        if (patch.version !== current.version) throw versionConflict('task', id, current.version);

        const { version, ...changes } = patch;
        const now = nowIso(deps);
        const next: Task = { ...current, ...changes };
        if (changes.assigneeId !== undefined) await requireUser(repos, next.assigneeId, 'body.assigneeId');
        if (changes.relatedType !== undefined || changes.relatedId !== undefined) {
          next.accountId = await relatedAccountId(repos, next.relatedType, next.relatedId);
        }
        next.completedAt = completedAt(next.status, current, now);
        // Handing a task to someone else or relating it to another team's record must be allowed on the result too.
        authorize(actor, 'write', taskSubject(next, await teamOf(repos, next.accountId)));

        const saved = await repos.tasks.update(next, version, now);
        if (!saved) throw versionConflict('task', id, null);
        await audit(repos, deps, actor, 'update', 'task', id, current, saved);
        return saved;
      });
    },

    remove(actor: Actor, id: string, version: number): Promise<void> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        authorize(actor, 'write', taskSubject(current, await teamOf(repos, current.accountId)));
        if (version !== current.version) throw versionConflict('task', id, current.version);
        if (!(await repos.tasks.softDelete(id, version, nowIso(deps)))) throw versionConflict('task', id, null);
        await audit(repos, deps, actor, 'delete', 'task', id, current, null);
      });
    },
  };
}
