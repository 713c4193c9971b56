import type { Kysely, Selectable } from 'kysely';
import type { Account, AccountListQuery } from '../../shared/schemas/accounts.js';
import type { AccountsTable, Schema } from '../schema.js';
import { containsLower, searchText } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

const sortColumns = { name: 'name', createdAt: 'created_at', updatedAt: 'updated_at', city: 'city' } as const;

export function toAccount(row: Selectable<AccountsTable>): Account {
  return {
    id: row.id,
    name: row.name,
    industry: row.industry as Account['industry'],
    sizeBand: row.size_band as Account['sizeBand'],
    tier: row.tier as Account['tier'],
    city: row.city,
    province: row.province,
    region: row.region as Account['region'],
    relationship: row.relationship as Account['relationship'],
    ownerId: row.owner_id,
    teamId: row.team_id,
    website: row.website,
    phone: row.phone,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type AccountValues = Omit<Account, 'version' | 'createdAt' | 'updatedAt'>;

export class AccountsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async findById(id: string): Promise<Account | null> {
    const row = await this.db
      .selectFrom('accounts')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async insert(values: AccountValues, now: string): Promise<Account> {
    const row = await this.db
      .insertInto('accounts')
      .values({
        id: values.id,
        name: values.name,
        industry: values.industry,
        size_band: values.sizeBand,
        tier: values.tier,
        city: values.city,
        province: values.province,
        region: values.region,
        relationship: values.relationship,
        owner_id: values.ownerId,
        team_id: values.teamId,
        website: values.website,
        phone: values.phone,
        search_text: searchText(values.name, values.city, values.province),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toAccount(row);
  }

  /** Writes the new values only if the stored version is `expectedVersion`; null when it is not. */
  async update(next: Account, expectedVersion: number, now: string): Promise<Account | null> {
    const row = await this.db
      .updateTable('accounts')
      .set({
        name: next.name,
        industry: next.industry,
        size_band: next.sizeBand,
        tier: next.tier,
        city: next.city,
        province: next.province,
        region: next.region,
        relationship: next.relationship,
        owner_id: next.ownerId,
        team_id: next.teamId,
        website: next.website,
        phone: next.phone,
        search_text: searchText(next.name, next.city, next.province),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toAccount(row) : null;
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'accounts', id, expectedVersion, now);
  }

  async list(query: AccountListQuery): Promise<Page<Account>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = desc ? 'desc' : 'asc';

    let q = this.db.selectFrom('accounts').selectAll().where('deleted_at', 'is', null);
    if (query.ownerId) q = q.where('owner_id', '=', query.ownerId);
    if (query.teamId) q = q.where('team_id', '=', query.teamId);
    if (query.city) q = q.where('city', '=', query.city);
    if (query.province) q = q.where('province', '=', query.province);
    if (query.tier) q = q.where('tier', 'in', query.tier);
    if (query.industry) q = q.where('industry', 'in', query.industry);
    if (query.ids) q = q.where('id', 'in', query.ids);
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where(({ ref }) => containsLower(ref('search_text'), needle));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    const accounts = rows.map(toAccount);
    return toPage(accounts, query.limit, (a) => sortValue(a, key));
  }
}

function sortValue(account: Account, key: keyof typeof sortColumns): string {
  return account[key];
}
