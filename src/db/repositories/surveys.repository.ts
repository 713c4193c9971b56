import type { Kysely } from 'kysely';
import type { SurveyKind, SurveyRequestView } from '../../shared/schemas/surveys.js';
import type { Schema } from '../schema.js';

export interface SurveyRequestRow {
  id: string;
  journeyId: string;
  contactId: string;
  kind: SurveyKind;
  jobId: string | null;
  requestedBy: string | null;
  createdAt: string;
  sentAt: string | null;
  expiresAt: string;
  answeredAt: string | null;
}

export interface NewSurveyRequest {
  id: string;
  journeyId: string;
  contactId: string;
  kind: SurveyKind;
  tokenHash: string;
  jobId: string | null;
  requestedBy: string | null;
  expiresAt: string;
}

/** What the public survey page shows about the request it was sent for. */
export interface SurveyContext extends SurveyRequestRow {
  contactName: string;
  accountName: string;
  solutionName: string;
}

export interface SurveyCandidate {
  id: string;
  fullName: string;
  email: string;
  influence: string;
  lastTookPartAt: string | null;
}

type RequestRow = {
  id: string;
  journey_id: string;
  contact_id: string;
  kind: string;
  job_id: string | null;
  requested_by: string | null;
  created_at: string;
  sent_at: string | null;
  expires_at: string;
  answered_at: string | null;
};

function toRequest(row: RequestRow): SurveyRequestRow {
  return {
    id: row.id,
    journeyId: row.journey_id,
    contactId: row.contact_id,
    kind: row.kind as SurveyKind,
    jobId: row.job_id,
    requestedBy: row.requested_by,
    createdAt: row.created_at,
    sentAt: row.sent_at,
    expiresAt: row.expires_at,
    answeredAt: row.answered_at,
  };
}

const requestColumns = ['r.id', 'r.journey_id', 'r.contact_id', 'r.kind', 'r.job_id', 'r.requested_by', 'r.created_at', 'r.sent_at', 'r.expires_at', 'r.answered_at'] as const;

/** Survey requests (token stored as its SHA-256) and their one answer each. */
export class SurveysRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async insertRequest(v: NewSurveyRequest, now: string): Promise<SurveyRequestRow> {
    await this.db
      .insertInto('survey_requests')
      .values({
        id: v.id,
        journey_id: v.journeyId,
        contact_id: v.contactId,
        kind: v.kind,
        token_hash: v.tokenHash,
        job_id: v.jobId,
        requested_by: v.requestedBy,
        created_at: now,
        sent_at: null,
        expires_at: v.expiresAt,
        answered_at: null,
      })
      .execute();
    return { id: v.id, journeyId: v.journeyId, contactId: v.contactId, kind: v.kind, jobId: v.jobId, requestedBy: v.requestedBy, createdAt: now, sentAt: null, expiresAt: v.expiresAt, answeredAt: null };
  }

  async findByJob(jobId: string): Promise<SurveyRequestRow | null> {
    const row = await this.db.selectFrom('survey_requests as r').select(requestColumns).where('r.job_id', '=', jobId).executeTakeFirst();
    return row ? toRequest(row) : null;
  }

  /** A resumed job whose email never went out sends a new link: the old token stops working. */
  async rotateToken(id: string, tokenHash: string, expiresAt: string): Promise<void> {
    await this.db.updateTable('survey_requests').set({ token_hash: tokenHash, expires_at: expiresAt }).where('id', '=', id).where('sent_at', 'is', null).execute();
  }

  async deleteUnsent(id: string): Promise<void> {
    await this.db.deleteFrom('survey_requests').where('id', '=', id).where('sent_at', 'is', null).execute();
  }

  async markSent(id: string, at: string): Promise<void> {
    await this.db.updateTable('survey_requests').set({ sent_at: at }).where('id', '=', id).execute();
  }

  async findByTokenHash(tokenHash: string): Promise<SurveyContext | null> {
    const row = await this.db
      .selectFrom('survey_requests as r')
      .innerJoin('contacts as c', 'c.id', 'r.contact_id')
      .innerJoin('journeys as j', 'j.id', 'r.journey_id')
      .innerJoin('accounts as a', 'a.id', 'j.account_id')
      .innerJoin('solutions as s', 's.id', 'j.solution_id')
      .select([...requestColumns, 'c.full_name', 'a.name as account_name', 's.name as solution_name'])
      .where('r.token_hash', '=', tokenHash)
      .where('j.deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? { ...toRequest(row), contactName: row.full_name, accountName: row.account_name, solutionName: row.solution_name } : null;
  }

  /** Marks the request answered unless it already was; false when someone answered first. */
  async markAnswered(id: string, at: string): Promise<boolean> {
    const result = await this.db.updateTable('survey_requests').set({ answered_at: at }).where('id', '=', id).where('answered_at', 'is', null).executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async insertResponse(v: { requestId: string; score: number; comment: string | null; at: string }): Promise<void> {
    await this.db.insertInto('survey_responses').values({ request_id: v.requestId, score: v.score, comment: v.comment, at: v.at }).execute();
  }

  async listForJourney(journeyId: string): Promise<SurveyRequestView[]> {
    const rows = await this.db
      .selectFrom('survey_requests as r')
      .innerJoin('contacts as c', 'c.id', 'r.contact_id')
      .leftJoin('survey_responses as sr', 'sr.request_id', 'r.id')
      .select([...requestColumns, 'c.full_name', 'sr.score', 'sr.comment'])
      .where('r.journey_id', '=', journeyId)
      .orderBy('r.created_at', 'desc')
      .orderBy('r.id', 'desc')
      .limit(200)
      .execute();
    return rows.map((row) => ({
      id: row.id,
      journeyId: row.journey_id,
      contactId: row.contact_id,
      contactName: row.full_name,
      kind: row.kind as SurveyKind,
      source: row.job_id ? ('automation' as const) : ('manual' as const),
      createdAt: row.created_at,
      sentAt: row.sent_at,
      expiresAt: row.expires_at,
      answeredAt: row.answered_at,
      score: row.score ?? null,
      comment: row.comment ?? null,
    }));
  }

  /**
   * Contacts of the account who could receive a survey (live, with an email address): those who
   * took part in the journey's activities most recently first, then decision makers, recommenders,
   * users. Consent is checked by the caller.
   */
  async candidates(accountId: string, journeyId: string): Promise<SurveyCandidate[]> {
    const rows = await this.db
      .selectFrom('contacts as c')
      .select((eb) => [
        'c.id',
        'c.full_name',
        'c.email',
        'c.influence',
        eb
          .selectFrom('activity_participants as p')
          .innerJoin('activities as act', 'act.id', 'p.activity_id')
          .select((e) => e.fn.max('act.occurred_at').as('m'))
          .whereRef('p.participant_id', '=', 'c.id')
          .where('p.participant_type', '=', 'contact')
          .where('act.journey_id', '=', journeyId)
          .where('act.deleted_at', 'is', null)
          .as('last_took_part_at'),
      ])
      .where('c.account_id', '=', accountId)
      .where('c.deleted_at', 'is', null)
      .where('c.email', 'is not', null)
      .orderBy('c.full_name')
      .orderBy('c.id')
      .limit(200)
      .execute();
    const rank: Record<string, number> = { decision_maker: 0, recommender: 1, user: 2 };
    return rows
      .map((r) => ({ id: r.id, fullName: r.full_name, email: r.email as string, influence: r.influence, lastTookPartAt: (r.last_took_part_at as string | null) ?? null }))
      .sort((a, b) => {
        if (a.lastTookPartAt !== b.lastTookPartAt) {
          if (a.lastTookPartAt === null) return 1;
          if (b.lastTookPartAt === null) return -1;
          return a.lastTookPartAt < b.lastTookPartAt ? 1 : -1;
        }
        return (rank[a.influence] ?? 9) - (rank[b.influence] ?? 9);
      });
  }

  /** Answered scores per kind, for the analytics summary. */
  async scores(filter: { solutionId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ kind: SurveyKind; score: number }[]> {
    let q = this.db
      .selectFrom('survey_responses as sr')
      .innerJoin('survey_requests as r', 'r.id', 'sr.request_id')
      .innerJoin('journeys as j', 'j.id', 'r.journey_id')
      .select(['r.kind', 'sr.score'])
      .where('j.deleted_at', 'is', null);
    if (filter.solutionId) q = q.where('j.solution_id', '=', filter.solutionId);
    if (filter.from) q = q.where('sr.at', '>=', filter.from);
    if (filter.to) q = q.where('sr.at', '<', filter.to);
    const rows = await q.limit(100_000).execute();
    return rows.map((r) => ({ kind: r.kind as SurveyKind, score: r.score }));
  }

  /** How many requests went out per kind (for the response rate). */
  async sentCounts(filter: { solutionId?: string | undefined; from?: string | undefined; to?: string | undefined }): Promise<{ kind: SurveyKind; sent: number }[]> {
    let q = this.db
      .selectFrom('survey_requests as r')
      .innerJoin('journeys as j', 'j.id', 'r.journey_id')
      .select((eb) => ['r.kind', eb.fn.countAll<number>().as('sent')])
      .where('j.deleted_at', 'is', null)
      .where('r.sent_at', 'is not', null);
    if (filter.solutionId) q = q.where('j.solution_id', '=', filter.solutionId);
    if (filter.from) q = q.where('r.sent_at', '>=', filter.from);
    if (filter.to) q = q.where('r.sent_at', '<', filter.to);
    const rows = await q.groupBy('r.kind').execute();
    return rows.map((r) => ({ kind: r.kind as SurveyKind, sent: Number(r.sent) }));
  }
}
