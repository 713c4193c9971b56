import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { attributionModels, campaignShare, costPerJourney, roi, type AttributionModel } from '../domain/attribution.js';
import { isEngagement, responseKinds, touchActivityType, type ResponseKind, type ResponseSource } from '../domain/campaigns.js';
import { isCurrencyCode, totalIn, type Money } from '../domain/money.js';
import { normalizePhone } from '../domain/phone.js';
import { can, type Actor } from '../domain/policy.js';
import { isUniqueViolation } from '../db/dialect.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { AppError, invalidField, type FieldIssue } from '../shared/errors.js';
import type {
  AudienceMember,
  Campaign,
  CampaignCreate,
  CampaignListQuery,
  CampaignPatch,
  CampaignResponse,
  CampaignResults,
  ResponseCreate,
  ResponseListQuery,
} from '../shared/schemas/campaigns.js';
import { MAX_IMPORT_ROWS } from '../shared/schemas/campaigns.js';
import type { ActivityType } from '../shared/vocabulary.js';
import { audit, authorize, notFound, nowIso, read, requireUser, transact, versionConflict, type Deps } from './context.js';
import { openJourney } from './journeys.service.js';

/**
 * Campaigns (DESIGN.md §4, issue 4 capability 4): marcomm, product specialists and sales
 * managers (and admins) manage them; launching snapshots the segment's members as the
 * audience; responses come by hand, by CSV and from the inbound hooks (`recordResponse`),
 * and each engaging response opens a knowledge-stage journey for the account × solution or
 * logs a touch on the one that exists.
 */

const campaignSubject = { type: 'campaign' } as const;

/** A touch logged on an account (and journey) by a campaign or a call: the activity, the journey's last touch, the outbox event. */
export async function logTouch(
  repos: Repositories,
  deps: Deps,
  actorId: string | null,
  touch: { type: ActivityType; subject: string; notes: string | null; outcome: string | null; occurredAt: string; accountId: string; journeyId: string | null; contactId: string },
): Promise<string> {
  const id = deps.ids.next();
  const activity = await repos.activities.insert(
    {
      id,
      type: touch.type,
      subject: touch.subject,
      notes: touch.notes,
      occurredAt: touch.occurredAt,
      accountId: touch.accountId,
      journeyId: touch.journeyId,
      outcome: touch.outcome,
      nextStep: null,
      participants: { userIds: actorId ? [actorId] : [], contactIds: [touch.contactId] },
      createdBy: actorId,
    },
    nowIso(deps),
  );
  if (touch.journeyId) await repos.journeys.touch(touch.journeyId, touch.occurredAt);
  await repos.events.append({
    id: deps.ids.next(),
    type: 'activity.logged',
    subjectType: 'activity',
    subjectId: id,
    payload: { activityType: activity.type, accountId: activity.accountId, journeyId: activity.journeyId, contactIds: activity.participants.contactIds },
    actorId,
    occurredAt: nowIso(deps),
  });
  return id;
}

export interface ResponseInput {
  campaignId: string;
  contactId: string;
  kind: ResponseKind;
  /** When it happened; defaults to now. */
  at?: string;
  source: ResponseSource;
  /** With no actor (hooks, telemarketing): the user the touch is logged for; default the campaign's owner. */
  recorderId?: string;
  /** Overrides the touch activity logged for an engaging response (e.g. the telemarketing call that produced it). */
  touch?: { type: ActivityType; subject: string; notes: string | null; outcome: string };
}

export interface RecordedResponse {
  response: CampaignResponse;
  /** False when the contact had already given this response to this campaign (nothing was written). */
  created: boolean;
  journeyOpened: boolean;
  /** The touch activity this response logged (null for an invitation, or when nothing was written). */
  activityId: string | null;
}

/**
 * Records one campaign response inside the caller's transaction (the API, the CSV import and
 * the inbound hooks all come through here). `actor` null: a hook acting for the campaign's owner.
 * An engaging response (anything but an invitation) on a campaign for a solution opens a
 * knowledge-stage journey for the account × solution when none exists, or else touches it; it
 * logs the touch as an activity; the `campaign.response` event is appended for automation.
 *
 * Permission to record the response (the campaign's managers, or the account's AM) carries the
 * journey it opens: the journey is opened in the recorder's name, on behalf of the campaign.
 */
export async function recordResponse(repos: Repositories, deps: Deps, actor: Actor | null, input: ResponseInput): Promise<RecordedResponse> {
  const campaign = await repos.campaigns.findById(input.campaignId);
  if (!campaign) throw notFound('campaign', input.campaignId);
  const contact = await repos.contacts.findById(input.contactId);
  if (!contact) throw invalidField('body.contactId', 'is not a contact');
  const account = await repos.accounts.findById(contact.accountId);
  if (!account) throw invalidField('body.contactId', 'is a contact of a deleted account');
  if (actor) authorize(actor, 'write', { type: 'campaign_response', account: { ownerId: account.ownerId } });
  if (campaign.status !== 'launched') throw new AppError('campaign_not_running', { status: campaign.status });

  const existing = await repos.campaigns.findResponseBy(campaign.id, contact.id, input.kind);
  if (existing) return { response: existing, created: false, journeyOpened: false, activityId: null };

  const at = input.at ?? nowIso(deps);
  const recorder = actor?.userId ?? input.recorderId ?? campaign.ownerId;
  let journeyId: string | null = null;
  let journeyEffect: 'opened' | 'touched' | null = null;
  let activityId: string | null = null;
  if (isEngagement(input.kind)) {
    if (campaign.solutionId) {
      journeyId = await repos.journeys.findLive(account.id, campaign.solutionId);
      journeyEffect = 'touched';
      if (journeyId === null && recorder) {
        const onBehalfOfCampaign: Actor = { userId: recorder, role: 'admin', teamId: null };
        const { currency } = await repos.money.workspaceSettings();
        const journey = await openJourney(repos, deps, onBehalfOfCampaign, {
          accountId: account.id,
          solutionId: campaign.solutionId,
          saId: null,
          marcommId: null,
          valueMinor: 0,
          currency,
          expectedDecisionDate: null,
          principalInvolvement: null,
          pipelineId: null,
          stage: 'knowledge',
          note: `${campaign.name}: ${input.kind}`,
        });
        journeyId = journey.id;
        journeyEffect = 'opened';
      }
    }
    activityId = await logTouch(repos, deps, recorder, {
      type: input.touch?.type ?? touchActivityType(campaign.type, input.kind),
      subject: input.touch?.subject ?? `${campaign.name}: ${input.kind}`,
      notes: input.touch?.notes ?? null,
      outcome: input.touch?.outcome ?? input.kind,
      occurredAt: at,
      accountId: account.id,
      journeyId,
      contactId: contact.id,
    });
  }

  const id = deps.ids.next();
  await repos.campaigns.insertResponse(
    { id, campaignId: campaign.id, contactId: contact.id, accountId: account.id, kind: input.kind, at, source: input.source, journeyId, journeyEffect, activityId, createdBy: actor?.userId ?? input.recorderId ?? null },
    nowIso(deps),
  );
  await repos.events.append({
    id: deps.ids.next(),
    type: 'campaign.response',
    subjectType: 'campaign_response',
    subjectId: id,
    payload: { campaignId: campaign.id, campaignType: campaign.type, kind: input.kind, contactId: contact.id, accountId: account.id, journeyId, solutionId: campaign.solutionId },
    actorId: actor?.userId ?? input.recorderId ?? null,
    occurredAt: nowIso(deps),
  });
  const response = (await repos.campaigns.findResponse(id)) as CampaignResponse;
  await audit(repos, deps, actor, 'create', 'campaign_response', id, null, response);
  return { response, created: true, journeyOpened: journeyEffect === 'opened', activityId };
}

// ---------------------------------------------------------------------------------------
// CSV import
// ---------------------------------------------------------------------------------------

export interface RowIssue {
  row: number;
  field: string;
  reason: string;
}

const atInput = z.union([z.iso.datetime({ offset: true }), z.iso.date()]);

interface ParsedRow {
  row: number;
  key: { column: 'contact_id' | 'email' | 'phone'; value: string };
  kind: ResponseKind;
  at: string | undefined;
}

function rowIssuesError(issues: RowIssue[]): AppError {
  const shown = issues.slice(0, 200);
  return new AppError(
    'validation_failed',
    { issues: shown.map<FieldIssue>((i) => ({ field: `body.csv.rows.${i.row}.${i.field}`, reason: i.reason })), rows: shown, total: issues.length },
    shown
      .slice(0, 5)
      .map((i) => `row ${i.row}, ${i.field}: ${i.reason}`)
      .join('; '),
  );
}

/** Reads the CSV text into rows, or the problems with it (row = line number in the file; the header is row 1). */
function parseResponsesCsv(text: string): ParsedRow[] {
  let records: Array<{ record: Record<string, string>; info: { lines: number } }>;
  try {
    records = parse(text, {
      columns: (header: string[]) => header.map((h) => h.trim().toLowerCase()),
      skip_empty_lines: true,
      trim: true,
      bom: true,
      info: true,
      relax_column_count: false,
    }) as Array<{ record: Record<string, string>; info: { lines: number } }>;
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? 0;
    throw rowIssuesError([{ row: line, field: 'csv', reason: `cannot be read as CSV: ${(error as Error).message}` }]);
  }
  if (records.length === 0) throw rowIssuesError([{ row: 1, field: 'csv', reason: 'has no data rows under the header' }]);
  if (records.length > MAX_IMPORT_ROWS) throw rowIssuesError([{ row: 1, field: 'csv', reason: `has more than ${MAX_IMPORT_ROWS} rows` }]);
  const header = Object.keys(records[0]!.record);
  const keyColumns = (['contact_id', 'email', 'phone'] as const).filter((c) => header.includes(c));
  const problems: RowIssue[] = [];
  if (keyColumns.length === 0) problems.push({ row: 1, field: 'header', reason: 'needs a column contact_id, email or phone' });
  if (!header.includes('kind')) problems.push({ row: 1, field: 'header', reason: 'needs a column kind' });
  if (problems.length > 0) throw rowIssuesError(problems);

  const rows: ParsedRow[] = [];
  for (const { record, info } of records) {
    const row = info.lines;
    const column = keyColumns.find((c) => (record[c] ?? '') !== '');
    let key: ParsedRow['key'] | null = null;
    if (!column) problems.push({ row, field: keyColumns.join('|'), reason: 'is empty: give the contact’s id, e-mail or phone' });
    else if (column === 'phone') {
      const phone = normalizePhone(record.phone ?? '');
      if (phone.ok) key = { column, value: phone.e164 };
      else problems.push({ row, field: 'phone', reason: phone.reason });
    } else if (column === 'email') key = { column, value: (record.email ?? '').toLowerCase() };
    else key = { column, value: record.contact_id ?? '' };
    const kind = (record.kind ?? '').toLowerCase();
    if (!(responseKinds as readonly string[]).includes(kind)) problems.push({ row, field: 'kind', reason: `must be one of ${responseKinds.join(', ')}` });
    const rawAt = record.at ?? '';
    let at: string | undefined;
    if (rawAt !== '') {
      if (!atInput.safeParse(rawAt).success) problems.push({ row, field: 'at', reason: 'must be a date (YYYY-MM-DD) or an ISO-8601 timestamp with offset' });
      else at = new Date(rawAt.length === 10 ? `${rawAt}T00:00:00+07:00` : rawAt).toISOString();
    }
    if (key) rows.push({ row, key, kind: kind as ResponseKind, at });
  }
  if (problems.length > 0) throw rowIssuesError(problems);
  return rows;
}

// ---------------------------------------------------------------------------------------

export function campaignsService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<Campaign> {
    const campaign = await repos.campaigns.findById(id);
    if (!campaign) throw notFound('campaign', id);
    return campaign;
  }

  async function checkReferences(repos: Repositories, v: { solutionId?: string | null; segmentId?: string | null; ownerId?: string | null; currency?: string }) {
    if (v.solutionId && (await repos.segments.existingSolutions([v.solutionId])).size === 0) throw invalidField('body.solutionId', 'is not a solution');
    if (v.segmentId && !(await repos.segments.findById(v.segmentId))) throw invalidField('body.segmentId', 'is not a segment');
    if (v.ownerId !== undefined) await requireUser(repos, v.ownerId, 'body.ownerId');
    if (v.currency !== undefined && !isCurrencyCode(v.currency)) throw invalidField('body.currency', 'is not an ISO 4217 currency code');
  }

  function mayRecordAny(actor: Actor): boolean {
    return can(actor, 'write', campaignSubject) || actor.role === 'account_manager';
  }

  return {
    list: (query: CampaignListQuery): Promise<Campaign[]> => read(deps).campaigns.list(query),

    get: (id: string): Promise<Campaign> => load(read(deps), id),

    create(actor: Actor, input: CampaignCreate): Promise<Campaign> {
      authorize(actor, 'write', campaignSubject);
      return transact(deps, async (repos) => {
        const ownerId = input.ownerId ?? actor.userId;
        await checkReferences(repos, { ...input, ownerId });
        const created = await repos.campaigns.insert({ id: deps.ids.next(), ...input, ownerId }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'campaign', created.id, null, created);
        return created;
      });
    },

    update(actor: Actor, id: string, patch: CampaignPatch): Promise<Campaign> {
      authorize(actor, 'write', campaignSubject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (patch.version !== current.version) throw versionConflict('campaign', id, current.version);
        const { version, ...changes } = patch;
        if (current.status !== 'draft' && changes.segmentId !== undefined && changes.segmentId !== current.segmentId) {
          throw new AppError('campaign_launched', { field: 'body.segmentId' }, 'The audience of a launched campaign is fixed');
        }
        await checkReferences(repos, changes);
        const next = { ...current, ...changes };
        if (next.startsOn && next.endsOn && next.endsOn < next.startsOn) throw invalidField('body.endsOn', 'must not be before startsOn');
        const saved = await repos.campaigns.update({ ...next, ownerId: next.ownerId }, version, nowIso(deps));
        if (!saved) throw versionConflict('campaign', id, null);
        await audit(repos, deps, actor, 'update', 'campaign', id, current, saved);
        return saved;
      });
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', campaignSubject);
      await transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (version !== current.version) throw versionConflict('campaign', id, current.version);
        if (!(await repos.campaigns.softDelete(id, version, nowIso(deps)))) throw versionConflict('campaign', id, null);
        await audit(repos, deps, actor, 'delete', 'campaign', id, current, null);
      });
    },

    /** Snapshots the segment's members as the audience and marks the campaign launched, in one transaction. */
    launch(actor: Actor, id: string, version: number): Promise<Campaign> {
      authorize(actor, 'write', campaignSubject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (current.status !== 'draft') throw new AppError('campaign_launched', { status: current.status, launchedAt: current.launchedAt });
        if (version !== current.version) throw versionConflict('campaign', id, current.version);
        if (!current.segmentId) throw invalidField('body.segmentId', 'is required to launch: the audience comes from a segment');
        const segment = await repos.segments.findById(current.segmentId);
        if (!segment) throw invalidField('body.segmentId', 'is not a segment');
        const now = nowIso(deps);
        if (!(await repos.campaigns.setStatus(id, 'draft', 'launched', version, now))) throw versionConflict('campaign', id, null);
        await repos.campaigns.snapshotAudience(id, segment, now);
        const saved = await load(repos, id);
        await audit(repos, deps, actor, 'launch', 'campaign', id, current, saved);
        return saved;
      });
    },

    close(actor: Actor, id: string, version: number): Promise<Campaign> {
      authorize(actor, 'write', campaignSubject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (current.status !== 'launched') throw new AppError('campaign_not_running', { status: current.status }, 'Only a launched campaign can be closed');
        if (version !== current.version) throw versionConflict('campaign', id, current.version);
        if (!(await repos.campaigns.setStatus(id, 'launched', 'closed', version, nowIso(deps)))) throw versionConflict('campaign', id, null);
        const saved = await load(repos, id);
        await audit(repos, deps, actor, 'close', 'campaign', id, current, saved);
        return saved;
      });
    },

    async audience(id: string, limit: number, cursor?: string): Promise<Page<AudienceMember> & { contacts: number; accounts: number }> {
      const repos = read(deps);
      await load(repos, id);
      const [page, counts] = await Promise.all([repos.campaigns.audiencePage(id, limit, cursor), repos.campaigns.audienceCounts(id)]);
      return { ...page, ...counts };
    },

    async responses(id: string, query: ResponseListQuery): Promise<Page<CampaignResponse>> {
      const repos = read(deps);
      await load(repos, id);
      return repos.campaigns.listResponses(id, query);
    },

    /** One response by hand. A second identical response (same contact and kind) is refused with 409. */
    async addResponse(actor: Actor, id: string, input: ResponseCreate): Promise<RecordedResponse> {
      if (!mayRecordAny(actor)) authorize(actor, 'write', campaignSubject);
      try {
        return await transact(deps, async (repos) => {
          const result = await recordResponse(repos, deps, actor, { campaignId: id, contactId: input.contactId, kind: input.kind, at: input.at, source: 'manual' });
          if (!result.created) throw new AppError('already_exists', { record: 'campaign_response', id: result.response.id }, 'This contact has already given this response');
          return result;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw new AppError('already_exists', { record: 'campaign_response' }, 'This contact has already given this response');
        throw error;
      }
    },

    /**
     * Imports responses from CSV (columns: contact_id or email or phone, kind, at). Every row is
     * checked first; if any row is wrong, nothing is written and every problem is reported with
     * its row (the line in the file). Rows already recorded are skipped.
     */
    async importResponses(actor: Actor, id: string, csv: string): Promise<{ imported: number; skipped: number; journeysOpened: number }> {
      if (!mayRecordAny(actor)) authorize(actor, 'write', campaignSubject);
      const rows = parseResponsesCsv(csv);
      const lookups = read(deps).campaigns;
      const [byId, byEmail, byPhone] = await Promise.all([
        lookups.contactsByIds(rows.filter((r) => r.key.column === 'contact_id').map((r) => r.key.value)),
        lookups.contactsByEmails([...new Set(rows.filter((r) => r.key.column === 'email').map((r) => r.key.value))]),
        lookups.contactsByPhones([...new Set(rows.filter((r) => r.key.column === 'phone').map((r) => r.key.value))]),
      ]);
      const problems: RowIssue[] = [];
      const resolved: Array<{ row: number; contactId: string; kind: ResponseKind; at: string | undefined }> = [];
      for (const r of rows) {
        const matches = r.key.column === 'contact_id' ? [byId.get(r.key.value)].filter((m) => m !== undefined) : ((r.key.column === 'email' ? byEmail : byPhone).get(r.key.value) ?? []);
        if (matches.length === 0) problems.push({ row: r.row, field: r.key.column, reason: 'matches no contact' });
        else if (matches.length > 1) problems.push({ row: r.row, field: r.key.column, reason: 'matches more than one contact; use contact_id' });
        else resolved.push({ row: r.row, contactId: matches[0]!.contactId, kind: r.kind, at: r.at });
      }
      if (problems.length > 0) throw rowIssuesError(problems);

      return transact(deps, async (repos) => {
        const campaign = await load(repos, id);
        if (campaign.status !== 'launched') throw new AppError('campaign_not_running', { status: campaign.status });
        let imported = 0;
        let skipped = 0;
        let journeysOpened = 0;
        for (const r of resolved) {
          try {
            const result = await recordResponse(repos, deps, actor, { campaignId: id, contactId: r.contactId, kind: r.kind, at: r.at, source: 'csv' });
            if (result.created) imported += 1;
            else skipped += 1;
            if (result.journeyOpened) journeysOpened += 1;
          } catch (error) {
            if (!(error instanceof AppError) || error.status >= 500) throw error;
            problems.push({ row: r.row, field: 'row', reason: error.message });
          }
        }
        // Throwing rolls the whole import back: all rows or none.
        if (problems.length > 0) throw rowIssuesError(problems);
        return { imported, skipped, journeysOpened };
      });
    },

    /** Reach, responses, journeys opened and advanced, attributed pipeline and won value, cost per journey and ROI, in the workspace currency. */
    async results(id: string, asOf?: string): Promise<CampaignResults> {
      const repos = read(deps);
      const campaign = await load(repos, id);
      const tallies = await repos.campaigns.tallies(id);
      const { currency } = await repos.money.workspaceSettings();
      const date = asOf ?? nowIso(deps).slice(0, 10);
      const foreign = [...new Set([campaign.currency, ...tallies.attributable.map((j) => j.currency)].filter((c) => c !== currency))];
      const rates = await repos.money.rates(foreign, date);
      const convert = (amounts: Money[]): number => {
        const result = totalIn(currency, amounts, rates, date);
        if (!result.ok) throw new AppError('missing_exchange_rate', { currency: result.missingCurrency, date }, `No ${result.missingCurrency} rate on or before ${date}`);
        return result.amountMinor;
      };
      const attribution = {} as CampaignResults['attribution'];
      for (const model of attributionModels as readonly AttributionModel[]) {
        const share = (outcome: 'open' | 'adopted') =>
          convert(tallies.attributable.filter((j) => j.outcome === outcome).map((j) => ({ amountMinor: campaignShare(j, model), currency: j.currency })));
        attribution[model] = { pipelineMinor: share('open'), wonMinor: share('adopted') };
      }
      const budgetMinor = convert([{ amountMinor: campaign.budgetMinor, currency: campaign.currency }]);
      const returns = {} as CampaignResults['roi'];
      for (const model of attributionModels) returns[model] = roi(attribution[model].wonMinor, budgetMinor);
      return {
        currency,
        asOf: date,
        reach: tallies.reach,
        responses: tallies.responses,
        respondents: tallies.respondents,
        journeys: tallies.journeys,
        attribution,
        budgetMinor,
        costPerJourneyMinor: costPerJourney(budgetMinor, tallies.journeys.opened),
        roi: returns,
      };
    },
  };
}
