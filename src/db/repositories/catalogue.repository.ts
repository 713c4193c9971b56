import type { Kysely, Selectable } from 'kysely';
import type { Principal, PrincipalListQuery, Solution, SolutionListQuery } from '../../shared/schemas/catalogue.js';
import type { PrincipalsTable, Schema, SolutionsTable } from '../schema.js';
import { containsLower, searchText } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

function toPrincipal(r: Selectable<PrincipalsTable>): Principal {
  return { id: r.id, name: r.name, website: r.website, country: r.country, version: r.version, createdAt: r.created_at, updatedAt: r.updated_at };
}

function toSolution(r: Selectable<SolutionsTable>, principalIds: string[]): Solution {
  return {
    id: r.id,
    name: r.name,
    category: r.category as Solution['category'],
    description: r.description,
    launchDate: r.launch_date,
    principalIds,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

const sortColumns = { name: 'name', createdAt: 'created_at' } as const;

/** Principals (vendors) and the solutions sold from them. */
export class CatalogueRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async findPrincipal(id: string): Promise<Principal | null> {
    const r = await this.db.selectFrom('principals').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return r ? toPrincipal(r) : null;
  }

  async countLivePrincipals(ids: readonly string[]): Promise<number> {
    if (ids.length === 0) return 0;
    const r = await this.db
      .selectFrom('principals')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  async insertPrincipal(p: Omit<Principal, 'version' | 'createdAt' | 'updatedAt'>, now: string): Promise<Principal> {
    const r = await this.db
      .insertInto('principals')
      .values({ id: p.id, name: p.name, website: p.website, country: p.country, version: 1, created_at: now, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toPrincipal(r);
  }

  async updatePrincipal(p: Principal, expectedVersion: number, now: string): Promise<Principal | null> {
    const r = await this.db
      .updateTable('principals')
      .set({ name: p.name, website: p.website, country: p.country, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', p.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return r ? toPrincipal(r) : null;
  }

  async softDeletePrincipal(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'principals', id, expectedVersion, now);
  }

  async listPrincipals(query: PrincipalListQuery): Promise<Page<Principal>> {
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
    let q = this.db.selectFrom('principals').selectAll().where('deleted_at', 'is', null);
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where((eb) => containsLower(eb.fn('lower', [eb.ref('name')]), needle));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    return toPage(rows.map(toPrincipal), query.limit, (p) => p[key]);
  }

  private async principalIdsOf(solutionIds: readonly string[]): Promise<Map<string, string[]>> {
    const map = new Map<string, string[]>();
    if (solutionIds.length === 0) return map;
    const rows = await this.db
      .selectFrom('solution_principals')
      .select(['solution_id', 'principal_id'])
      .where('solution_id', 'in', solutionIds)
      .orderBy('principal_id')
      .execute();
    for (const r of rows) map.set(r.solution_id, [...(map.get(r.solution_id) ?? []), r.principal_id]);
    return map;
  }

  async findSolution(id: string): Promise<Solution | null> {
    const r = await this.db.selectFrom('solutions').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    if (!r) return null;
    return toSolution(r, (await this.principalIdsOf([id])).get(id) ?? []);
  }

  async insertSolution(s: Omit<Solution, 'version' | 'createdAt' | 'updatedAt'>, now: string): Promise<void> {
    await this.db
      .insertInto('solutions')
      .values({ id: s.id, name: s.name, category: s.category, description: s.description, launch_date: s.launchDate, version: 1, created_at: now, updated_at: now })
      .execute();
    await this.setSolutionPrincipals(s.id, s.principalIds);
  }

  async updateSolution(s: Solution, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('solutions')
      .set({ name: s.name, category: s.category, description: s.description, launch_date: s.launchDate, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', s.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return false;
    await this.setSolutionPrincipals(s.id, s.principalIds);
    return true;
  }

  private async setSolutionPrincipals(solutionId: string, principalIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('solution_principals').where('solution_id', '=', solutionId).execute();
    const unique = [...new Set(principalIds)];
    if (unique.length > 0) {
      await this.db
        .insertInto('solution_principals')
        .values(unique.map((principalId) => ({ solution_id: solutionId, principal_id: principalId })))
        .execute();
    }
  }

  async softDeleteSolution(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'solutions', id, expectedVersion, now);
  }

  async listSolutions(query: SolutionListQuery): Promise<Page<Solution>> {
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = query.sort.startsWith('-') ? 'desc' : 'asc';
    let q = this.db.selectFrom('solutions').selectAll().where('deleted_at', 'is', null);
    if (query.category) q = q.where('category', 'in', query.category);
    if (query.principalId) {
      const principalId = query.principalId;
      q = q.where('id', 'in', (eb) => eb.selectFrom('solution_principals').select('solution_id').where('principal_id', '=', principalId));
    }
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where((eb) => containsLower(eb.fn('lower', [eb.ref('name')]), needle));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    const principals = await this.principalIdsOf(rows.map((r) => r.id));
    return toPage(rows.map((r) => toSolution(r, principals.get(r.id) ?? [])), query.limit, (s) => s[key]);
  }
}
