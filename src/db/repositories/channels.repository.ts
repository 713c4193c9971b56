import type { Kysely, Selectable } from 'kysely';
import type { Channel, ConsentEntry, InboundListQuery, InboundMessage, WhatsappTemplate } from '../../shared/schemas/channels.js';
import { templatePlaceholders } from '../../domain/whatsapp.js';
import type { Consent } from '../../shared/schemas/contacts.js';
import type { InboundMessagesTable, Schema, WhatsappTemplatesTable } from '../schema.js';
import { fromDbJson, isUniqueViolation, toDbJson } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';

/** SMTP settings as stored under settings key 'smtp' (the password is never sent to clients). */
export interface StoredSmtpSettings {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string | null;
  password: string | null;
  fromAddress: string;
  fromName: string | null;
}

/** WhatsApp Cloud API webhook secrets, under settings key 'whatsapp'. */
export interface StoredWhatsappSettings {
  appSecret: string | null;
  verifyToken: string | null;
}

export interface Stored<T> {
  value: T;
  updatedAt: string;
}

function toTemplate(row: Selectable<WhatsappTemplatesTable>): WhatsappTemplate {
  return {
    id: row.id,
    name: row.name,
    language: row.language as WhatsappTemplate['language'],
    body: row.body,
    placeholders: templatePlaceholders(row.body),
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

function toInbound(row: Selectable<InboundMessagesTable>): InboundMessage {
  return {
    id: row.id,
    channel: 'whatsapp',
    fromPhone: row.from_phone,
    body: row.body,
    receivedAt: row.received_at,
    providerMessageId: row.provider_message_id,
    contactId: row.contact_id,
    accountId: row.account_id,
    activityId: row.activity_id,
    status: row.status as InboundMessage['status'],
  };
}

export type TemplateValues = Omit<WhatsappTemplate, 'placeholders' | 'version' | 'createdAt' | 'updatedAt'>;

/** Channel settings, the consent log, WhatsApp templates and inbound messages. */
export class ChannelsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  // --- settings ------------------------------------------------------------------------

  private async setting<T>(key: string): Promise<Stored<T> | null> {
    const row = await this.db.selectFrom('settings').select(['value', 'updated_at']).where('key', '=', key).executeTakeFirst();
    return row ? { value: fromDbJson<T>(row.value), updatedAt: row.updated_at } : null;
  }

  private async saveSetting(key: string, value: unknown, now: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key, value: toDbJson(value), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: toDbJson(value), updated_at: now }))
      .execute();
  }

  smtpSettings(): Promise<Stored<StoredSmtpSettings> | null> {
    return this.setting<StoredSmtpSettings>('smtp');
  }

  saveSmtpSettings(settings: StoredSmtpSettings, now: string): Promise<void> {
    return this.saveSetting('smtp', settings, now);
  }

  whatsappSettings(): Promise<Stored<StoredWhatsappSettings> | null> {
    return this.setting<StoredWhatsappSettings>('whatsapp');
  }

  saveWhatsappSettings(settings: StoredWhatsappSettings, now: string): Promise<void> {
    return this.saveSetting('whatsapp', settings, now);
  }

  // --- consent log (append-only; the latest entry per contact × channel is in force) ----

  async consentLog(contactId: string): Promise<ConsentEntry[]> {
    const rows = await this.db
      .selectFrom('contact_consents')
      .selectAll()
      .where('contact_id', '=', contactId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .execute();
    return rows.map((r) => ({
      id: r.id,
      channel: r.channel as Channel,
      status: r.status as ConsentEntry['status'],
      source: r.source,
      note: r.note,
      at: r.at,
      recordedBy: r.recorded_by,
    }));
  }

  async latestConsent(contactId: string, channel: Channel): Promise<ConsentEntry | null> {
    const r = await this.db
      .selectFrom('contact_consents')
      .selectAll()
      .where('contact_id', '=', contactId)
      .where('channel', '=', channel)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r
      ? { id: r.id, channel: r.channel as Channel, status: r.status as ConsentEntry['status'], source: r.source, note: r.note, at: r.at, recordedBy: r.recorded_by }
      : null;
  }

  async appendConsent(contactId: string, entry: ConsentEntry): Promise<void> {
    await this.db
      .insertInto('contact_consents')
      .values({
        id: entry.id,
        contact_id: contactId,
        channel: entry.channel,
        status: entry.status,
        source: entry.source,
        note: entry.note,
        at: entry.at,
        recorded_by: entry.recordedBy,
      })
      .execute();
  }

  /**
   * Mirrors a consent change onto the contact record (`contacts.consents`), so that the contact as
   * read through the contacts API shows the consent in force. Bumps the contact's version: a form
   * holding the old version gets 409 rather than writing the old consent back.
   */
  async mirrorOnContact(contactId: string, consents: Consent[], now: string): Promise<void> {
    await this.db
      .updateTable('contacts')
      .set((eb) => ({ consents: toDbJson(consents), version: eb('version', '+', 1), updated_at: now }))
      .where('id', '=', contactId)
      .where('deleted_at', 'is', null)
      .execute();
  }

  // --- WhatsApp templates ----------------------------------------------------------------

  async listTemplates(): Promise<WhatsappTemplate[]> {
    const rows = await this.db.selectFrom('whatsapp_templates').selectAll().orderBy('name').orderBy('language').orderBy('id').execute();
    return rows.map(toTemplate);
  }

  async findTemplate(id: string): Promise<WhatsappTemplate | null> {
    const row = await this.db.selectFrom('whatsapp_templates').selectAll().where('id', '=', id).executeTakeFirst();
    return row ? toTemplate(row) : null;
  }

  /** Null when a template with the same name and language exists. */
  async insertTemplate(values: TemplateValues, now: string): Promise<WhatsappTemplate | null> {
    try {
      const row = await this.db
        .insertInto('whatsapp_templates')
        .values({ id: values.id, name: values.name, language: values.language, body: values.body, version: 1, created_at: now, updated_at: now })
        .returningAll()
        .executeTakeFirstOrThrow();
      return toTemplate(row);
    } catch (error) {
      if (isUniqueViolation(error)) return null;
      throw error;
    }
  }

  /** 'conflict' when the version moved on, 'duplicate' when the name and language are taken. */
  async updateTemplate(next: TemplateValues, expectedVersion: number, now: string): Promise<WhatsappTemplate | 'conflict' | 'duplicate'> {
    try {
      const row = await this.db
        .updateTable('whatsapp_templates')
        .set({ name: next.name, language: next.language, body: next.body, version: expectedVersion + 1, updated_at: now })
        .where('id', '=', next.id)
        .where('version', '=', expectedVersion)
        .returningAll()
        .executeTakeFirst();
      return row ? toTemplate(row) : 'conflict';
    } catch (error) {
      if (isUniqueViolation(error)) return 'duplicate';
      throw error;
    }
  }

  async deleteTemplate(id: string, expectedVersion: number): Promise<boolean> {
    const result = await this.db.deleteFrom('whatsapp_templates').where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
    return Number(result.numDeletedRows) === 1;
  }

  // --- inbound messages and sender matching ----------------------------------------------

  /** Live contacts whose WhatsApp number, or else phone number, is `e164`. */
  async contactsByPhone(e164: string): Promise<{ id: string; accountId: string }[]> {
    const rows = await this.db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['c.id', 'c.account_id', 'c.whatsapp'])
      .where('c.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .where((eb) => eb.or([eb('c.whatsapp', '=', e164), eb('c.phone', '=', e164)]))
      .orderBy('c.id')
      .execute();
    // A WhatsApp number is a stronger match than a phone number that happens to be the same.
    const byWhatsapp = rows.filter((r) => r.whatsapp === e164);
    return (byWhatsapp.length > 0 ? byWhatsapp : rows).map((r) => ({ id: r.id, accountId: r.account_id }));
  }

  /** Ids of the account's open, live journeys. */
  async openJourneyIds(accountId: string): Promise<string[]> {
    const rows = await this.db
      .selectFrom('journeys')
      .select('id')
      .where('account_id', '=', accountId)
      .where('outcome', '=', 'open')
      .where('deleted_at', 'is', null)
      .orderBy('id')
      .execute();
    return rows.map((r) => r.id);
  }

  async inboundByProviderId(providerMessageId: string): Promise<InboundMessage | null> {
    const row = await this.db.selectFrom('inbound_messages').selectAll().where('provider_message_id', '=', providerMessageId).executeTakeFirst();
    return row ? toInbound(row) : null;
  }

  async insertInbound(message: InboundMessage): Promise<void> {
    await this.db
      .insertInto('inbound_messages')
      .values({
        id: message.id,
        channel: message.channel,
        from_phone: message.fromPhone,
        body: message.body,
        received_at: message.receivedAt,
        provider_message_id: message.providerMessageId,
        contact_id: message.contactId,
        account_id: message.accountId,
        activity_id: message.activityId,
        status: message.status,
      })
      .execute();
  }

  async listInbound(query: InboundListQuery): Promise<Page<InboundMessage>> {
    let q = this.db.selectFrom('inbound_messages').selectAll();
    if (query.status) q = q.where('status', '=', query.status);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref('received_at'), ref('id'), 'desc', cursor));
    }
    const rows = await q.orderBy('received_at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    return toPage(rows.map(toInbound), query.limit, (m) => m.receivedAt);
  }
}
