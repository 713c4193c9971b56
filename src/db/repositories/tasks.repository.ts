import { sql, type Expression, type Kysely, type Selectable } from 'kysely';
import type { Task, TaskListQuery } from '../../shared/schemas/tasks.js';
import type { TasksTable, Schema } from '../schema.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

/**
 * Tasks without a due date sort last in either direction: the sort key is the due time or,
 * when there is none, an instant past every real one. A plain expression (not NULLS LAST)
 * keeps the keyset comparison a simple `>` / `<` on both databases.
 */
const NO_DUE_DATE = { asc: '9999-12-31T23:59:59.999Z', desc: '0001-01-01T00:00:00.000Z' } as const;

function toTask(row: Selectable<TasksTable>): Task {
  return {
    id: row.id,
    title: row.title,
    notes: row.notes,
    assigneeId: row.assignee_id,
    dueAt: row.due_at,
    status: row.status as Task['status'],
    relatedType: row.related_type as Task['relatedType'],
    relatedId: row.related_id,
    accountId: row.account_id,
    source: row.source as Task['source'],
    createdBy: row.created_by,
    completedAt: row.completed_at,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type TaskValues = Omit<Task, 'version' | 'createdAt' | 'updatedAt'>;

export class TasksRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async findById(id: string): Promise<Task | null> {
    const row = await this.db.selectFrom('tasks').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async insert(values: TaskValues, now: string): Promise<Task> {
    const row = await this.db
      .insertInto('tasks')
      .values({
        id: values.id,
        title: values.title,
        notes: values.notes,
        assignee_id: values.assigneeId,
        due_at: values.dueAt,
        status: values.status,
        related_type: values.relatedType,
        related_id: values.relatedId,
        account_id: values.accountId,
        source: values.source,
        created_by: values.createdBy,
        completed_at: values.completedAt,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTask(row);
  }

  /** Writes the new values only if the stored version is `expectedVersion`; null when it is not. */
  async update(next: Task, expectedVersion: number, now: string): Promise<Task | null> {
    const row = await this.db
      .updateTable('tasks')
      .set({
        title: next.title,
        notes: next.notes,
        assignee_id: next.assigneeId,
        due_at: next.dueAt,
        status: next.status,
        related_type: next.relatedType,
        related_id: next.relatedId,
        account_id: next.accountId,
        completed_at: next.completedAt,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toTask(row) : null;
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'tasks', id, expectedVersion, now);
  }

  /** `now` decides which open tasks are overdue. */
  async list(query: TaskListQuery, now: string): Promise<Page<Task>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as 'dueAt' | 'createdAt' | 'updatedAt';
    const direction = desc ? 'desc' : 'asc';
    const noDueDate = NO_DUE_DATE[direction];
    const sortKey: Expression<string> =
      key === 'dueAt' ? sql<string>`coalesce(${sql.ref('due_at')}, ${noDueDate})` : sql.ref<string>(key === 'createdAt' ? 'created_at' : 'updated_at');

    let q = this.db.selectFrom('tasks').selectAll().where('deleted_at', 'is', null);
    if (query.assigneeId) q = q.where('assignee_id', '=', query.assigneeId);
    if (query.status) q = q.where('status', 'in', query.status);
    if (query.relatedType) q = q.where('related_type', '=', query.relatedType);
    if (query.relatedId) q = q.where('related_id', '=', query.relatedId);
    if (query.dueBefore) q = q.where('due_at', '<', query.dueBefore);
    if (query.overdue) q = q.where('status', '=', 'open').where('due_at', '<', now);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(sortKey, ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(sortKey, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    return toPage(rows.map(toTask), query.limit, (t) => (key === 'dueAt' ? (t.dueAt ?? noDueDate) : t[key]));
  }
}
