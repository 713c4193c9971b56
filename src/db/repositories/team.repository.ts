import type { Kysely, Selectable } from 'kysely';
import type { Handoff, HandoffRole, PrincipalContact } from '../../shared/schemas/team.js';
import type { ActivityType, Stage } from '../../shared/vocabulary.js';
import type { DialectName } from '../database.js';
import { toDbBool } from '../dialect.js';
import type { JourneyPrincipalContactsTable, Schema } from '../schema.js';

export type PrincipalContactValues = Omit<PrincipalContact, 'version' | 'updatedAt'>;

function toContact(r: Selectable<JourneyPrincipalContactsTable>): PrincipalContact {
  return {
    journeyId: r.journey_id,
    principalId: r.principal_id,
    name: r.name,
    email: r.email,
    phone: r.phone,
    title: r.title,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

export interface WorkloadJourneyRow {
  id: string;
  accountId: string;
  accountName: string;
  solutionName: string;
  stage: Stage;
  ownerId: string | null;
  stageEnteredAt: string;
  lastActivityAt: string | null;
}

export interface WorkloadMeetingRow {
  id: string;
  type: ActivityType;
  subject: string;
  occurredAt: string;
  accountId: string;
  accountName: string;
  journeyId: string | null;
  saTakesPart: boolean;
}

/** The team on a journey: handoff records, the principal's contact person, and the SA workload reads. */
export class TeamRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  async insertHandoff(h: Handoff): Promise<void> {
    await this.db
      .insertInto('journey_handoffs')
      .values({ id: h.id, journey_id: h.journeyId, role: h.role, from_user_id: h.fromUserId, to_user_id: h.toUserId, note: h.note, by_user_id: h.byUserId, at: h.at })
      .execute();
  }

  /** A journey's handoffs, newest first. */
  async handoffs(journeyId: string): Promise<Handoff[]> {
    const rows = await this.db.selectFrom('journey_handoffs').selectAll().where('journey_id', '=', journeyId).orderBy('at', 'desc').orderBy('id', 'desc').limit(500).execute();
    return rows.map((r) => ({
      id: r.id,
      journeyId: r.journey_id,
      role: r.role as HandoffRole,
      fromUserId: r.from_user_id,
      toUserId: r.to_user_id,
      note: r.note,
      byUserId: r.by_user_id,
      at: r.at,
    }));
  }

  async principalContact(journeyId: string): Promise<PrincipalContact | null> {
    const row = await this.db.selectFrom('journey_principal_contacts').selectAll().where('journey_id', '=', journeyId).executeTakeFirst();
    return row ? toContact(row) : null;
  }

  async insertPrincipalContact(v: PrincipalContactValues, now: string): Promise<PrincipalContact> {
    const row = await this.db
      .insertInto('journey_principal_contacts')
      .values({ journey_id: v.journeyId, principal_id: v.principalId, name: v.name, email: v.email, phone: v.phone, title: v.title, version: 1, updated_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toContact(row);
  }

  /** Compare-and-set on version: null when someone else wrote first. */
  async updatePrincipalContact(v: PrincipalContactValues, expectedVersion: number, now: string): Promise<PrincipalContact | null> {
    const row = await this.db
      .updateTable('journey_principal_contacts')
      .set({ principal_id: v.principalId, name: v.name, email: v.email, phone: v.phone, title: v.title, version: expectedVersion + 1, updated_at: now })
      .where('journey_id', '=', v.journeyId)
      .where('version', '=', expectedVersion)
      .returningAll()
      .executeTakeFirst();
    return row ? toContact(row) : null;
  }

  /** Active solution architects, by name. */
  async solutionArchitects(): Promise<{ id: string; name: string }[]> {
    return this.db.selectFrom('users').select(['id', 'name']).where('role', '=', 'solution_architect').where('active', '=', toDbBool(this.dialect, true)).orderBy('name').orderBy('id').execute();
  }

  /** Open journeys assigned to the SA, counted by stage. */
  async openJourneysByStage(saId: string): Promise<{ stage: Stage; count: number }[]> {
    const rows = await this.db
      .selectFrom('journeys')
      .select(['stage', (eb) => eb.fn.countAll<number>().as('count')])
      .where('sa_id', '=', saId)
      .where('outcome', '=', 'open')
      .where('deleted_at', 'is', null)
      .groupBy('stage')
      .execute();
    return rows.map((r) => ({ stage: r.stage as Stage, count: Number(r.count) }));
  }

  /** Open journeys assigned to the SA, longest in their stage first. */
  async openJourneys(saId: string, limit: number): Promise<WorkloadJourneyRow[]> {
    const rows = await this.db
      .selectFrom('journeys as j')
      .innerJoin('accounts as a', 'a.id', 'j.account_id')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .select(['j.id', 'j.account_id', 'a.name as account_name', 's.name as solution_name', 'j.stage', 'j.owner_id', 'j.stage_entered_at', 'j.last_activity_at'])
      .where('j.sa_id', '=', saId)
      .where('j.outcome', '=', 'open')
      .where('j.deleted_at', 'is', null)
      .orderBy('j.stage_entered_at')
      .orderBy('j.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      accountId: r.account_id,
      accountName: r.account_name,
      solutionName: r.solution_name,
      stage: r.stage as Stage,
      ownerId: r.owner_id,
      stageEnteredAt: r.stage_entered_at,
      lastActivityAt: r.last_activity_at,
    }));
  }

  /**
   * Demos and meetings in [from, to) that the SA takes part in (created or listed as a
   * participant), or that are logged on an open journey the SA is assigned to.
   */
  async upcomingMeetings(saId: string, from: string, to: string, limit: number): Promise<WorkloadMeetingRow[]> {
    const rows = await this.db
      .selectFrom('activities as act')
      .innerJoin('accounts as a', 'a.id', 'act.account_id')
      .leftJoin('journeys as j', 'j.id', 'act.journey_id')
      .select((eb) => [
        'act.id',
        'act.type',
        'act.subject',
        'act.occurred_at',
        'act.account_id',
        'a.name as account_name',
        'act.journey_id',
        eb
          .case()
          .when(
            eb.or([
              eb('act.created_by', '=', saId),
              eb.exists(
                eb
                  .selectFrom('activity_participants as p')
                  .select('p.activity_id')
                  .whereRef('p.activity_id', '=', 'act.id')
                  .where('p.participant_type', '=', 'user')
                  .where('p.participant_id', '=', saId),
              ),
            ]),
          )
          .then(1)
          .else(0)
          .end()
          .as('takes_part'),
      ])
      .where('act.deleted_at', 'is', null)
      .where('act.type', 'in', ['demo', 'meeting'])
      .where('act.occurred_at', '>=', from)
      .where('act.occurred_at', '<', to)
      .where((eb) =>
        eb.or([
          eb('act.created_by', '=', saId),
          eb.exists(
            eb
              .selectFrom('activity_participants as p')
              .select('p.activity_id')
              .whereRef('p.activity_id', '=', 'act.id')
              .where('p.participant_type', '=', 'user')
              .where('p.participant_id', '=', saId),
          ),
          eb.and([eb('j.sa_id', '=', saId), eb('j.outcome', '=', 'open'), eb('j.deleted_at', 'is', null)]),
        ]),
      )
      .orderBy('act.occurred_at')
      .orderBy('act.id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      type: r.type as ActivityType,
      subject: r.subject,
      occurredAt: r.occurred_at,
      accountId: r.account_id,
      accountName: r.account_name,
      journeyId: r.journey_id,
      saTakesPart: Number(r.takes_part) === 1,
    }));
  }

  /** Open tasks assigned to the user, soonest due first (no due date last). */
  async openTasks(userId: string, limit: number): Promise<{ id: string; title: string; dueAt: string | null; relatedType: string | null; relatedId: string | null }[]> {
    const rows = await this.db
      .selectFrom('tasks')
      .select(['id', 'title', 'due_at', 'related_type', 'related_id'])
      .where('assignee_id', '=', userId)
      .where('status', '=', 'open')
      .where('deleted_at', 'is', null)
      .orderBy((eb) => eb.case().when('due_at', 'is', null).then(1).else(0).end())
      .orderBy('due_at')
      .orderBy('id')
      .limit(limit)
      .execute();
    return rows.map((r) => ({ id: r.id, title: r.title, dueAt: r.due_at, relatedType: r.related_type, relatedId: r.related_id }));
  }
}
