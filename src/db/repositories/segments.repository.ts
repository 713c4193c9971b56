import { sql, type Kysely, type RawBuilder, type Selectable, type SqlBool } from 'kysely';
import {
  asciiLower,
  dayAfter,
  dayStart,
  formatIssuePath,
  segmentFieldsById,
  validateRule,
  windowStart,
  type DaysWindow,
  type SegmentCondition,
  type SegmentRule,
  type StageValue,
} from '../../domain/segmentRules.js';
import { AppError } from '../../shared/errors.js';
import { MAX_SEGMENTS, type Segment, type SegmentCount, type SegmentKind, type SegmentPreviewItem } from '../../shared/schemas/segments.js';
import type { DialectName } from '../database.js';
import { escapeLike, fromDbJson, toDbJson } from '../dialect.js';
import type { Schema, SegmentsTable } from '../schema.js';
import { softDeleteVersioned } from '../versioned.js';

/**
 * The segment compiler: a validated rule tree (src/domain/segmentRules.ts) becomes one SQL
 * condition over `contacts c` joined to `accounts a`. Every value the rule carries is a bound
 * parameter — column names come from the fixed map below, never from the rule — and each
 * condition is two-valued (a missing value is false, not NULL), so `not` is the plain
 * complement, exactly as the in-memory evaluator defines it.
 */

type Cond = RawBuilder<SqlBool>;

const TRUE: Cond = sql<SqlBool>`(1 = 1)`;
const FALSE: Cond = sql<SqlBool>`(1 = 0)`;

/** Columns of the plain (non-behavioural) fields. */
const columns: Record<string, { ref: string; nullable: boolean }> = {
  'account.city': { ref: 'a.city', nullable: false },
  'account.province': { ref: 'a.province', nullable: false },
  'account.region': { ref: 'a.region', nullable: false },
  'account.size_band': { ref: 'a.size_band', nullable: false },
  'account.industry': { ref: 'a.industry', nullable: false },
  'account.tier': { ref: 'a.tier', nullable: false },
  'account.relationship': { ref: 'a.relationship', nullable: false },
  'account.name': { ref: 'a.name', nullable: false },
  'account.created_at': { ref: 'a.created_at', nullable: false },
  'contact.age_band': { ref: 'c.age_band', nullable: true },
  'contact.division': { ref: 'c.division', nullable: false },
  'contact.seniority': { ref: 'c.seniority', nullable: false },
  'contact.title': { ref: 'c.title', nullable: true },
  'contact.created_at': { ref: 'c.created_at', nullable: false },
  'contact.tech_proficiency': { ref: 'c.tech_proficiency', nullable: false },
  'contact.influence': { ref: 'c.influence', nullable: false },
  'contact.openness': { ref: 'c.openness', nullable: false },
  'contact.email': { ref: 'c.email', nullable: true },
  'contact.phone': { ref: 'c.phone', nullable: true },
  'contact.whatsapp': { ref: 'c.whatsapp', nullable: true },
};

/**
 * Lower-cases ASCII letters only, as SQLite's built-in lower() does; PostgreSQL's lower()
 * follows the collation, and under "C" it too folds ASCII only — so both databases agree.
 */
function lowerAscii(dialect: DialectName, expr: RawBuilder<unknown>): RawBuilder<string> {
  return dialect === 'postgres' ? sql<string>`lower(${expr} collate "C")` : sql<string>`lower(${expr})`;
}

function list(values: readonly unknown[]): RawBuilder<unknown> {
  return sql`(${sql.join(values.map((v) => sql`${v}`))})`;
}

function adoptedJourneys(extra: RawBuilder<unknown> | null): RawBuilder<unknown> {
  return sql`select 1 from journeys j where j.account_id = a.id and j.deleted_at is null and j.outcome = ${'adopted'}${extra ? sql` and ${extra}` : sql``}`;
}

function activityExists(fieldId: string, w: DaysWindow, now: string): Cond {
  const types = w.types && w.types.length > 0 ? sql` and x.type in ${list(w.types)}` : sql``;
  const window = sql`x.deleted_at is null and x.occurred_at >= ${windowStart(now, w.days)} and x.occurred_at <= ${now}${types}`;
  if (fieldId === 'contact.activity') {
    // Uncorrelated: the window's activities are found once through activities_occurred_idx,
    // rather than every contact's whole participation history being read.
    return sql<SqlBool>`c.id in (select p.participant_id from activities x inner join activity_participants p on p.activity_id = x.id where p.participant_type = ${'contact'} and ${window})`;
  }
  return sql<SqlBool>`exists (select 1 from activities x where x.account_id = a.id and ${window})`;
}

function compileCondition(dialect: DialectName, c: SegmentCondition, now: string): Cond {
  const f = segmentFieldsById.get(c.field);
  if (!f) throw new Error(`unknown segment field ${c.field}`);

  if (f.type === 'activity') {
    const hit = activityExists(f.id, c.value as DaysWindow, now);
    return c.op === 'within_days' ? hit : sql<SqlBool>`not ${hit}`;
  }
  if (f.id === 'journey.adopted') {
    if (c.op === 'exists') return (c.value ?? true) ? sql<SqlBool>`exists (${adoptedJourneys(null)})` : sql<SqlBool>`not exists (${adoptedJourneys(null)})`;
    const ids = c.op === 'eq' ? [c.value] : (c.value as unknown[]);
    return sql<SqlBool>`exists (${adoptedJourneys(sql`j.solution_id in ${list(ids)}`)})`;
  }
  if (f.id === 'account.customer') {
    return c.value === true ? sql<SqlBool>`exists (${adoptedJourneys(null)})` : sql<SqlBool>`not exists (${adoptedJourneys(null)})`;
  }
  if (f.id === 'account.adopted_count') {
    const count = sql`(select count(*) from journeys j where j.account_id = a.id and j.deleted_at is null and j.outcome = ${'adopted'})`;
    if (c.op === 'eq') return sql<SqlBool>`${count} = ${c.value}`;
    const [lo, hi] = c.value as [number, number];
    return sql<SqlBool>`(${count} >= ${lo} and ${count} <= ${hi})`;
  }
  if (f.id === 'journey.stage') {
    const v = c.value as StageValue;
    const solution = v.solutionId != null ? sql` and j.solution_id = ${v.solutionId}` : sql``;
    return sql<SqlBool>`exists (select 1 from journeys j where j.account_id = a.id and j.deleted_at is null and j.outcome = ${'open'} and j.stage in ${list(v.stages)}${solution})`;
  }

  const column = columns[f.id];
  if (!column) throw new Error(`no column for segment field ${f.id}`);
  const ref = sql.ref(column.ref);
  if (c.op === 'exists') return (c.value ?? true) ? sql<SqlBool>`(${ref} is not null)` : sql<SqlBool>`(${ref} is null)`;

  const text = f.type === 'string';
  const lhs = text ? lowerAscii(dialect, ref) : ref;
  const rhs = (v: unknown) => (text && typeof v === 'string' ? asciiLower(v) : v);
  let cond: RawBuilder<unknown>;
  switch (c.op) {
    case 'eq':
      cond = sql`${lhs} = ${rhs(c.value)}`;
      break;
    case 'in':
      cond = sql`${lhs} in ${list((c.value as unknown[]).map(rhs))}`;
      break;
    case 'contains':
      cond = sql`${lowerAscii(dialect, ref)} like ${`%${escapeLike(asciiLower(c.value as string))}%`} escape '\\'`;
      break;
    case 'between': {
      const [lo, hi] = c.value as [string | number, string | number];
      cond =
        f.type === 'date'
          ? sql`${ref} >= ${dayStart(lo as string)} and ${ref} < ${dayAfter(hi as string)}`
          : sql`${ref} >= ${lo} and ${ref} <= ${hi}`;
      break;
    }
    case 'before':
      cond = sql`${ref} < ${dayStart(c.value as string)}`;
      break;
    case 'after':
      cond = sql`${ref} >= ${dayAfter(c.value as string)}`;
      break;
    case 'within_days':
      cond = sql`${ref} >= ${windowStart(now, (c.value as DaysWindow).days)} and ${ref} <= ${now}`;
      break;
    case 'not_within_days':
      cond = sql`not (${ref} >= ${windowStart(now, (c.value as DaysWindow).days)} and ${ref} <= ${now})`;
      break;
    default:
      throw new Error(`operator ${c.op} does not apply to ${f.id}`);
  }
  return column.nullable ? sql<SqlBool>`(${ref} is not null and ${cond})` : sql<SqlBool>`(${cond})`;
}

/** The rule as one SQL condition over `c` (contacts) and `a` (accounts). */
export function compileRule(dialect: DialectName, rule: SegmentRule, now: string): Cond {
  if ('all' in rule) return rule.all.length === 0 ? TRUE : sql<SqlBool>`(${sql.join(rule.all.map((r) => compileRule(dialect, r, now)), sql` and `)})`;
  if ('any' in rule) return rule.any.length === 0 ? FALSE : sql<SqlBool>`(${sql.join(rule.any.map((r) => compileRule(dialect, r, now)), sql` or `)})`;
  if ('not' in rule) return sql<SqlBool>`(not ${compileRule(dialect, rule.not, now)})`;
  return compileCondition(dialect, rule, now);
}

/** Refuses a rule the catalogue does not accept: the compiler only ever sees validated rules. */
export function assertValidRule(rule: SegmentRule, base: (string | number)[] = ['body', 'rule']): void {
  const issues = validateRule(rule, base);
  if (issues.length > 0) {
    throw new AppError('validation_failed', { issues: issues.map((i) => ({ field: formatIssuePath(i.path), reason: i.reason })) });
  }
}

/**
 * The live contacts (with their account) that match `rule` at `now`, as a select of
 * `contact_id` and `account_id` that other repositories embed as a subquery, e.g.
 * `db.selectFrom(segmentMembersQuery(db, dialect, rule, now).as('m'))`.
 */
export function segmentMembersQuery(db: Kysely<Schema>, dialect: DialectName, rule: SegmentRule, now: string) {
  assertValidRule(rule, ['rule']);
  return db
    .selectFrom('contacts as c')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['c.id as contact_id', 'c.account_id as account_id'])
    .where('c.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null)
    .where(compileRule(dialect, rule, now));
}

/** A segment's members whatever its kind: the rule now (dynamic) or the frozen list (static). */
export function segmentMembersOf(db: Kysely<Schema>, dialect: DialectName, segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string) {
  if (segment.kind === 'dynamic') return segmentMembersQuery(db, dialect, segment.rule, now);
  return db
    .selectFrom('segment_members as m')
    .innerJoin('contacts as c', 'c.id', 'm.contact_id')
    .innerJoin('accounts as a', 'a.id', 'c.account_id')
    .select(['m.contact_id as contact_id', 'c.account_id as account_id'])
    .where('m.segment_id', '=', segment.id)
    .where('c.deleted_at', 'is', null)
    .where('a.deleted_at', 'is', null);
}

export interface SegmentValues {
  id: string;
  name: string;
  description: string | null;
  rule: SegmentRule;
  ownerId: string | null;
}

type SegmentRow = Selectable<SegmentsTable> & { member_count: number | string | null };

function toSegment(r: SegmentRow): Segment {
  const kind = r.kind as SegmentKind;
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    rule: fromDbJson<SegmentRule>(r.rule),
    kind,
    ownerId: r.owner_id,
    frozenAt: r.frozen_at,
    memberCount: kind === 'static' ? Number(r.member_count ?? 0) : null,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export class SegmentsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  private selectSegments() {
    return this.db
      .selectFrom('segments as s')
      .selectAll('s')
      .select((eb) =>
        eb
          .selectFrom('segment_members as m')
          .innerJoin('contacts as c', 'c.id', 'm.contact_id')
          .innerJoin('accounts as a', 'a.id', 'c.account_id')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('m.segment_id', '=', 's.id')
          .where('c.deleted_at', 'is', null)
          .where('a.deleted_at', 'is', null)
          .as('member_count'),
      )
      .where('s.deleted_at', 'is', null);
  }

  async list(): Promise<Segment[]> {
    const rows = await this.selectSegments().orderBy('s.name').orderBy('s.id').limit(MAX_SEGMENTS).execute();
    return rows.map(toSegment);
  }

  async findById(id: string): Promise<Segment | null> {
    const row = await this.selectSegments().where('s.id', '=', id).executeTakeFirst();
    return row ? toSegment(row) : null;
  }

  async insert(v: SegmentValues, now: string): Promise<Segment> {
    await this.db
      .insertInto('segments')
      .values({
        id: v.id,
        name: v.name,
        description: v.description,
        rule: toDbJson(v.rule),
        kind: 'dynamic',
        owner_id: v.ownerId,
        frozen_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return (await this.findById(v.id)) as Segment;
  }

  /** Compare-and-set on version: null when someone else wrote first. Back to dynamic drops the frozen members. */
  async update(v: SegmentValues & { kind: SegmentKind }, expectedVersion: number, now: string): Promise<Segment | null> {
    const result = await this.db
      .updateTable('segments')
      .set({
        name: v.name,
        description: v.description,
        rule: toDbJson(v.rule),
        kind: v.kind,
        ...(v.kind === 'dynamic' ? { frozen_at: null } : {}),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    if (v.kind === 'dynamic') await this.db.deleteFrom('segment_members').where('segment_id', '=', v.id).execute();
    return this.findById(v.id);
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'segments', id, expectedVersion, now);
  }

  /** Live contacts matching a rule, and their distinct accounts. */
  async count(rule: SegmentRule, now: string): Promise<SegmentCount> {
    const row = await this.db
      .selectFrom(segmentMembersQuery(this.db, this.dialect, rule, now).as('m'))
      .select((eb) => [eb.fn.countAll<number>().as('contacts'), eb.fn.count<number>('m.account_id').distinct().as('accounts')])
      .executeTakeFirstOrThrow();
    return { contacts: Number(row.contacts), accounts: Number(row.accounts) };
  }

  /** The first `limit` matching contacts by name, with their account. */
  async preview(rule: SegmentRule, limit: number, now: string): Promise<SegmentPreviewItem[]> {
    const rows = await segmentMembersQuery(this.db, this.dialect, rule, now)
      .select(['c.full_name', 'c.title', 'c.division', 'c.seniority', 'a.name as account_name', 'a.city'])
      .orderBy('c.full_name')
      .orderBy('c.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      contactId: r.contact_id,
      fullName: r.full_name,
      title: r.title,
      division: r.division,
      seniority: r.seniority,
      accountId: r.account_id,
      accountName: r.account_name,
      city: r.city,
    }));
  }

  /**
   * Freezes the segment as a static list of the contacts its rule matches at `now`
   * (replacing an earlier freeze). Null when the version is stale. Run it in a transaction.
   */
  async freeze(id: string, expectedVersion: number, now: string): Promise<Segment | null> {
    const current = await this.findById(id);
    if (!current || current.version !== expectedVersion) return null;
    const result = await this.db
      .updateTable('segments')
      .set({ kind: 'static', frozen_at: now, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    await this.db.deleteFrom('segment_members').where('segment_id', '=', id).execute();
    await this.db
      .insertInto('segment_members')
      .columns(['segment_id', 'contact_id', 'account_id'])
      .expression(
        this.db
          .selectFrom(segmentMembersQuery(this.db, this.dialect, current.rule, now).as('q'))
          .select([sql<string>`cast(${id} as text)`.as('segment_id'), 'q.contact_id', 'q.account_id']),
      )
      .execute();
    return this.findById(id);
  }

  /** A saved segment's first members by name (the frozen list of a static one), with the totals. */
  async memberPreview(segment: Pick<Segment, 'id' | 'kind' | 'rule'>, limit: number, now: string): Promise<{ items: SegmentPreviewItem[] } & SegmentCount> {
    const members = segmentMembersOf(this.db, this.dialect, segment, now).as('m');
    const [rows, totals] = await Promise.all([
      this.db
        .selectFrom(members)
        .innerJoin('contacts as mc', 'mc.id', 'm.contact_id')
        .innerJoin('accounts as ma', 'ma.id', 'm.account_id')
        .select(['m.contact_id', 'm.account_id', 'mc.full_name', 'mc.title', 'mc.division', 'mc.seniority', 'ma.name as account_name', 'ma.city'])
        .orderBy('mc.full_name')
        .orderBy('mc.id')
        .limit(limit)
        .execute(),
      this.db
        .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('t'))
        .select((eb) => [eb.fn.countAll<number>().as('contacts'), eb.fn.count<number>('t.account_id').distinct().as('accounts')])
        .executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        contactId: r.contact_id,
        fullName: r.full_name,
        title: r.title,
        division: r.division,
        seniority: r.seniority,
        accountId: r.account_id,
        accountName: r.account_name,
        city: r.city,
      })),
      contacts: Number(totals.contacts),
      accounts: Number(totals.accounts),
    };
  }

  /** Dynamic: the rule evaluated now; static: the frozen list (live contacts only). Ordered by contact id. */
  async memberContacts(segmentId: string, now: string = new Date().toISOString()): Promise<Array<{ contactId: string; accountId: string }>> {
    const segment = await this.findById(segmentId);
    if (!segment) return [];
    const rows = await this.db
      .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('m'))
      .select(['m.contact_id', 'm.account_id'])
      .orderBy('m.contact_id')
      .execute();
    return rows.map((r) => ({ contactId: r.contact_id, accountId: r.account_id }));
  }

  /** Whether any member of the segment works at the account. */
  async accountInSegment(segmentId: string, accountId: string, now: string = new Date().toISOString()): Promise<boolean> {
    const segment = await this.findById(segmentId);
    if (!segment) return false;
    const row = await this.db
      .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('m'))
      .select('m.contact_id')
      .where('m.account_id', '=', accountId)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /** Which of these solution ids name live solutions. */
  async existingSolutions(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('solutions').select('id').where('id', 'in', [...ids]).where('deleted_at', 'is', null).execute();
    return new Set(rows.map((r) => r.id));
  }
}
