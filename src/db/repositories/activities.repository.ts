import type { ExpressionBuilder, Kysely, Selectable } from 'kysely';
import type { Activity, ActivityListQuery, Participants } from '../../shared/schemas/activities.js';
import type { ActivitiesTable, Schema } from '../schema.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

const sortColumns = { occurredAt: 'occurred_at', createdAt: 'created_at' } as const;

type ParticipantType = 'user' | 'contact';

/** Participant ids come back sorted, so a record reads the same however it was written. */
function toActivity(row: Selectable<ActivitiesTable>, participants: Participants): Activity {
  return {
    id: row.id,
    type: row.type as Activity['type'],
    subject: row.subject,
    notes: row.notes,
    occurredAt: row.occurred_at,
    accountId: row.account_id,
    journeyId: row.journey_id,
    outcome: row.outcome,
    nextStep: row.next_step,
    participants: { userIds: [...participants.userIds].sort(), contactIds: [...participants.contactIds].sort() },
    createdBy: row.created_by,
    version: row.version,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export type ActivityValues = Omit<Activity, 'version' | 'createdAt' | 'updatedAt'>;

/** Activities and their participants (users and contacts) in activity_participants. */
export class ActivitiesRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async findById(id: string): Promise<Activity | null> {
    const row = await this.db
      .selectFrom('activities')
      .selectAll()
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row) return null;
    const participants = await this.participantsOf([id]);
    return toActivity(row, participants.get(id) ?? noParticipants());
  }

  async insert(values: ActivityValues, now: string): Promise<Activity> {
    const row = await this.db
      .insertInto('activities')
      .values({
        id: values.id,
        type: values.type,
        subject: values.subject,
        notes: values.notes,
        occurred_at: values.occurredAt,
        account_id: values.accountId,
        journey_id: values.journeyId,
        outcome: values.outcome,
        next_step: values.nextStep,
        created_by: values.createdBy,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await this.writeParticipants(values.id, values.participants);
    return toActivity(row, values.participants);
  }

  /** Writes the new values (participants replaced) only if the stored version is `expectedVersion`; null when it is not. */
  async update(next: Activity, expectedVersion: number, now: string): Promise<Activity | null> {
    const row = await this.db
      .updateTable('activities')
      .set({
        type: next.type,
        subject: next.subject,
        notes: next.notes,
        occurred_at: next.occurredAt,
        account_id: next.accountId,
        journey_id: next.journeyId,
        outcome: next.outcome,
        next_step: next.nextStep,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', next.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    if (!row) return null;
    await this.db.deleteFrom('activity_participants').where('activity_id', '=', next.id).execute();
    await this.writeParticipants(next.id, next.participants);
    return toActivity(row, next.participants);
  }

  async softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'activities', id, expectedVersion, now);
  }

  async list(query: ActivityListQuery): Promise<Page<Activity>> {
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace(/^-/, '') as keyof typeof sortColumns;
    const column = sortColumns[key];
    const direction = desc ? 'desc' : 'asc';

    let q = this.db.selectFrom('activities').selectAll().where('deleted_at', 'is', null);
    if (query.accountId) q = q.where('account_id', '=', query.accountId);
    if (query.journeyId) q = q.where('journey_id', '=', query.journeyId);
    if (query.type) q = q.where('type', 'in', query.type);
    if (query.from) q = q.where('occurred_at', '>=', query.from);
    if (query.to) q = q.where('occurred_at', '<', query.to);
    const { participantUserId, contactId } = query;
    if (participantUserId) {
      q = q.where((eb) =>
        eb.or([eb('created_by', '=', participantUserId), eb.exists(this.participation(eb, 'user', participantUserId))]),
      );
    }
    if (contactId) q = q.where((eb) => eb.exists(this.participation(eb, 'contact', contactId)));
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref(column), ref('id'), direction, cursor));
    }
    const rows = await q.orderBy(column, direction).orderBy('id', direction).limit(query.limit + 1).execute();
    const participants = await this.participantsOf(rows.map((r) => r.id));
    const activities = rows.map((r) => toActivity(r, participants.get(r.id) ?? noParticipants()));
    return toPage(activities, query.limit, (a) => a[key]);
  }

  private participation(eb: ExpressionBuilder<Schema, 'activities'>, type: ParticipantType, participantId: string) {
    return eb
      .selectFrom('activity_participants as p')
      .select('p.activity_id')
      .whereRef('p.activity_id', '=', 'activities.id')
      .where('p.participant_type', '=', type)
      .where('p.participant_id', '=', participantId);
  }

  private async participantsOf(activityIds: readonly string[]): Promise<Map<string, Participants>> {
    const byActivity = new Map<string, Participants>();
    if (activityIds.length === 0) return byActivity;
    const rows = await this.db
      .selectFrom('activity_participants')
      .selectAll()
      .where('activity_id', 'in', activityIds)
      .execute();
    for (const row of rows) {
      const entry = byActivity.get(row.activity_id) ?? noParticipants();
      if (row.participant_type === 'user') entry.userIds.push(row.participant_id);
      else entry.contactIds.push(row.participant_id);
      byActivity.set(row.activity_id, entry);
    }
    return byActivity;
  }

  private async writeParticipants(activityId: string, participants: Participants): Promise<void> {
    const rows = [
      ...participants.userIds.map((id) => ({ activity_id: activityId, participant_type: 'user' satisfies ParticipantType, participant_id: id })),
      ...participants.contactIds.map((id) => ({ activity_id: activityId, participant_type: 'contact' satisfies ParticipantType, participant_id: id })),
    ];
    if (rows.length > 0) await this.db.insertInto('activity_participants').values(rows).execute();
  }
}

function noParticipants(): Participants {
  return { userIds: [], contactIds: [] };
}
