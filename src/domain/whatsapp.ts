import { createHmac, timingSafeEqual } from 'node:crypto';
import { normalizePhone, type PhoneResult } from './phone.js';

/**
 * WhatsApp: the Cloud API webhook (signature, payload) and click-to-chat templates.
 * Pure functions: no I/O; the HMAC is computed in memory.
 */

const SIGNATURE_PREFIX = 'sha256=';

/**
 * Whether `header` (X-Hub-Signature-256: `sha256=<hex>`) is the HMAC-SHA256 of the exact bytes
 * received, keyed with the app secret. Compared in constant time; anything malformed is false.
 */
export function verifySignature(rawBody: Buffer | string, header: string | undefined, appSecret: string): boolean {
  if (typeof header !== 'string' || appSecret.length === 0) return false;
  const value = header.trim();
  if (!value.toLowerCase().startsWith(SIGNATURE_PREFIX)) return false;
  const hex = value.slice(SIGNATURE_PREFIX.length);
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) return false;
  const expected = createHmac('sha256', appSecret).update(rawBody).digest();
  return timingSafeEqual(expected, Buffer.from(hex, 'hex'));
}

/** The header value Meta would send for `rawBody` (tests, and tools that replay deliveries). */
export function signatureFor(rawBody: Buffer | string, appSecret: string): string {
  return SIGNATURE_PREFIX + createHmac('sha256', appSecret).update(rawBody).digest('hex');
}

/** One message from a Cloud API webhook delivery. */
export interface InboundWhatsapp {
  providerMessageId: string;
  /** The sender as Meta sent it (international digits without +), before normalisation. */
  from: string;
  /** UTC ISO-8601. */
  receivedAt: string;
  /** The text, or a bracketed note of the kind of message for media (`[image]`). */
  body: string;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function arrayOf(value: unknown): unknown[] {
  return Array.isArray(value) ? value : [];
}

/**
 * The messages of a Cloud API delivery: `entry[].changes[].value.messages[]` with `from`, `id`,
 * `timestamp` (Unix seconds) and, for text, `text.body`. Status updates (delivered, read) carry no
 * `messages` and yield nothing; messages without an id or sender are skipped. `fallbackTime`
 * stands in for a missing or unreadable timestamp.
 */
export function parseWebhookPayload(payload: unknown, fallbackTime: string): InboundWhatsapp[] {
  if (!isRecord(payload)) return [];
  const messages: InboundWhatsapp[] = [];
  for (const entry of arrayOf(payload.entry)) {
    if (!isRecord(entry)) continue;
    for (const change of arrayOf(entry.changes)) {
      if (!isRecord(change) || !isRecord(change.value)) continue;
      for (const message of arrayOf(change.value.messages)) {
        if (!isRecord(message)) continue;
        const { id, from, timestamp, type } = message;
        if (typeof id !== 'string' || id.length === 0 || id.length > 200) continue;
        if (typeof from !== 'string' || from.length === 0 || from.length > 40) continue;
        messages.push({ providerMessageId: id, from, receivedAt: unixToIso(timestamp) ?? fallbackTime, body: bodyOf(message, type) });
      }
    }
  }
  return messages;
}

function unixToIso(value: unknown): string | null {
  const seconds = typeof value === 'string' && /^\d{1,12}$/.test(value) ? Number(value) : typeof value === 'number' ? value : NaN;
  if (!Number.isFinite(seconds) || seconds <= 0) return null;
  const date = new Date(seconds * 1000);
  return Number.isNaN(date.getTime()) ? null : date.toISOString();
}

const MAX_BODY = 10_000;

function bodyOf(message: Record<string, unknown>, type: unknown): string {
  if (isRecord(message.text) && typeof message.text.body === 'string') return message.text.body.slice(0, MAX_BODY);
  if (isRecord(message.button) && typeof message.button.text === 'string') return message.button.text.slice(0, MAX_BODY);
  const kind = typeof type === 'string' && /^[a-z_]{1,40}$/.test(type) ? type : 'unknown';
  return `[${kind}]`;
}

/**
 * The sender in E.164. The Cloud API sends international digits without the plus
 * (6281234567890); a number in Indonesian national form (0812…) is read as +62.
 */
export function senderE164(from: string): PhoneResult {
  const trimmed = from.trim();
  if (trimmed.startsWith('+') || trimmed.startsWith('0')) return normalizePhone(trimmed);
  return normalizePhone(`+${trimmed}`);
}

/** Words that withdraw consent when they are the whole message (English and Indonesian). */
const STOP_WORDS = new Set(['stop', 'berhenti', 'unsubscribe', 'stop all', 'henti', 'hentikan']);

export function isStopMessage(body: string): boolean {
  return STOP_WORDS.has(body.trim().replace(/[.!]+$/, '').replace(/\s+/g, ' ').toLowerCase());
}

export { clickToChatUrl, renderTemplate, templatePlaceholderNames, templatePlaceholders, unknownPlaceholders } from './whatsappTemplates.js';
export type { TemplatePlaceholder, TemplateValues } from './whatsappTemplates.js';
