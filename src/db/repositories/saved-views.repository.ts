import type { Kysely } from 'kysely';
import { MAX_SAVED_VIEWS, type SavedView, type SavedViewScreen } from '../../shared/schemas/saved-views.js';
import type { DialectName } from '../database.js';
import { fromDbBool, fromDbJson, toDbBool, toDbJson } from '../dialect.js';
import type { Schema } from '../schema.js';

export type SavedViewValues = Omit<SavedView, 'userName' | 'version' | 'createdAt' | 'updatedAt'>;

/** How names are compared for uniqueness per user and screen: trimmed, case folded. */
export function savedViewNameKey(name: string): string {
  return name.trim().toLowerCase();
}

/** Saved views: one user's named filters for a screen, optionally shared with the workspace. */
export class SavedViewsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  private base() {
    return this.db
      .selectFrom('saved_views as v')
      .innerJoin('users as u', 'u.id', 'v.user_id')
      .select(['v.id', 'v.user_id', 'u.name as user_name', 'v.screen', 'v.name', 'v.query', 'v.shared', 'v.version', 'v.created_at', 'v.updated_at']);
  }

  /** The caller's own views of a screen and the ones others share, by name. */
  async listVisible(userId: string, screen: SavedViewScreen): Promise<SavedView[]> {
    const rows = await this.base()
      .where('v.screen', '=', screen)
      .where((eb) => eb.or([eb('v.user_id', '=', userId), eb('v.shared', '=', toDbBool(this.dialect, true))]))
      .orderBy('v.name_key')
      .orderBy('v.id')
      .limit(MAX_SAVED_VIEWS)
      .execute();
    return rows.map(toView);
  }

  async findById(id: string): Promise<SavedView | null> {
    const row = await this.base().where('v.id', '=', id).executeTakeFirst();
    return row ? toView(row) : null;
  }

  /** The id of the user's view of that screen with that name (any case), if there is one. */
  async findByName(userId: string, screen: SavedViewScreen, name: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('saved_views')
      .select('id')
      .where('user_id', '=', userId)
      .where('screen', '=', screen)
      .where('name_key', '=', savedViewNameKey(name))
      .executeTakeFirst();
    return row?.id ?? null;
  }

  async insert(v: SavedViewValues, now: string): Promise<void> {
    await this.db
      .insertInto('saved_views')
      .values({
        id: v.id,
        user_id: v.userId,
        screen: v.screen,
        name: v.name,
        name_key: savedViewNameKey(v.name),
        query: toDbJson(v.query),
        shared: toDbBool(this.dialect, v.shared),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
  }

  /** Compare-and-set on version: false when someone else wrote first. */
  async update(next: SavedView, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('saved_views')
      .set({
        name: next.name,
        name_key: savedViewNameKey(next.name),
        query: toDbJson(next.query),
        shared: toDbBool(this.dialect, next.shared),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** A view is a preference, not business data: it is removed (the audit log keeps what it was). */
  async delete(id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.db.deleteFrom('saved_views').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }
}

function toView(r: {
  id: string;
  user_id: string;
  user_name: string;
  screen: string;
  name: string;
  query: unknown;
  shared: boolean | number;
  version: number;
  created_at: string;
  updated_at: string;
}): SavedView {
  return {
    id: r.id,
    userId: r.user_id,
    userName: r.user_name,
    screen: r.screen as SavedViewScreen,
    name: r.name,
    query: fromDbJson<Record<string, string>>(r.query),
    shared: fromDbBool(r.shared),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
