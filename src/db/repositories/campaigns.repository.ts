import { sql, type Kysely, type Selectable, type SqlBool } from 'kysely';
import type { JourneyTouches } from '../../domain/attribution.js';
import { isEngagement, responseKinds, type CampaignChannel, type CampaignStatus, type CampaignType, type ResponseKind, type ResponseSource } from '../../domain/campaigns.js';
import type { Segment } from '../../shared/schemas/segments.js';
import {
  MAX_CAMPAIGNS,
  type AudienceMember,
  type Campaign,
  type CampaignListQuery,
  type CampaignResponse,
  type ResponseListQuery,
} from '../../shared/schemas/campaigns.js';
import type { DialectName } from '../database.js';
import { fromDbJson, toDbJson } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import type { CampaignsTable, Schema } from '../schema.js';
import { softDeleteVersioned } from '../versioned.js';
import { segmentMembersOf } from './segments.repository.js';

export interface CampaignValues {
  id: string;
  name: string;
  description: string | null;
  type: CampaignType;
  channels: CampaignChannel[];
  solutionId: string | null;
  segmentId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  budgetMinor: number;
  currency: string;
  ownerId: string | null;
}

export interface ResponseValues {
  id: string;
  campaignId: string;
  contactId: string;
  accountId: string;
  kind: ResponseKind;
  at: string;
  source: ResponseSource;
  journeyId: string | null;
  journeyEffect: 'opened' | 'touched' | null;
  activityId: string | null;
  createdBy: string | null;
}

type CampaignRow = Selectable<CampaignsTable> & {
  solution_name: string | null;
  segment_name: string | null;
  audience_contacts: number | string | null;
  response_count: number | string | null;
};

function toCampaign(r: CampaignRow): Campaign {
  return {
    id: r.id,
    name: r.name,
    description: r.description,
    type: r.type as CampaignType,
    channels: fromDbJson<CampaignChannel[]>(r.channels),
    solutionId: r.solution_id,
    solutionName: r.solution_name,
    segmentId: r.segment_id,
    segmentName: r.segment_name,
    status: r.status as CampaignStatus,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    budgetMinor: Number(r.budget_minor),
    currency: r.currency,
    ownerId: r.owner_id,
    launchedAt: r.launched_at,
    closedAt: r.closed_at,
    audienceContacts: Number(r.audience_contacts ?? 0),
    responseCount: Number(r.response_count ?? 0),
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Per-journey touch summaries and the other counts behind a campaign's results. */
export interface CampaignTallies {
  reach: { contacts: number; accounts: number };
  responses: Record<ResponseKind, number>;
  respondents: number;
  journeys: { opened: number; touched: number; advanced: number; adopted: number };
  /** One row per journey the campaign touched that is open or adopted. */
  attributable: Array<JourneyTouches & { journeyId: string; currency: string; outcome: 'open' | 'adopted' }>;
}

const engaging = responseKinds.filter(isEngagement);

/** Campaigns, their audience snapshots and their responses (the only SQL for them). */
export class CampaignsRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  private selectCampaigns() {
    return this.db
      .selectFrom('campaigns as k')
      .leftJoin('solutions as s', 's.id', 'k.solution_id')
      .leftJoin('segments as g', 'g.id', 'k.segment_id')
      .selectAll('k')
      .select(['s.name as solution_name', 'g.name as segment_name'])
      .select((eb) => [
        eb.selectFrom('campaign_audience as au').select((e) => e.fn.countAll<number>().as('n')).whereRef('au.campaign_id', '=', 'k.id').as('audience_contacts'),
        eb.selectFrom('campaign_responses as cr').select((e) => e.fn.countAll<number>().as('n')).whereRef('cr.campaign_id', '=', 'k.id').as('response_count'),
      ])
      .where('k.deleted_at', 'is', null);
  }

  async list(query: CampaignListQuery): Promise<Campaign[]> {
    let q = this.selectCampaigns();
    if (query.status) q = q.where('k.status', '=', query.status);
    if (query.type) q = q.where('k.type', '=', query.type);
    if (query.solutionId) q = q.where('k.solution_id', '=', query.solutionId);
    const rows = await q.orderBy('k.created_at', 'desc').orderBy('k.id', 'desc').limit(MAX_CAMPAIGNS).execute();
    return rows.map(toCampaign);
  }

  /** Running (launched) campaigns whose audience holds the contact, the latest launched first. */
  async runningWithAudienceMember(contactId: string): Promise<Campaign[]> {
    const rows = await this.selectCampaigns()
      .where('k.status', '=', 'launched')
      .where((eb) => eb.exists(eb.selectFrom('campaign_audience as au').select('au.contact_id').whereRef('au.campaign_id', '=', 'k.id').where('au.contact_id', '=', contactId)))
      .orderBy('k.launched_at', 'desc')
      .orderBy('k.id', 'desc')
      .limit(20)
      .execute();
    return rows.map(toCampaign);
  }

  async findById(id: string): Promise<Campaign | null> {
    const row = await this.selectCampaigns().where('k.id', '=', id).executeTakeFirst();
    return row ? toCampaign(row) : null;
  }

  async insert(v: CampaignValues, now: string): Promise<Campaign> {
    await this.db
      .insertInto('campaigns')
      .values({
        id: v.id,
        name: v.name,
        description: v.description,
        type: v.type,
        channels: toDbJson(v.channels),
        solution_id: v.solutionId,
        segment_id: v.segmentId,
        status: 'draft',
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        budget_minor: v.budgetMinor,
        currency: v.currency,
        owner_id: v.ownerId,
        launched_at: null,
        closed_at: null,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    return (await this.findById(v.id)) as Campaign;
  }

  /** Compare-and-set on version: null when someone else wrote first. */
  async update(v: CampaignValues, expectedVersion: number, now: string): Promise<Campaign | null> {
    const result = await this.db
      .updateTable('campaigns')
      .set({
        name: v.name,
        description: v.description,
        type: v.type,
        channels: toDbJson(v.channels),
        solution_id: v.solutionId,
        segment_id: v.segmentId,
        starts_on: v.startsOn,
        ends_on: v.endsOn,
        budget_minor: v.budgetMinor,
        currency: v.currency,
        owner_id: v.ownerId,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows === 0n ? null : this.findById(v.id);
  }

  /** Moves the status from `from` to `to` (compare-and-set on version and status). */
  async setStatus(id: string, from: CampaignStatus, to: CampaignStatus, expectedVersion: number, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('campaigns')
      .set({
        status: to,
        ...(to === 'launched' ? { launched_at: now } : {}),
        ...(to === 'closed' ? { closed_at: now } : {}),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', id)
      .where('status', '=', from)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'campaigns', id, expectedVersion, now);
  }

  /** Copies the segment's members at `now` into the campaign's audience, in one statement. Returns the contacts copied. */
  async snapshotAudience(campaignId: string, segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string): Promise<number> {
    await this.db
      .insertInto('campaign_audience')
      .columns(['campaign_id', 'contact_id', 'account_id'])
      .expression(
        this.db
          .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('q'))
          .select([sql<string>`cast(${campaignId} as text)`.as('campaign_id'), 'q.contact_id', 'q.account_id']),
      )
      .execute();
    return (await this.audienceCounts(campaignId)).contacts;
  }

  /**
   * Adds one contact, or every live contact of an account, to the audience; a contact already in
   * it stays as it is (so doing it twice adds nobody twice). Returns how many joined.
   */
  async addToAudience(campaignId: string, who: { accountId: string; contactId: string | null }): Promise<number> {
    let members = this.db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select([sql<string>`cast(${campaignId} as text)`.as('campaign_id'), 'c.id as contact_id', 'c.account_id'])
      .where('c.account_id', '=', who.accountId)
      .where('c.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null);
    if (who.contactId !== null) members = members.where('c.id', '=', who.contactId);
    const result = await this.db
      .insertInto('campaign_audience')
      .columns(['campaign_id', 'contact_id', 'account_id'])
      .expression(members)
      .onConflict((oc) => oc.columns(['campaign_id', 'contact_id']).doNothing())
      .executeTakeFirst();
    return Number(result.numInsertedOrUpdatedRows ?? 0n);
  }

  async audienceCounts(campaignId: string): Promise<{ contacts: number; accounts: number }> {
    const row = await this.db
      .selectFrom('campaign_audience')
      .select((eb) => [eb.fn.countAll<number>().as('contacts'), eb.fn.count<number>('account_id').distinct().as('accounts')])
      .where('campaign_id', '=', campaignId)
      .executeTakeFirstOrThrow();
    return { contacts: Number(row.contacts), accounts: Number(row.accounts) };
  }

  /** The audience by contact name, with the responses each contact has given. */
  async audiencePage(campaignId: string, limit: number, cursor?: string): Promise<Page<AudienceMember>> {
    let q = this.db
      .selectFrom('campaign_audience as au')
      .innerJoin('contacts as c', 'c.id', 'au.contact_id')
      .innerJoin('accounts as a', 'a.id', 'au.account_id')
      .select(['au.contact_id', 'au.account_id', 'c.full_name', 'c.title', 'a.name as account_name'])
      .where('au.campaign_id', '=', campaignId);
    if (cursor) {
      const after = decodeCursor(cursor);
      q = q.where(afterCursor(sql.ref('c.full_name'), sql.ref('au.contact_id'), 'asc', after));
    }
    const rows = await q.orderBy('c.full_name').orderBy('au.contact_id').limit(limit + 1).execute();
    const ids = rows.map((r) => r.contact_id);
    const responses =
      ids.length === 0
        ? []
        : await this.db.selectFrom('campaign_responses').select(['contact_id', 'kind']).where('campaign_id', '=', campaignId).where('contact_id', 'in', ids).execute();
    const byContact = new Map<string, ResponseKind[]>();
    for (const r of responses) byContact.set(r.contact_id, [...(byContact.get(r.contact_id) ?? []), r.kind as ResponseKind]);
    const items = rows.map((r) => ({
      id: r.contact_id,
      contactId: r.contact_id,
      fullName: r.full_name,
      title: r.title,
      accountId: r.account_id,
      accountName: r.account_name,
      responses: responseKinds.filter((k) => byContact.get(r.contact_id)?.includes(k)),
    }));
    const page = toPage(items, limit, (m) => m.fullName);
    return { items: page.items.map(({ id: _id, ...m }) => m), nextCursor: page.nextCursor };
  }

  /** The response a contact gave to a campaign of this kind, if any. */
  async findResponseBy(campaignId: string, contactId: string, kind: ResponseKind): Promise<CampaignResponse | null> {
    const row = await this.selectResponses().where('r.campaign_id', '=', campaignId).where('r.contact_id', '=', contactId).where('r.kind', '=', kind).executeTakeFirst();
    return row ? toResponse(row) : null;
  }

  async insertResponse(v: ResponseValues, now: string): Promise<void> {
    await this.db
      .insertInto('campaign_responses')
      .values({
        id: v.id,
        campaign_id: v.campaignId,
        contact_id: v.contactId,
        account_id: v.accountId,
        kind: v.kind,
        at: v.at,
        source: v.source,
        journey_id: v.journeyId,
        journey_effect: v.journeyEffect,
        activity_id: v.activityId,
        created_by: v.createdBy,
        created_at: now,
      })
      .execute();
  }

  private selectResponses() {
    return this.db
      .selectFrom('campaign_responses as r')
      .innerJoin('contacts as c', 'c.id', 'r.contact_id')
      .innerJoin('accounts as a', 'a.id', 'r.account_id')
      .selectAll('r')
      .select(['c.full_name as contact_name', 'a.name as account_name']);
  }

  async findResponse(id: string): Promise<CampaignResponse | null> {
    const row = await this.selectResponses().where('r.id', '=', id).executeTakeFirst();
    return row ? toResponse(row) : null;
  }

  /** Newest first. */
  async listResponses(campaignId: string, query: ResponseListQuery): Promise<Page<CampaignResponse>> {
    let q = this.selectResponses().where('r.campaign_id', '=', campaignId);
    if (query.kind) q = q.where('r.kind', '=', query.kind);
    if (query.cursor) q = q.where(afterCursor(sql.ref('r.at'), sql.ref('r.id'), 'desc', decodeCursor(query.cursor)));
    const rows = await q.orderBy('r.at', 'desc').orderBy('r.id', 'desc').limit(query.limit + 1).execute();
    return toPage(rows.map(toResponse), query.limit, (r) => r.at);
  }

  /** Live contacts by id, e-mail (case-insensitive) or phone/WhatsApp (E.164), for the CSV import. */
  async contactsByIds(ids: readonly string[]): Promise<Map<string, { contactId: string; accountId: string }>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['c.id', 'c.account_id'])
      .where('c.id', 'in', [...ids])
      .where('c.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .execute();
    return new Map(rows.map((r) => [r.id, { contactId: r.id, accountId: r.account_id }]));
  }

  /** For each lower-cased e-mail, the live contacts that have it. */
  async contactsByEmails(emails: readonly string[]): Promise<Map<string, Array<{ contactId: string; accountId: string }>>> {
    if (emails.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['c.id', 'c.account_id', sql<string>`lower(c.email)`.as('email')])
      .where(sql<SqlBool>`lower(c.email) in (${sql.join([...emails])})`)
      .where('c.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .execute();
    const result = new Map<string, Array<{ contactId: string; accountId: string }>>();
    for (const r of rows) result.set(r.email, [...(result.get(r.email) ?? []), { contactId: r.id, accountId: r.account_id }]);
    return result;
  }

  /** For each E.164 number, the live contacts whose phone or WhatsApp it is. */
  async contactsByPhones(phones: readonly string[]): Promise<Map<string, Array<{ contactId: string; accountId: string }>>> {
    if (phones.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('contacts as c')
      .innerJoin('accounts as a', 'a.id', 'c.account_id')
      .select(['c.id', 'c.account_id', 'c.phone', 'c.whatsapp'])
      .where((eb) => eb.or([eb('c.phone', 'in', [...phones]), eb('c.whatsapp', 'in', [...phones])]))
      .where('c.deleted_at', 'is', null)
      .where('a.deleted_at', 'is', null)
      .execute();
    const result = new Map<string, Array<{ contactId: string; accountId: string }>>();
    for (const r of rows) {
      for (const phone of new Set([r.phone, r.whatsapp])) {
        if (phone === null || !phones.includes(phone)) continue;
        result.set(phone, [...(result.get(phone) ?? []), { contactId: r.id, accountId: r.account_id }]);
      }
    }
    return result;
  }

  /**
   * Everything the results panel counts, as SQL aggregates: reach, responses by kind, the
   * journeys the responses opened, touched and advanced, and one touch summary per journey
   * for attribution (a won journey's touches are those up to its adoption).
   */
  async tallies(campaignId: string): Promise<CampaignTallies> {
    const reach = await this.audienceCounts(campaignId);

    const kinds = await this.db
      .selectFrom('campaign_responses')
      .select(['kind', (eb) => eb.fn.countAll<number>().as('n')])
      .where('campaign_id', '=', campaignId)
      .groupBy('kind')
      .execute();
    const responses = Object.fromEntries(responseKinds.map((k) => [k, 0])) as Record<ResponseKind, number>;
    for (const r of kinds) responses[r.kind as ResponseKind] = Number(r.n);

    const respondents = await this.db
      .selectFrom('campaign_responses')
      .select((eb) => eb.fn.count<number>('contact_id').distinct().as('n'))
      .where('campaign_id', '=', campaignId)
      .where('kind', 'in', engaging)
      .executeTakeFirstOrThrow();

    // The campaign's first touch on each journey, then what happened to those journeys.
    const firstTouches = this.db
      .selectFrom('campaign_responses')
      .select(['journey_id', (eb) => eb.fn.min<string>('at').as('first_at'), (eb) => eb.fn.min<string>('journey_effect').as('effect')])
      .where('campaign_id', '=', campaignId)
      .where('journey_id', 'is not', null)
      .groupBy('journey_id');
    const journeys = await this.db
      .selectFrom(firstTouches.as('ft'))
      .innerJoin('journeys as j', 'j.id', 'ft.journey_id')
      .select((eb) => [
        eb.fn.countAll<number>().as('touched'),
        eb.fn.sum<number>(eb.case().when('ft.effect', '=', 'opened').then(1).else(0).end()).as('opened'),
        eb.fn.sum<number>(eb.case().when('j.outcome', '=', 'adopted').then(1).else(0).end()).as('adopted'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.exists(
                  eb
                    .selectFrom('journey_stage_history as h')
                    .select('h.id')
                    .whereRef('h.journey_id', '=', 'j.id')
                    .where('h.kind', 'in', ['move', 'adopt'])
                    .whereRef('h.at', '>', 'ft.first_at'),
                ),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('advanced'),
      ])
      .where('j.deleted_at', 'is', null)
      .executeTakeFirstOrThrow();

    // Attribution: every engaging touch of the journeys this campaign touched, numbered per journey.
    const adoptedAt = sql`(select max(h.at) from journey_stage_history h where h.journey_id = j.id and h.kind = 'adopt')`;
    const rows = await sql<{
      journey_id: string;
      value_minor: number | string;
      currency: string;
      outcome: string;
      touches: number | string;
      mine: number | string;
      is_first: number | string;
      is_last: number | string;
    }>`
      with mine as (
        select distinct journey_id from campaign_responses
        where campaign_id = ${campaignId} and journey_id is not null and kind in (${sql.join(engaging)})
      ),
      touches as (
        select r.journey_id, r.campaign_id,
          row_number() over (partition by r.journey_id order by r.at, r.id) as rn,
          count(*) over (partition by r.journey_id) as n
        from campaign_responses r
        inner join mine m on m.journey_id = r.journey_id
        inner join journeys j on j.id = r.journey_id
        where r.kind in (${sql.join(engaging)})
          and j.deleted_at is null
          and (j.outcome = 'open' or (j.outcome = 'adopted' and r.at <= ${adoptedAt}))
      )
      select t.journey_id, j.value_minor, j.currency, j.outcome,
        max(t.n) as touches,
        sum(case when t.campaign_id = ${campaignId} then 1 else 0 end) as mine,
        max(case when t.rn = 1 and t.campaign_id = ${campaignId} then 1 else 0 end) as is_first,
        max(case when t.rn = t.n and t.campaign_id = ${campaignId} then 1 else 0 end) as is_last
      from touches t
      inner join journeys j on j.id = t.journey_id
      group by t.journey_id, j.value_minor, j.currency, j.outcome
      having sum(case when t.campaign_id = ${campaignId} then 1 else 0 end) > 0
    `.execute(this.db);

    return {
      reach,
      responses,
      respondents: Number(respondents.n),
      journeys: {
        opened: Number(journeys.opened ?? 0),
        touched: Number(journeys.touched ?? 0),
        advanced: Number(journeys.advanced ?? 0),
        adopted: Number(journeys.adopted ?? 0),
      },
      attributable: rows.rows.map((r) => ({
        journeyId: r.journey_id,
        valueMinor: Number(r.value_minor),
        currency: r.currency,
        outcome: r.outcome as 'open' | 'adopted',
        touches: Number(r.touches),
        mine: Number(r.mine),
        first: Number(r.is_first) === 1,
        last: Number(r.is_last) === 1,
      })),
    };
  }
}

type ResponseRow = Selectable<Schema['campaign_responses']> & { contact_name: string; account_name: string };

function toResponse(r: ResponseRow): CampaignResponse {
  return {
    id: r.id,
    campaignId: r.campaign_id,
    contactId: r.contact_id,
    contactName: r.contact_name,
    accountId: r.account_id,
    accountName: r.account_name,
    kind: r.kind as ResponseKind,
    at: r.at,
    source: r.source as ResponseSource,
    journeyId: r.journey_id,
    journeyEffect: r.journey_effect as 'opened' | 'touched' | null,
    createdAt: r.created_at,
  };
}
