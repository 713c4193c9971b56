import { CompiledQuery, sql, type Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import type { Schema } from '../schema.js';
import { toDbBool, toDbJson } from '../dialect.js';

/**
 * Bulk loading for the demo and benchmark generator: multi-row inserts in batches, each
 * batch in its own transaction, so memory stays flat however large the workspace is.
 * The records are the generator's camelCase values; this file alone knows their columns.
 */

export interface SeedTeam { id: string; name: string; managerId: string | null; createdAt: string }
export interface SeedUser { id: string; email: string; name: string; passwordHash: string; role: string; teamId: string | null; locale: string; createdAt: string }
export interface SeedPrincipal { id: string; name: string; website: string; country: string; createdAt: string }
export interface SeedSolution { id: string; name: string; category: string; description: string; launchDate: string; createdAt: string }
export interface SeedSolutionPrincipal { solutionId: string; principalId: string }
export interface SeedExchangeRate { currency: string; validFrom: string; rate: number; createdAt: string }
export interface SeedAccount {
  id: string; name: string; industry: string; sizeBand: string; tier: string; city: string; province: string; region: string;
  relationship: string; ownerId: string | null; teamId: string | null; website: string | null; phone: string | null;
  searchText: string; createdAt: string; updatedAt: string;
}
export interface SeedConsent { channel: string; granted: boolean; source: string; recordedAt: string }
export interface SeedContact {
  id: string; accountId: string; fullName: string; title: string | null; division: string; seniority: string; ageBand: string | null;
  techProficiency: string; influence: string; openness: string; email: string | null; phone: string | null; whatsapp: string | null;
  linkedin: string | null; channels: string[]; consents: SeedConsent[]; searchText: string; createdAt: string; updatedAt: string;
}
export interface SeedJourney {
  id: string; accountId: string; solutionId: string; ownerId: string | null; saId: string | null; marcommId: string | null;
  valueMinor: number; currency: string; expectedDecisionDate: string | null; principalInvolvement: string | null;
  stage: string; outcome: string; outcomeReason: string | null; stageEnteredAt: string; lastActivityAt: string | null;
  searchText: string; createdAt: string; updatedAt: string;
}
export interface SeedHistoryRow {
  id: string; journeyId: string; seq: number; kind: string; fromStage: string | null; toStage: string; outcome: string;
  rogersStage: string; aidasSteps: string; reason: string | null; note: string | null; actorId: string | null; at: string;
  /** The playbook's columns, as the journeys service writes them (unmetGates: UnmetGate[] of domain/gates). */
  overrideReason: string | null; unmetGates: readonly unknown[] | null; pipelineId: string; pipelineVersion: number;
}
export interface SeedGateTick { id: string; journeyId: string; gateId: string; note: string; tickedBy: string | null; at: string }
export interface SeedInventoryItem {
  id: string; accountId: string; category: string; vendor: string; product: string; productVersion: string | null;
  endOfLife: string | null; criticality: number; createdAt: string; updatedAt: string;
}
export interface SeedRisk {
  id: string; accountId: string; threat: string; category: string; likelihood: number; impact: number; mitigationStatus: string;
  ownerId: string | null; version: number; createdAt: string; updatedAt: string;
}
export interface SeedActivity {
  id: string; type: string; subject: string; notes: string | null; occurredAt: string; accountId: string; journeyId: string | null;
  outcome: string | null; nextStep: string | null; createdBy: string | null;
}
export interface SeedParticipant { activityId: string; participantType: 'user' | 'contact'; participantId: string }
export interface SeedTask {
  id: string; title: string; notes: string | null; assigneeId: string | null; dueAt: string | null; status: string;
  relatedType: string | null; relatedId: string | null; accountId: string | null; source: string; createdBy: string | null;
  completedAt: string | null; createdAt: string; updatedAt: string;
}

/** Every table the generator fills, with its record type, in an order that satisfies the foreign keys. */
export interface SeedRecords {
  teams: SeedTeam;
  users: SeedUser;
  principals: SeedPrincipal;
  solutions: SeedSolution;
  solution_principals: SeedSolutionPrincipal;
  exchange_rates: SeedExchangeRate;
  accounts: SeedAccount;
  contacts: SeedContact;
  it_inventory_items: SeedInventoryItem;
  it_risks: SeedRisk;
  journeys: SeedJourney;
  journey_stage_history: SeedHistoryRow;
  activities: SeedActivity;
  activity_participants: SeedParticipant;
  journey_gate_ticks: SeedGateTick;
  tasks: SeedTask;
}
export type SeedTable = keyof SeedRecords;
export const seedTables = [
  'teams', 'users', 'principals', 'solutions', 'solution_principals', 'exchange_rates', 'accounts', 'contacts',
  'it_inventory_items', 'it_risks', 'journeys', 'journey_stage_history', 'activities', 'activity_participants',
  'journey_gate_ticks', 'tasks',
] as const satisfies readonly SeedTable[];

type PgType = 'text' | 'timestamptz' | 'date' | 'integer' | 'bigint' | 'double precision' | 'boolean' | 'jsonb';
type Column<R> = readonly [name: string, pgType: PgType, value: (record: R, dialect: DialectName) => unknown];
type Columns = { [T in SeedTable]: readonly Column<SeedRecords[T]>[] };

const columns: Columns = {
  teams: [
    ['id', 'text', (r) => r.id], ['name', 'text', (r) => r.name], ['manager_id', 'text', (r) => r.managerId],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.createdAt],
  ],
  users: [
    ['id', 'text', (r) => r.id], ['email', 'text', (r) => r.email], ['name', 'text', (r) => r.name],
    ['password_hash', 'text', (r) => r.passwordHash], ['role', 'text', (r) => r.role], ['team_id', 'text', (r) => r.teamId],
    ['locale', 'text', (r) => r.locale], ['time_zone', 'text', () => 'Asia/Jakarta'], ['active', 'boolean', (_r, d) => toDbBool(d, true)],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.createdAt],
  ],
  principals: [
    ['id', 'text', (r) => r.id], ['name', 'text', (r) => r.name], ['website', 'text', (r) => r.website], ['country', 'text', (r) => r.country],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.createdAt],
  ],
  solutions: [
    ['id', 'text', (r) => r.id], ['name', 'text', (r) => r.name], ['category', 'text', (r) => r.category],
    ['description', 'text', (r) => r.description], ['launch_date', 'date', (r) => r.launchDate],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.createdAt],
  ],
  solution_principals: [['solution_id', 'text', (r) => r.solutionId], ['principal_id', 'text', (r) => r.principalId]],
  exchange_rates: [
    ['currency', 'text', (r) => r.currency], ['valid_from', 'date', (r) => r.validFrom], ['rate', 'double precision', (r) => r.rate],
    ['created_at', 'timestamptz', (r) => r.createdAt],
  ],
  accounts: [
    ['id', 'text', (r) => r.id], ['name', 'text', (r) => r.name], ['industry', 'text', (r) => r.industry], ['size_band', 'text', (r) => r.sizeBand],
    ['tier', 'text', (r) => r.tier], ['city', 'text', (r) => r.city], ['province', 'text', (r) => r.province], ['region', 'text', (r) => r.region],
    ['relationship', 'text', (r) => r.relationship], ['owner_id', 'text', (r) => r.ownerId], ['team_id', 'text', (r) => r.teamId],
    ['website', 'text', (r) => r.website], ['phone', 'text', (r) => r.phone], ['search_text', 'text', (r) => r.searchText],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
  contacts: [
    ['id', 'text', (r) => r.id], ['account_id', 'text', (r) => r.accountId], ['full_name', 'text', (r) => r.fullName], ['title', 'text', (r) => r.title],
    ['division', 'text', (r) => r.division], ['seniority', 'text', (r) => r.seniority], ['age_band', 'text', (r) => r.ageBand],
    ['tech_proficiency', 'text', (r) => r.techProficiency], ['influence', 'text', (r) => r.influence], ['openness', 'text', (r) => r.openness],
    ['email', 'text', (r) => r.email], ['phone', 'text', (r) => r.phone], ['whatsapp', 'text', (r) => r.whatsapp], ['linkedin', 'text', (r) => r.linkedin],
    ['channels', 'jsonb', (r) => toDbJson(r.channels)], ['consents', 'jsonb', (r) => toDbJson(r.consents)], ['search_text', 'text', (r) => r.searchText],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
  journeys: [
    ['id', 'text', (r) => r.id], ['account_id', 'text', (r) => r.accountId], ['solution_id', 'text', (r) => r.solutionId],
    ['owner_id', 'text', (r) => r.ownerId], ['sa_id', 'text', (r) => r.saId], ['marcomm_id', 'text', (r) => r.marcommId],
    ['value_minor', 'bigint', (r) => r.valueMinor], ['currency', 'text', (r) => r.currency],
    ['expected_decision_date', 'date', (r) => r.expectedDecisionDate], ['principal_involvement', 'text', (r) => r.principalInvolvement],
    ['stage', 'text', (r) => r.stage], ['outcome', 'text', (r) => r.outcome], ['outcome_reason', 'text', (r) => r.outcomeReason],
    ['stage_entered_at', 'timestamptz', (r) => r.stageEnteredAt], ['last_activity_at', 'timestamptz', (r) => r.lastActivityAt],
    ['search_text', 'text', (r) => r.searchText], ['version', 'integer', () => 1],
    ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
  journey_stage_history: [
    ['id', 'text', (r) => r.id], ['journey_id', 'text', (r) => r.journeyId], ['seq', 'integer', (r) => r.seq], ['kind', 'text', (r) => r.kind],
    ['from_stage', 'text', (r) => r.fromStage], ['to_stage', 'text', (r) => r.toStage], ['outcome', 'text', (r) => r.outcome],
    ['rogers_stage', 'text', (r) => r.rogersStage], ['aidas_steps', 'text', (r) => r.aidasSteps], ['reason', 'text', (r) => r.reason],
    ['note', 'text', (r) => r.note], ['actor_id', 'text', (r) => r.actorId], ['at', 'timestamptz', (r) => r.at],
    ['override_reason', 'text', (r) => r.overrideReason], ['unmet_gates', 'jsonb', (r) => (r.unmetGates === null ? null : toDbJson(r.unmetGates))],
    ['pipeline_id', 'text', (r) => r.pipelineId], ['pipeline_version', 'integer', (r) => r.pipelineVersion],
  ],
  it_inventory_items: [
    ['id', 'text', (r) => r.id], ['account_id', 'text', (r) => r.accountId], ['category', 'text', (r) => r.category],
    ['vendor', 'text', (r) => r.vendor], ['product', 'text', (r) => r.product], ['product_version', 'text', (r) => r.productVersion],
    ['end_of_life', 'date', (r) => r.endOfLife], ['criticality', 'integer', (r) => r.criticality], ['version', 'integer', () => 1],
    ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
  it_risks: [
    ['id', 'text', (r) => r.id], ['account_id', 'text', (r) => r.accountId], ['threat', 'text', (r) => r.threat], ['category', 'text', (r) => r.category],
    ['likelihood', 'integer', (r) => r.likelihood], ['impact', 'integer', (r) => r.impact], ['mitigation_status', 'text', (r) => r.mitigationStatus],
    ['owner_id', 'text', (r) => r.ownerId], ['version', 'integer', (r) => r.version],
    ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
  journey_gate_ticks: [
    ['id', 'text', (r) => r.id], ['journey_id', 'text', (r) => r.journeyId], ['gate_id', 'text', (r) => r.gateId], ['note', 'text', (r) => r.note],
    ['ticked_by', 'text', (r) => r.tickedBy], ['at', 'timestamptz', (r) => r.at],
  ],
  activities: [
    ['id', 'text', (r) => r.id], ['type', 'text', (r) => r.type], ['subject', 'text', (r) => r.subject], ['notes', 'text', (r) => r.notes],
    ['occurred_at', 'timestamptz', (r) => r.occurredAt], ['account_id', 'text', (r) => r.accountId], ['journey_id', 'text', (r) => r.journeyId],
    ['outcome', 'text', (r) => r.outcome], ['next_step', 'text', (r) => r.nextStep], ['created_by', 'text', (r) => r.createdBy],
    ['version', 'integer', () => 1], ['created_at', 'timestamptz', (r) => r.occurredAt], ['updated_at', 'timestamptz', (r) => r.occurredAt],
  ],
  activity_participants: [
    ['activity_id', 'text', (r) => r.activityId], ['participant_type', 'text', (r) => r.participantType], ['participant_id', 'text', (r) => r.participantId],
  ],
  tasks: [
    ['id', 'text', (r) => r.id], ['title', 'text', (r) => r.title], ['notes', 'text', (r) => r.notes], ['assignee_id', 'text', (r) => r.assigneeId],
    ['due_at', 'timestamptz', (r) => r.dueAt], ['status', 'text', (r) => r.status], ['related_type', 'text', (r) => r.relatedType],
    ['related_id', 'text', (r) => r.relatedId], ['account_id', 'text', (r) => r.accountId], ['source', 'text', (r) => r.source],
    ['created_by', 'text', (r) => r.createdBy], ['completed_at', 'timestamptz', (r) => r.completedAt], ['version', 'integer', () => 1],
    ['created_at', 'timestamptz', (r) => r.createdAt], ['updated_at', 'timestamptz', (r) => r.updatedAt],
  ],
};

/** Rows per insert batch (PostgreSQL: one statement; SQLite: a few statements under the variable limit). */
export const SEED_BATCH_ROWS = 5000;
/** SQLite binds at most 32,766 variables per statement (3.32+); stay below it. */
const SQLITE_MAX_VARIABLES = 32000;

export class SeedRepository {
  private readonly sqliteStatements = new Map<string, string>();

  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
    /** Set when bound to a transaction that `transaction()` opened: inserts then join it. */
    private readonly inTransaction = false,
  ) {}

  /** Runs `work` in one transaction; the repository it gets inserts inside it. */
  transaction<T>(work: (repo: SeedRepository) => Promise<T>): Promise<T> {
    return this.db.transaction().execute(async (trx) => {
      if (this.dialect === 'postgres') await sql`set local synchronous_commit = off`.execute(trx);
      return work(new SeedRepository(trx, this.dialect, true));
    });
  }

  /** Whether anyone can sign in already: the seeder only fills an empty workspace. */
  async hasUsers(): Promise<boolean> {
    const row = await this.db.selectFrom('users').select('id').limit(1).executeTakeFirst();
    return row !== undefined;
  }

  /** The version of the default pipeline the migration seeded: history rows record the version in force. */
  async defaultPipelineVersion(pipelineId: string): Promise<number> {
    const row = await this.db.selectFrom('pipelines').select('version').where('id', '=', pipelineId).executeTakeFirst();
    return row ? Number(row.version) : 1;
  }

  /**
   * Loader settings for the bulk load. SQLite: no fsync per transaction (a crash mid-seed
   * leaves a workspace to throw away anyway); restored by `endBulkLoad`.
   */
  async beginBulkLoad(): Promise<void> {
    if (this.dialect === 'sqlite') {
      await sql`pragma synchronous = OFF`.execute(this.db);
    }
  }

  /**
   * Restores the normal settings and refreshes the planner's statistics for the new data. On
   * PostgreSQL it also vacuums, as after any bulk load: until a table's visibility map is set,
   * its index-only scans (the analytics rollups' quantile reads) must visit the heap, and a
   * server with autovacuum off would never set it.
   */
  async endBulkLoad(): Promise<void> {
    if (this.dialect === 'sqlite') {
      await sql`pragma synchronous = NORMAL`.execute(this.db);
      await sql`analyze`.execute(this.db);
      await sql`pragma wal_checkpoint(TRUNCATE)`.execute(this.db);
    } else {
      await sql`vacuum (analyze)`.execute(this.db);
    }
  }

  /**
   * Inserts the records in statements of at most SEED_BATCH_ROWS rows: inside the caller's
   * transaction when bound to one, otherwise one transaction per statement batch.
   */
  async insert<T extends SeedTable>(table: T, records: readonly SeedRecords[T][]): Promise<void> {
    for (let start = 0; start < records.length; start += SEED_BATCH_ROWS) {
      const batch = records.slice(start, start + SEED_BATCH_ROWS);
      if (this.inTransaction) await this.write(this.db, table, batch);
      else await this.transaction((repo) => repo.write(repo.db, table, batch));
    }
  }

  private async write<T extends SeedTable>(db: Kysely<Schema>, table: T, batch: readonly SeedRecords[T][]): Promise<void> {
    if (this.dialect === 'postgres') await db.executeQuery(this.postgresInsert(table, batch));
    else for (const query of this.sqliteInserts(table, batch)) await db.executeQuery(query);
  }

  /** PostgreSQL: one statement per batch, one array parameter per column (no 65,535-parameter limit to mind). */
  private postgresInsert<T extends SeedTable>(table: T, records: readonly SeedRecords[T][]): CompiledQuery {
    const cols = columns[table] as readonly Column<SeedRecords[T]>[];
    const arrays = cols.map(([, , value]) => records.map((r) => value(r, 'postgres')));
    const names = cols.map(([name]) => name).join(', ');
    const unnest = cols.map(([, type], i) => `$${i + 1}::${type === 'jsonb' ? 'text' : type}[]`).join(', ');
    const select = cols.map(([name, type]) => (type === 'jsonb' ? `${name}::jsonb` : name)).join(', ');
    const aliases = cols.map(([name]) => name).join(', ');
    return CompiledQuery.raw(`insert into ${table} (${names}) select ${select} from unnest(${unnest}) as t(${aliases})`, arrays);
  }

  /** SQLite: multi-row VALUES statements as large as the variable limit allows. */
  private sqliteInserts<T extends SeedTable>(table: T, records: readonly SeedRecords[T][]): CompiledQuery[] {
    const cols = columns[table] as readonly Column<SeedRecords[T]>[];
    const perStatement = Math.max(1, Math.floor(SQLITE_MAX_VARIABLES / cols.length));
    const queries: CompiledQuery[] = [];
    for (let start = 0; start < records.length; start += perStatement) {
      const chunk = records.slice(start, start + perStatement);
      const params: unknown[] = [];
      for (const record of chunk) for (const [, , value] of cols) params.push(value(record, 'sqlite'));
      queries.push(CompiledQuery.raw(this.sqliteStatement(table, cols.map(([name]) => name), chunk.length), params));
    }
    return queries;
  }

  private sqliteStatement(table: string, names: readonly string[], rows: number): string {
    const key = `${table}:${rows}`;
    let text = this.sqliteStatements.get(key);
    if (!text) {
      const row = `(${names.map(() => '?').join(',')})`;
      text = `insert into ${table} (${names.join(', ')}) values ${Array.from({ length: rows }, () => row).join(',')}`;
      this.sqliteStatements.set(key, text);
    }
    return text;
  }
}
