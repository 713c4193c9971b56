import type { Actor, Subject } from '../domain/policy.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { Account } from '../shared/schemas/accounts.js';
import type { Activity, ActivityCreate, ActivityListQuery, ActivityPatch, Participants } from '../shared/schemas/activities.js';
import type { Journey } from '../shared/schemas/journeys.js';
import { audit, authorize, notFound, nowIso, read, requireUser, transact, versionConflict, type Deps } from './context.js';

/** The facts the policy needs about an activity: who takes part, the account's team, the journey's people. */
export function activitySubject(
  activity: Pick<Activity, 'createdBy' | 'participants'>,
  account: Pick<Account, 'teamId'> | null,
  journey: Pick<Journey, 'ownerId' | 'saId'> | null,
): Subject {
  return {
    type: 'activity',
    createdBy: activity.createdBy,
    participantUserIds: activity.participants.userIds,
    teamId: account?.teamId ?? null,
    journey: journey ? { ownerId: journey.ownerId, saId: journey.saId } : null,
  };
}

export function activitiesService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<Activity> {
    const activity = await repos.activities.findById(id);
    if (!activity) throw notFound('activity', id);
    return activity;
  }

  async function liveAccount(repos: Repositories, id: string): Promise<Account> {
    const account = await repos.accounts.findById(id);
    if (!account) throw invalidField('body.accountId', 'is not an account');
    return account;
  }

  /** The activity's journey, which must be a live journey of the same account. */
  async function journeyOfAccount(repos: Repositories, journeyId: string | null, accountId: string): Promise<Journey | null> {
    if (journeyId === null) return null;
    const journey = await repos.journeys.findById(journeyId);
    if (!journey) throw invalidField('body.journeyId', 'is not a journey');
    if (journey.accountId !== accountId) throw invalidField('body.journeyId', 'is a journey of another account');
    return journey;
  }

  async function requireUsers(repos: Repositories, userIds: readonly string[]): Promise<void> {
    for (const [index, userId] of userIds.entries()) await requireUser(repos, userId, `body.participants.userIds.${index}`);
  }

  /** Participating contacts must be live contacts of the activity's account. */
  async function requireContacts(repos: Repositories, contactIds: readonly string[], accountId: string): Promise<void> {
    const accountOf = await repos.contacts.accountsOf(contactIds);
    for (const [index, contactId] of contactIds.entries()) {
      const field = `body.participants.contactIds.${index}`;
      const owner = accountOf.get(contactId);
      if (owner === undefined) throw invalidField(field, 'is not a contact');
      if (owner !== accountId) throw invalidField(field, 'is a contact of another account');
    }
  }

  return {
    list: (query: ActivityListQuery): Promise<Page<Activity>> => read(deps).activities.list(query),

    get: (id: string): Promise<Activity> => load(read(deps), id),

    create(actor: Actor, input: ActivityCreate): Promise<Activity> {
      return transact(deps, async (repos) => {
        const account = await liveAccount(repos, input.accountId);
        const journey = await journeyOfAccount(repos, input.journeyId, account.id);
        const participants: Participants = input.participants;
        await requireUsers(repos, participants.userIds);
        await requireContacts(repos, participants.contactIds, account.id);
        const values = {
          id: deps.ids.next(),
          type: input.type,
          subject: input.subject,
          notes: input.notes,
          occurredAt: input.occurredAt ?? nowIso(deps),
          accountId: account.id,
          journeyId: input.journeyId,
          outcome: input.outcome,
          nextStep: input.nextStep,
          participants,
          createdBy: actor.userId,
        };
        authorize(actor, 'write', activitySubject(values, account, journey));

        const activity = await repos.activities.insert(values, nowIso(deps));
        if (activity.journeyId) await repos.journeys.touch(activity.journeyId, activity.occurredAt);
        await repos.events.append({
          id: deps.ids.next(),
          type: 'activity.logged',
          subjectType: 'activity',
          subjectId: activity.id,
          payload: { activityType: activity.type, accountId: activity.accountId, journeyId: activity.journeyId, contactIds: activity.participants.contactIds },
          actorId: actor.userId,
          occurredAt: nowIso(deps),
        });
        await audit(repos, deps, actor, 'create', 'activity', activity.id, null, activity);
        return activity;
      });
    },

    update(actor: Actor, id: string, patch: ActivityPatch): Promise<Activity> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        const currentAccount = await repos.accounts.findById(current.accountId);
        const currentJourney = current.journeyId ? await repos.journeys.findById(current.journeyId) : null;
        authorize(actor, 'write', activitySubject(current, currentAccount, currentJourney));
        if (patch.version !== current.version) throw versionConflict('activity', id, current.version);

        const { version, ...changes } = patch;
        const next: Activity = { ...current, ...changes };
        const accountMoved = next.accountId !== current.accountId;
        const nextAccount = accountMoved ? await liveAccount(repos, next.accountId) : currentAccount;
        const nextJourney =
          accountMoved || next.journeyId !== current.journeyId ? await journeyOfAccount(repos, next.journeyId, next.accountId) : currentJourney;
        if (changes.participants) await requireUsers(repos, next.participants.userIds);
        if (changes.participants || accountMoved) await requireContacts(repos, next.participants.contactIds, next.accountId);
        // Moving an activity to another account, journey or set of people must be allowed on the result too.
        authorize(actor, 'write', activitySubject(next, nextAccount, nextJourney));

        const saved = await repos.activities.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('activity', id, null);
        if (saved.journeyId) await repos.journeys.touch(saved.journeyId, saved.occurredAt);
        await audit(repos, deps, actor, 'update', 'activity', id, current, saved);
        return saved;
      });
    },

    remove(actor: Actor, id: string, version: number): Promise<void> {
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        const account = await repos.accounts.findById(current.accountId);
        const journey = current.journeyId ? await repos.journeys.findById(current.journeyId) : null;
        authorize(actor, 'write', activitySubject(current, account, journey));
        if (version !== current.version) throw versionConflict('activity', id, current.version);
        if (!(await repos.activities.softDelete(id, version, nowIso(deps)))) throw versionConflict('activity', id, null);
        await audit(repos, deps, actor, 'delete', 'activity', id, current, null);
      });
    },
  };
}
