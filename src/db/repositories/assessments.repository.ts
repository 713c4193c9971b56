import type { Kysely, Selectable } from 'kysely';
import { riskScore, type ItCategory, type MitigationStatus, type RiskSolutionLink, type SolutionCategory } from '../../domain/recommendations.js';
import { MAX_ASSESSMENT_ITEMS, type InventoryItem, type Risk } from '../../shared/schemas/assessments.js';
import type { Outcome } from '../../shared/vocabulary.js';
import type { ItInventoryItemsTable, ItRisksTable, Schema } from '../schema.js';
import { softDeleteVersioned } from '../versioned.js';

export type InventoryValues = Omit<InventoryItem, 'version' | 'createdAt' | 'updatedAt'>;
export type RiskValues = Omit<Risk, 'score' | 'version' | 'createdAt' | 'updatedAt'>;

function toItem(r: Selectable<ItInventoryItemsTable>): InventoryItem {
  return {
    id: r.id,
    accountId: r.account_id,
    category: r.category as ItCategory,
    vendor: r.vendor,
    product: r.product,
    productVersion: r.product_version,
    endOfLife: r.end_of_life,
    criticality: r.criticality,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function toRisk(r: Selectable<ItRisksTable>): Risk {
  return {
    id: r.id,
    accountId: r.account_id,
    threat: r.threat,
    category: r.category as ItCategory,
    likelihood: r.likelihood,
    impact: r.impact,
    mitigationStatus: r.mitigation_status as MitigationStatus,
    ownerId: r.owner_id,
    score: riskScore({ likelihood: r.likelihood, impact: r.impact }),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** An account's IT-environment assessment: inventory items, risks, and the risk → solution map. */
export class AssessmentsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async listInventory(accountId: string): Promise<InventoryItem[]> {
    const rows = await this.db
      .selectFrom('it_inventory_items')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .orderBy('category')
      .orderBy('vendor')
      .orderBy('id')
      .limit(MAX_ASSESSMENT_ITEMS)
      .execute();
    return rows.map(toItem);
  }

  async findInventory(accountId: string, id: string): Promise<InventoryItem | null> {
    const row = await this.db
      .selectFrom('it_inventory_items')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async insertInventory(v: InventoryValues, now: string): Promise<InventoryItem> {
    const row = await this.db
      .insertInto('it_inventory_items')
      .values({
        id: v.id,
        account_id: v.accountId,
        category: v.category,
        vendor: v.vendor,
        product: v.product,
        product_version: v.productVersion,
        end_of_life: v.endOfLife,
        criticality: v.criticality,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toItem(row);
  }

  /** Compare-and-set on version: null when someone else wrote first. */
  async updateInventory(v: InventoryValues, expectedVersion: number, now: string): Promise<InventoryItem | null> {
    const row = await this.db
      .updateTable('it_inventory_items')
      .set({
        category: v.category,
        vendor: v.vendor,
        product: v.product,
        product_version: v.productVersion,
        end_of_life: v.endOfLife,
        criticality: v.criticality,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toItem(row) : null;
  }

  async softDeleteInventory(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'it_inventory_items', id, expectedVersion, now);
  }

  async listRisks(accountId: string): Promise<Risk[]> {
    const rows = await this.db
      .selectFrom('it_risks')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .orderBy('created_at')
      .orderBy('id')
      .limit(MAX_ASSESSMENT_ITEMS)
      .execute();
    return rows.map(toRisk);
  }

  async findRisk(accountId: string, id: string): Promise<Risk | null> {
    const row = await this.db
      .selectFrom('it_risks')
      .selectAll()
      .where('id', '=', id)
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toRisk(row) : null;
  }

  async insertRisk(v: RiskValues, now: string): Promise<Risk> {
    const row = await this.db
      .insertInto('it_risks')
      .values({
        id: v.id,
        account_id: v.accountId,
        threat: v.threat,
        category: v.category,
        likelihood: v.likelihood,
        impact: v.impact,
        mitigation_status: v.mitigationStatus,
        owner_id: v.ownerId,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toRisk(row);
  }

  async updateRisk(v: RiskValues, expectedVersion: number, now: string): Promise<Risk | null> {
    const row = await this.db
      .updateTable('it_risks')
      .set({
        threat: v.threat,
        category: v.category,
        likelihood: v.likelihood,
        impact: v.impact,
        mitigation_status: v.mitigationStatus,
        owner_id: v.ownerId,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toRisk(row) : null;
  }

  async softDeleteRisk(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'it_risks', id, expectedVersion, now);
  }

  async riskMap(): Promise<RiskSolutionLink[]> {
    const rows = await this.db.selectFrom('risk_solution_map').selectAll().orderBy('risk_category').orderBy('solution_category').execute();
    return rows.map((r) => ({ riskCategory: r.risk_category as ItCategory, solutionCategory: r.solution_category as SolutionCategory }));
  }

  async replaceRiskMap(links: readonly RiskSolutionLink[]): Promise<void> {
    await this.db.deleteFrom('risk_solution_map').execute();
    const unique = [...new Map(links.map((l) => [`${l.riskCategory}|${l.solutionCategory}`, l])).values()];
    if (unique.length === 0) return;
    await this.db
      .insertInto('risk_solution_map')
      .values(unique.map((l) => ({ risk_category: l.riskCategory, solution_category: l.solutionCategory })))
      .execute();
  }

  /** Live solutions: the candidates for a recommendation. */
  async solutions(): Promise<{ id: string; name: string; category: string }[]> {
    return this.db.selectFrom('solutions').select(['id', 'name', 'category']).where('deleted_at', 'is', null).orderBy('name').execute();
  }

  /** The account's live journeys: which solutions it has adopted or is considering. */
  async accountJourneys(accountId: string): Promise<{ solutionId: string; outcome: Outcome }[]> {
    const rows = await this.db
      .selectFrom('journeys')
      .select(['solution_id', 'outcome'])
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .execute();
    return rows.map((r) => ({ solutionId: r.solution_id, outcome: r.outcome as Outcome }));
  }
}
