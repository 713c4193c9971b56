import { sql, type Kysely, type Selectable } from 'kysely';
import { callOutcomes, type CallListStatus, type CallOutcome } from '../../domain/campaigns.js';
import type { CallEntry, CallerProgress, CallList, CallEntryQuery } from '../../shared/schemas/telemarketing.js';
import type { Segment } from '../../shared/schemas/segments.js';
import type { DialectName } from '../database.js';
import { fromDbJson } from '../dialect.js';
import type { Contact } from '../../shared/schemas/contacts.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import type { CallListsTable, Schema } from '../schema.js';
import { segmentMembersOf } from './segments.repository.js';

export interface CallListValues {
  id: string;
  name: string;
  campaignId: string | null;
  segmentId: string;
  solutionId: string | null;
  createdBy: string;
}

export interface EntryValues {
  id: string;
  position: number;
  contactId: string;
  accountId: string;
  callerId: string;
}

type ListRow = Selectable<CallListsTable> & { segment_name: string | null; solution_name: string | null; total: number | string | null; called: number | string | null };

function toCallList(r: ListRow): CallList {
  return {
    id: r.id,
    name: r.name,
    campaignId: r.campaign_id,
    segmentId: r.segment_id,
    segmentName: r.segment_name,
    solutionId: r.solution_id,
    solutionName: r.solution_name,
    status: r.status as CallListStatus,
    createdBy: r.created_by,
    total: Number(r.total ?? 0),
    called: Number(r.called ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Call lists and their entries (the only SQL for them). */
export class TelemarketingRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  private selectLists() {
    return this.db
      .selectFrom('call_lists as l')
      .leftJoin('segments as g', 'g.id', 'l.segment_id')
      .leftJoin('solutions as s', 's.id', 'l.solution_id')
      .selectAll('l')
      .select(['g.name as segment_name', 's.name as solution_name'])
      .select((eb) => [
        eb.selectFrom('call_list_entries as e').select((e) => e.fn.countAll<number>().as('n')).whereRef('e.call_list_id', '=', 'l.id').as('total'),
        eb
          .selectFrom('call_list_entries as e')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('e.call_list_id', '=', 'l.id')
          .where('e.outcome', 'is not', null)
          .as('called'),
      ])
      .where('l.deleted_at', 'is', null);
  }

  /** Newest first; with `callerId`, only lists where that caller has entries. */
  async list(callerId?: string): Promise<CallList[]> {
    let q = this.selectLists();
    if (callerId) q = q.where('l.id', 'in', (eb) => eb.selectFrom('call_list_entries').select('call_list_id').where('caller_id', '=', callerId));
    const rows = await q.orderBy('l.created_at', 'desc').orderBy('l.id', 'desc').limit(500).execute();
    return rows.map(toCallList);
  }

  async findById(id: string): Promise<CallList | null> {
    const row = await this.selectLists().where('l.id', '=', id).executeTakeFirst();
    return row ? toCallList(row) : null;
  }

  async insert(v: CallListValues, now: string): Promise<void> {
    await this.db
      .insertInto('call_lists')
      .values({ id: v.id, name: v.name, campaign_id: v.campaignId, segment_id: v.segmentId, solution_id: v.solutionId, status: 'open', created_by: v.createdBy, version: 1, created_at: now, updated_at: now })
      .execute();
  }

  async setStatus(id: string, status: CallListStatus, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('call_lists')
      .set({ status, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /**
   * The segment's members at `now`, by account then contact: the order entries are dealt in.
   * Each comes with the consents on its contact record, where every phone opt-out is mirrored.
   */
  async members(segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string, limit: number): Promise<Array<{ contactId: string; accountId: string; consents: Contact['consents'] }>> {
    const rows = await this.db
      .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('m'))
      .innerJoin('contacts as c', 'c.id', 'm.contact_id')
      .select(['m.contact_id', 'm.account_id', 'c.consents'])
      .orderBy('m.account_id')
      .orderBy('m.contact_id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ contactId: r.contact_id, accountId: r.account_id, consents: fromDbJson<Contact['consents']>(r.consents) }));
  }

  async memberCount(segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string): Promise<number> {
    const row = await this.db
      .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('m'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  }

  async insertEntries(callListId: string, entries: readonly EntryValues[], now: string): Promise<void> {
    for (let i = 0; i < entries.length; i += 500) {
      const batch = entries.slice(i, i + 500);
      await this.db
        .insertInto('call_list_entries')
        .values(
          batch.map((e) => ({
            id: e.id,
            call_list_id: callListId,
            position: e.position,
            contact_id: e.contactId,
            account_id: e.accountId,
            caller_id: e.callerId,
            outcome: null,
            called_at: null,
            note: null,
            activity_id: null,
            version: 1,
            updated_at: now,
          })),
        )
        .execute();
    }
  }

  private selectEntries() {
    return this.db
      .selectFrom('call_list_entries as e')
      .innerJoin('contacts as c', 'c.id', 'e.contact_id')
      .innerJoin('accounts as a', 'a.id', 'e.account_id')
      .selectAll('e')
      .select(['c.full_name', 'c.title', 'c.phone', 'c.whatsapp', 'c.tech_proficiency', 'c.division', 'c.consents', 'a.name as account_name']);
  }

  async findEntry(id: string): Promise<StoredEntry | null> {
    const row = await this.selectEntries().where('e.id', '=', id).executeTakeFirst();
    return row ? toEntry(row) : null;
  }

  /** A list's entries in calling order. */
  async entries(callListId: string, query: Omit<CallEntryQuery, 'callerId'> & { callerId?: string }): Promise<Page<StoredEntry>> {
    let q = this.selectEntries().where('e.call_list_id', '=', callListId);
    if (query.callerId) q = q.where('e.caller_id', '=', query.callerId);
    if (query.pending === 'true') q = q.where('e.outcome', 'is', null);
    if (query.cursor) q = q.where(afterCursor(sql.ref('e.position'), sql.ref('e.id'), 'asc', decodeCursor(query.cursor)));
    const rows = await q.orderBy('e.position').orderBy('e.id').limit(query.limit + 1).execute();
    return toPage(rows.map(toEntry), query.limit, (e) => e.position);
  }

  async recordOutcome(
    id: string,
    values: { outcome: CallOutcome; note: string | null; calledAt: string; activityId: string },
    expectedVersion: number,
    now: string,
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('call_list_entries')
      .set({ outcome: values.outcome, note: values.note, called_at: values.calledAt, activity_id: values.activityId, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', id)
      .where('version', '=', expectedVersion)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  /** Per caller: entries, entries called, and the count of each outcome (one grouped query). */
  async progress(callListId: string): Promise<CallerProgress[]> {
    const rows = await this.db
      .selectFrom('call_list_entries as e')
      .innerJoin('users as u', 'u.id', 'e.caller_id')
      .select(['e.caller_id', 'u.name', 'e.outcome', (eb) => eb.fn.countAll<number>().as('n')])
      .where('e.call_list_id', '=', callListId)
      .groupBy(['e.caller_id', 'u.name', 'e.outcome'])
      .execute();
    const byCaller = new Map<string, CallerProgress>();
    for (const r of rows) {
      const p =
        byCaller.get(r.caller_id) ??
        ({ callerId: r.caller_id, callerName: r.name, total: 0, called: 0, outcomes: Object.fromEntries(callOutcomes.map((o) => [o, 0])) } as CallerProgress);
      const n = Number(r.n);
      p.total += n;
      if (r.outcome !== null) {
        p.called += n;
        p.outcomes[r.outcome as CallOutcome] += n;
      }
      byCaller.set(r.caller_id, p);
    }
    return [...byCaller.values()].sort((a, b) => a.callerName.localeCompare(b.callerName) || a.callerId.localeCompare(b.callerId));
  }
}

type EntryRow = Selectable<Schema['call_list_entries']> & {
  full_name: string;
  title: string | null;
  phone: string | null;
  whatsapp: string | null;
  tech_proficiency: string;
  division: string;
  consents: unknown;
  account_name: string;
};

/** An entry as stored, with its contact's consents (the service decides what they mean for calling). */
export type StoredEntry = Omit<CallEntry, 'doNotCall'> & { consents: Contact['consents'] };

function toEntry(r: EntryRow): StoredEntry {
  return {
    consents: fromDbJson<Contact['consents']>(r.consents),
    id: r.id,
    callListId: r.call_list_id,
    position: Number(r.position),
    contactId: r.contact_id,
    contactName: r.full_name,
    title: r.title,
    phone: r.phone,
    whatsapp: r.whatsapp,
    techProficiency: r.tech_proficiency,
    division: r.division,
    accountId: r.account_id,
    accountName: r.account_name,
    callerId: r.caller_id,
    outcome: r.outcome as CallOutcome | null,
    calledAt: r.called_at,
    note: r.note,
    version: r.version,
  };
}
