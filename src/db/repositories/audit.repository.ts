import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';
import { fromDbJson, toDbJson } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';

export interface AuditEntry {
  id: string;
  at: string;
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  before: unknown;
  after: unknown;
}

export interface AuditQuery {
  recordType?: string | undefined;
  recordId?: string | undefined;
  actorId?: string | undefined;
  limit: number;
  cursor?: string | undefined;
}

export class AuditRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async record(entry: AuditEntry): Promise<void> {
    await this.db
      .insertInto('audit_log')
      .values({
        id: entry.id,
        at: entry.at,
        actor_id: entry.actorId,
        action: entry.action,
        record_type: entry.recordType,
        record_id: entry.recordId,
        before: entry.before === null || entry.before === undefined ? null : toDbJson(entry.before),
        after: entry.after === null || entry.after === undefined ? null : toDbJson(entry.after),
      })
      .execute();
  }

  /** Newest first. */
  async list(query: AuditQuery): Promise<Page<AuditEntry>> {
    let q = this.db.selectFrom('audit_log').selectAll();
    if (query.recordType) q = q.where('record_type', '=', query.recordType);
    if (query.recordId) q = q.where('record_id', '=', query.recordId);
    if (query.actorId) q = q.where('actor_id', '=', query.actorId);
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref('at'), ref('id'), 'desc', cursor));
    }
    const rows = await q.orderBy('at', 'desc').orderBy('id', 'desc').limit(query.limit + 1).execute();
    const entries = rows.map((r) => ({
      id: r.id,
      at: r.at,
      actorId: r.actor_id,
      action: r.action,
      recordType: r.record_type,
      recordId: r.record_id,
      before: r.before === null ? null : fromDbJson(r.before),
      after: r.after === null ? null : fromDbJson(r.after),
    }));
    return toPage(entries, query.limit, (e) => e.at);
  }
}
