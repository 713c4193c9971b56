import type { Kysely, Selectable } from 'kysely';
import type { Team, User, UserListQuery } from '../../shared/schemas/users.js';
import type { Role } from '../../shared/vocabulary.js';
import type { Schema, TeamsTable, UsersTable } from '../schema.js';
import type { DialectName } from '../database.js';
import { containsLower, fromDbBool, searchText, toDbBool } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';

function toUser(row: Selectable<UsersTable>): User {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    role: row.role as Role,
    teamId: row.team_id,
    locale: row.locale as User['locale'],
    timeZone: row.time_zone,
    active: fromDbBool(row.active),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toTeam(row: Selectable<TeamsTable>): Team {
  return {
    id: row.id,
    name: row.name,
    managerId: row.manager_id,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

const userSorts = { name: 'name', email: 'email', createdAt: 'created_at' } as const;

export class UsersRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  async findById(id: string): Promise<User | null> {
    const row = await this.db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async findByIds(ids: readonly string[]): Promise<User[]> {
    if (ids.length === 0) return [];
    const rows = await this.db.selectFrom('users').selectAll().where('id', 'in', ids).execute();
    return rows.map(toUser);
  }

  /** The user and their password hash, for sign-in only. */
  async findCredentials(email: string): Promise<{ user: User; passwordHash: string | null } | null> {
    const row = await this.db.selectFrom('users').selectAll().where('email', '=', email).executeTakeFirst();
    return row ? { user: toUser(row), passwordHash: row.password_hash } : null;
  }

  async findByEmail(email: string): Promise<User | null> {
    return (await this.findCredentials(email))?.user ?? null;
  }

  async count(): Promise<number> {
    const row = await this.db.selectFrom('users').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async countAdmins(): Promise<number> {
    const row = await this.db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('role', '=', 'admin')
      .where('active', '=', toDbBool(this.dialect, true))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insert(values: Omit<User, 'version' | 'createdAt' | 'updatedAt'>, passwordHash: string | null, now: string): Promise<User> {
    const row = await this.db
      .insertInto('users')
      .values({
        id: values.id,
        email: values.email,
        name: values.name,
        password_hash: passwordHash,
        role: values.role,
        team_id: values.teamId,
        locale: values.locale,
        time_zone: values.timeZone,
        active: toDbBool(this.dialect, values.active),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toUser(row);
  }

  async update(next: User, expectedVersion: number, now: string, passwordHash?: string): Promise<User | null> {
    const row = await this.db
      .updateTable('users')
      .set({
        name: next.name,
        role: next.role,
        team_id: next.teamId,
        locale: next.locale,
        time_zone: next.timeZone,
        active: toDbBool(this.dialect, next.active),
        ...(passwordHash ? { password_hash: passwordHash } : {}),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row ? toUser(row) : null;
  }

  async list(query: UserListQuery): Promise<Page<User>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as keyof typeof userSorts;
    const column = userSorts[key];
    const direction = desc ? 'desc' : 'asc';
    let q = this.db.selectFrom('users').selectAll();
    if (query.role) q = q.where('role', '=', query.role);
    if (query.teamId) q = q.where('team_id', '=', query.teamId);
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where((eb) => eb.or([containsLower(eb.fn('lower', [eb.ref('name')]), needle), containsLower(eb.ref('email'), needle)]));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    return toPage(rows.map(toUser), query.limit, (u) => u[key]);
  }

  async findTeam(id: string): Promise<Team | null> {
    const row = await this.db.selectFrom('teams').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTeam(row) : null;
  }

  async listTeams(): Promise<Team[]> {
    const rows = await this.db.selectFrom('teams').selectAll().orderBy('name').execute();
    return rows.map(toTeam);
  }

  async insertTeam(values: { id: string; name: string; managerId: string | null }, now: string): Promise<Team> {
    const row = await this.db
      .insertInto('teams')
      .values({ id: values.id, name: values.name, manager_id: values.managerId, version: 1, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toTeam(row);
  }

  async updateTeam(next: Team, expectedVersion: number, now: string): Promise<Team | null> {
    const row = await this.db
      .updateTable('teams')
      .set({ name: next.name, manager_id: next.managerId, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row ? toTeam(row) : null;
  }
}
