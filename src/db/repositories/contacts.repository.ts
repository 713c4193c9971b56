import type { Kysely, Selectable } from 'kysely';
import type { Consent, Contact, ContactListQuery } from '../../shared/schemas/contacts.js';
import type { ContactChannel } from '../../shared/vocabulary.js';
import type { ContactsTable, Schema } from '../schema.js';
import { containsLower, fromDbJson, searchText, toDbJson } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

const sortColumns = { fullName: 'full_name', createdAt: 'created_at', updatedAt: 'updated_at' } as const;

export function toContact(row: Selectable<ContactsTable>): Contact {
  return {
    id: row.id,
    accountId: row.account_id,
    fullName: row.full_name,
    title: row.title,
    division: row.division as Contact['division'],
    seniority: row.seniority as Contact['seniority'],
    ageBand: row.age_band as Contact['ageBand'],
    techProficiency: row.tech_proficiency as Contact['techProficiency'],
    influence: row.influence as Contact['influence'],
    openness: row.openness as Contact['openness'],
    email: row.email,
    phone: row.phone,
    whatsapp: row.whatsapp,
    linkedin: row.linkedin,
    channels: fromDbJson<ContactChannel[]>(row.channels),
    consents: fromDbJson<Consent[]>(row.consents),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ContactValues = Omit<Contact, 'version' | 'createdAt' | 'updatedAt'>;

function contactSearchText(c: Pick<Contact, 'fullName' | 'title' | 'email'>): string {
  return searchText(c.fullName, c.title, c.email);
}

export class ContactsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async findById(id: string): Promise<Contact | null> {
    const row = await this.db
      .selectFrom('contacts')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toContact(row) : null;
  }

  /** The live contacts among `ids` with the account each belongs to. */
  async accountsOf(ids: readonly string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('contacts')
      .select(['id', 'account_id'])
      .where('id', 'in', ids)
      .where('deleted_at', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.id, r.account_id]));
  }

  async insert(values: ContactValues, now: string): Promise<Contact> {
    const row = await this.db
      .insertInto('contacts')
      .values({
        id: values.id,
        account_id: values.accountId,
        full_name: values.fullName,
        title: values.title,
        division: values.division,
        seniority: values.seniority,
        age_band: values.ageBand,
        tech_proficiency: values.techProficiency,
        influence: values.influence,
        openness: values.openness,
        email: values.email,
        phone: values.phone,
        whatsapp: values.whatsapp,
        linkedin: values.linkedin,
        channels: toDbJson(values.channels),
        consents: toDbJson(values.consents),
        search_text: contactSearchText(values),
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toContact(row);
  }

  /** Writes the new values only if the stored version is `expectedVersion`; null when it is not. */
  async update(next: Contact, expectedVersion: number, now: string): Promise<Contact | null> {
    const row = await this.db
      .updateTable('contacts')
      .set({
        account_id: next.accountId,
        full_name: next.fullName,
        title: next.title,
        division: next.division,
        seniority: next.seniority,
        age_band: next.ageBand,
        tech_proficiency: next.techProficiency,
        influence: next.influence,
        openness: next.openness,
        email: next.email,
        phone: next.phone,
        whatsapp: next.whatsapp,
        linkedin: next.linkedin,
        channels: toDbJson(next.channels),
        consents: toDbJson(next.consents),
        search_text: contactSearchText(next),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toContact(row) : null;
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'contacts', id, expectedVersion, now);
  }

  async list(query: ContactListQuery): Promise<Page<Contact>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = desc ? 'desc' : 'asc';

    let q = this.db.selectFrom('contacts').selectAll().where('deleted_at', 'is', null);
    if (query.accountId) q = q.where('account_id', '=', query.accountId);
    if (query.division) q = q.where('division', 'in', query.division);
    if (query.seniority) q = q.where('seniority', 'in', query.seniority);
    if (query.techProficiency) q = q.where('tech_proficiency', 'in', query.techProficiency);
    if (query.influence) q = q.where('influence', 'in', query.influence);
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where(({ ref }) => containsLower(ref('search_text'), needle));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    return toPage(rows.map(toContact), query.limit, (c) => c[key]);
  }
}
