import type { Kysely, Selectable } from 'kysely';
import type { DomainEventsTable, Schema } from '../schema.js';
import { fromDbJson, toDbJson } from '../dialect.js';

/** What happened, as other parts of Difusi react to it (see 0003_events). */
export const domainEventTypes = ['journey.stage_entered', 'journey.outcome_set', 'activity.logged', 'campaign.response'] as const;
export type DomainEventType = (typeof domainEventTypes)[number];

export interface DomainEvent {
  id: string;
  type: DomainEventType;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  actorId: string | null;
  occurredAt: string;
  processedAt: string | null;
}

export type NewDomainEvent = Omit<DomainEvent, 'processedAt'>;

type Row = Selectable<DomainEventsTable>;

function toEvent(row: Row): DomainEvent {
  return {
    id: row.id,
    type: row.type as DomainEventType,
    subjectType: row.subject_type,
    subjectId: row.subject_id,
    payload: fromDbJson<Record<string, unknown>>(row.payload),
    actorId: row.actor_id,
    occurredAt: row.occurred_at,
    processedAt: row.processed_at,
  };
}

/** The outbox: appended to inside a use case's transaction, drained by consumers. */
export class EventsRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async append(event: NewDomainEvent): Promise<void> {
    await this.db
      .insertInto('domain_events')
      .values({
        id: event.id,
        type: event.type,
        subject_type: event.subjectType,
        subject_id: event.subjectId,
        payload: toDbJson(event.payload),
        actor_id: event.actorId,
        occurred_at: event.occurredAt,
        processed_at: null,
      })
      .execute();
  }

  /** The oldest events no consumer has finished with. */
  async unprocessed(limit: number): Promise<DomainEvent[]> {
    const rows = await this.db.selectFrom('domain_events').selectAll().where('processed_at', 'is', null).orderBy('occurred_at').orderBy('id').limit(limit).execute();
    return rows.map(toEvent);
  }

  async markProcessed(id: string, at: string): Promise<void> {
    await this.db.updateTable('domain_events').set({ processed_at: at }).where('id', '=', id).execute();
  }

  async forSubject(subjectType: string, subjectId: string): Promise<DomainEvent[]> {
    const rows = await this.db.selectFrom('domain_events').selectAll().where('subject_type', '=', subjectType).where('subject_id', '=', subjectId).orderBy('occurred_at').orderBy('id').execute();
    return rows.map(toEvent);
  }
}
