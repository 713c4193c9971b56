import type { Kysely } from 'kysely';
import type { DialectName } from '../database.js';
import { columnTypes } from '../dialect.js';

/**
 * Channels (issue 4, capability 6): per-channel consent, WhatsApp templates and the inbound
 * WhatsApp messages received by the Cloud API webhook. SMTP and WhatsApp settings live in
 * the existing `settings` table (keys 'smtp' and 'whatsapp').
 *
 * `contact_consents` is an append-only log: every opt-in or opt-out is a new row and the
 * latest row per contact × channel is the consent in force. A log keeps the evidence UU 27/2022
 * asks for (who recorded what, when, from which source) without a separate history table, and an
 * opt-out is a plain insert, so it can never lose a race with a concurrent edit.
 */
export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  const t = columnTypes(dialect);

  await db.schema
    .createTable('contact_consents')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('contact_id', 'text', (c) => c.notNull().references('contacts.id'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('at', t.timestamp, (c) => c.notNull())
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .execute();
  await db.schema.createIndex('contact_consents_latest_idx').on('contact_consents').columns(['contact_id', 'channel', 'at', 'id']).execute();

  await db.schema
    .createTable('whatsapp_templates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('language', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addColumn('updated_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('whatsapp_templates_name_uq', ['name', 'language'])
    .execute();

  await db.schema
    .createTable('inbound_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('from_phone', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('received_at', t.timestamp, (c) => c.notNull())
    .addColumn('provider_message_id', 'text', (c) => c.notNull().unique())
    .addColumn('contact_id', 'text', (c) => c.references('contacts.id'))
    .addColumn('account_id', 'text', (c) => c.references('accounts.id'))
    .addColumn('activity_id', 'text', (c) => c.references('activities.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('inbound_messages_status_idx').on('inbound_messages').columns(['status', 'received_at', 'id']).execute();
  await db.schema.createIndex('inbound_messages_contact_idx').on('inbound_messages').column('contact_id').execute();

  // Inbound senders are matched by number (E.164) against the WhatsApp and phone columns.
  await db.schema.createIndex('contacts_whatsapp_idx').on('contacts').column('whatsapp').execute();
  await db.schema.createIndex('contacts_phone_idx').on('contacts').column('phone').execute();
}
