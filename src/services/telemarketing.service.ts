import { isPositive, splitAmongCallers } from '../domain/campaigns.js';
import type { Actor } from '../domain/policy.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import type { StoredEntry } from '../db/repositories/telemarketing.repository.js';
import { AppError, invalidField } from '../shared/errors.js';
import {
  MAX_CALL_LIST_ENTRIES,
  type CallEntry,
  type CallEntryQuery,
  type CallList,
  type CallListCreate,
  type CallListDetail,
  type CallOutcomeBody,
} from '../shared/schemas/telemarketing.js';
import { logTouch, recordResponse } from './campaigns.service.js';
import { applyConsent, consentInForce } from './channels.service.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

/**
 * Telemarketing (issue 4 capability 5): campaign managers make call lists from a segment and
 * split them among callers (all contacts of one account go to the same caller); each caller
 * records outcomes on their own entries, and each outcome is logged as a telemarketing call on
 * the account (and on its journey for the list's solution, when there is one).
 */
/** What a caller sees: the entry, and whether its contact has since asked not to be called. */
function toCallEntry({ consents, ...entry }: StoredEntry): CallEntry {
  return { ...entry, doNotCall: consentInForce({ consents }, null, 'phone').status === 'opted_out' };
}

export function telemarketingService(deps: Deps) {
  const subject = { type: 'campaign' } as const;

  async function load(repos: Repositories, id: string): Promise<CallList> {
    const list = await repos.telemarketing.findById(id);
    if (!list) throw notFound('call_list', id);
    return list;
  }

  return {
    list: (actor: Actor, mine: boolean): Promise<CallList[]> => read(deps).telemarketing.list(mine ? actor.userId : undefined),

    async get(id: string): Promise<CallListDetail> {
      const repos = read(deps);
      const list = await load(repos, id);
      return { ...list, progress: await repos.telemarketing.progress(id) };
    },

    create(actor: Actor, input: CallListCreate): Promise<CallListDetail> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const segment = await repos.segments.findById(input.segmentId);
        if (!segment) throw invalidField('body.segmentId', 'is not a segment');
        let solutionId = input.solutionId;
        if (input.campaignId !== null) {
          const campaign = await repos.campaigns.findById(input.campaignId);
          if (!campaign) throw invalidField('body.campaignId', 'is not a campaign');
          solutionId ??= campaign.solutionId;
        }
        if (solutionId !== null && (await repos.segments.existingSolutions([solutionId])).size === 0) throw invalidField('body.solutionId', 'is not a solution');
        for (const [index, callerId] of input.callerIds.entries()) {
          const user = await repos.users.findById(callerId);
          if (!user || !user.active) throw invalidField(`body.callerIds.${index}`, 'is not an active user');
          if (user.role === 'viewer') throw invalidField(`body.callerIds.${index}`, 'is a viewer, who cannot record calls');
        }
        const now = nowIso(deps);
        const count = await repos.telemarketing.memberCount(segment, now);
        if (count === 0) throw invalidField('body.segmentId', 'has no members to call');
        if (count > MAX_CALL_LIST_ENTRIES) throw invalidField('body.segmentId', `has ${count} contacts; a call list takes at most ${MAX_CALL_LIST_ENTRIES}`);

        // A contact who asked not to be called is never put on a list (B2B calls need no opt-in;
        // an opt-out is honoured from the moment it is recorded).
        const members = (await repos.telemarketing.members(segment, now, MAX_CALL_LIST_ENTRIES)).filter((m) => consentInForce(m, null, 'phone').status !== 'opted_out');
        if (members.length === 0) throw invalidField('body.segmentId', 'has no members who may be called (every one opted out of phone calls)');
        const accounts = [...new Set(members.map((m) => m.accountId))];
        const dealt = splitAmongCallers(accounts.length, input.callerIds.length, input.shares);
        const callerOfAccount = new Map(accounts.map((a, i) => [a, input.callerIds[dealt[i]!]!]));
        const id = deps.ids.next();
        await repos.telemarketing.insert({ id, name: input.name, campaignId: input.campaignId, segmentId: segment.id, solutionId, createdBy: actor.userId }, now);
        await repos.telemarketing.insertEntries(
          id,
          members.map((m, i) => ({ id: deps.ids.next(), position: i + 1, contactId: m.contactId, accountId: m.accountId, callerId: callerOfAccount.get(m.accountId)! })),
          now,
        );
        const created = { ...(await load(repos, id)), progress: await repos.telemarketing.progress(id) };
        await audit(repos, deps, actor, 'create', 'call_list', id, null, created);
        return created;
      });
    },

    close(actor: Actor, id: string, version: number): Promise<CallList> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (current.status === 'closed') throw new AppError('call_list_closed', { id });
        if (version !== current.version) throw versionConflict('call_list', id, current.version);
        if (!(await repos.telemarketing.setStatus(id, 'closed', version, nowIso(deps)))) throw versionConflict('call_list', id, null);
        const saved = await load(repos, id);
        await audit(repos, deps, actor, 'close', 'call_list', id, current, saved);
        return saved;
      });
    },

    async entries(actor: Actor, id: string, query: CallEntryQuery): Promise<Page<CallEntry>> {
      const repos = read(deps);
      await load(repos, id);
      const page = await repos.telemarketing.entries(id, { ...query, callerId: query.callerId === 'me' ? actor.userId : query.callerId });
      return { ...page, items: page.items.map(toCallEntry) };
    },

    /** The caller (or a campaign manager) records the call's outcome; the call is logged as an activity. */
    recordOutcome(actor: Actor, entryId: string, body: CallOutcomeBody): Promise<CallEntry> {
      return transact(deps, async (repos) => {
        const entry = await repos.telemarketing.findEntry(entryId);
        if (!entry) throw notFound('call_list_entry', entryId);
        authorize(actor, 'write', { type: 'call_entry', callerId: entry.callerId });
        const list = await load(repos, entry.callListId);
        if (list.status === 'closed') throw new AppError('call_list_closed', { id: list.id });
        if (body.version !== entry.version) throw versionConflict('call_list_entry', entryId, entry.version);
        const now = nowIso(deps);
        const touch = { type: 'telemarketing_call' as const, subject: `Telemarketing: ${list.name}`, notes: body.note, outcome: body.outcome };
        // A list tied to a running campaign: a positive call is the contact replying to it, which
        // opens (or touches) the journey like any campaign response; the call is that response's touch.
        let activityId: string | null = null;
        if (list.campaignId && isPositive(body.outcome)) {
          const campaign = await repos.campaigns.findById(list.campaignId);
          if (campaign?.status === 'launched') {
            const result = await recordResponse(repos, deps, null, {
              campaignId: campaign.id,
              contactId: entry.contactId,
              kind: 'replied',
              at: now,
              source: 'manual',
              recorderId: actor.userId,
              touch,
            });
            activityId = result.activityId;
          }
        }
        if (activityId === null) {
          const journeyId = list.solutionId ? await repos.journeys.findLive(entry.accountId, list.solutionId) : null;
          activityId = await logTouch(repos, deps, actor.userId, { ...touch, occurredAt: now, accountId: entry.accountId, journeyId, contactId: entry.contactId });
        }
        if (!(await repos.telemarketing.recordOutcome(entryId, { outcome: body.outcome, note: body.note, calledAt: now, activityId }, body.version, now))) {
          throw versionConflict('call_list_entry', entryId, null);
        }
        if (body.outcome === 'do_not_call') {
          // The contact asked not to be called again: a phone opt-out, in force for every list at once.
          const contact = await repos.contacts.findById(entry.contactId);
          if (contact) {
            const optOut = { id: deps.ids.next(), channel: 'phone' as const, status: 'opted_out' as const, source: `Telemarketing: ${list.name}`, note: body.note, at: now, recordedBy: actor.userId };
            await applyConsent(repos, contact, optOut, now);
            await audit(repos, deps, actor, 'record_consent', 'contact', contact.id, null, optOut);
          }
        }
        const saved = toCallEntry((await repos.telemarketing.findEntry(entryId)) as StoredEntry);
        await audit(repos, deps, actor, 'update', 'call_list_entry', entryId, toCallEntry(entry), saved);
        return saved;
      });
    },
  };
}
