import { normalizePhone } from '../domain/phone.js';
import type { Actor, Subject } from '../domain/policy.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type { Journey } from '../shared/schemas/journeys.js';
import type { Handoff, HandoffRole, PrincipalContact, PrincipalContactPut, SaWorkload, WorkloadResponse } from '../shared/schemas/team.js';
import { stages } from '../shared/vocabulary.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

function journeySubject(j: Journey): Subject {
  return { type: 'journey', ownerId: j.ownerId, saId: j.saId, marcommId: j.marcommId, teamId: j.teamId };
}

const roleFields: readonly [HandoffRole, 'ownerId' | 'saId' | 'marcommId'][] = [
  ['am', 'ownerId'],
  ['sa', 'saId'],
  ['marcomm', 'marcommId'],
];

/**
 * Writes one handoff row per team role that changes between `before` and `after`, inside the
 * caller's transaction (journeys.service `update` calls it), so the record of who handed what
 * to whom lands with the change itself.
 */
export async function recordHandoffs(
  repos: Repositories,
  deps: Deps,
  actor: Actor,
  before: Pick<Journey, 'id' | 'ownerId' | 'saId' | 'marcommId'>,
  after: Pick<Journey, 'ownerId' | 'saId' | 'marcommId'>,
  note: string | null,
): Promise<Handoff[]> {
  const written: Handoff[] = [];
  for (const [role, field] of roleFields) {
    if (before[field] === after[field]) continue;
    const handoff: Handoff = { id: deps.ids.next(), journeyId: before.id, role, fromUserId: before[field], toUserId: after[field], note, byUserId: actor.userId, at: nowIso(deps) };
    await repos.team.insertHandoff(handoff);
    written.push(handoff);
  }
  return written;
}

/** Upcoming demos and meetings are looked for this many days ahead. */
export const WORKLOAD_DAYS = 14;

/** The team on a journey: handoffs, the principal's contact person, and the SA workload view. */
export function teamService(deps: Deps) {
  async function loadJourney(repos: Repositories, id: string): Promise<Journey> {
    const journey = await repos.journeys.findById(id);
    if (!journey) throw notFound('journey', id);
    return journey;
  }

  function phone(value: string | null): string | null {
    if (value === null) return null;
    const result = normalizePhone(value);
    if (!result.ok) throw invalidField('body.phone', result.reason);
    return result.e164;
  }

  return {
    async handoffs(journeyId: string): Promise<Handoff[]> {
      const repos = read(deps);
      await loadJourney(repos, journeyId);
      return repos.team.handoffs(journeyId);
    },

    async principalContact(journeyId: string): Promise<PrincipalContact | null> {
      const repos = read(deps);
      await loadJourney(repos, journeyId);
      return repos.team.principalContact(journeyId);
    },

    /** Records or replaces the principal's person on the journey; whoever may write the journey. */
    async putPrincipalContact(actor: Actor, journeyId: string, input: PrincipalContactPut): Promise<PrincipalContact> {
      const normalizedPhone = phone(input.phone);
      return transact(deps, async (repos) => {
        const journey = await loadJourney(repos, journeyId);
        authorize(actor, 'write', journeySubject(journey));
        if (input.principalId !== null && !(await repos.catalogue.findPrincipal(input.principalId))) throw invalidField('body.principalId', 'is not a principal');
        const values = { journeyId, principalId: input.principalId, name: input.name, email: input.email, phone: normalizedPhone, title: input.title };
        const current = await repos.team.principalContact(journeyId);
        const now = nowIso(deps);
        let saved: PrincipalContact | null;
        if (current === null) {
          if (input.version !== null) throw versionConflict('principal_contact', journeyId, null);
          saved = await repos.team.insertPrincipalContact(values, now);
        } else {
          if (input.version !== current.version) throw versionConflict('principal_contact', journeyId, current.version);
          saved = await repos.team.updatePrincipalContact(values, current.version, now);
          if (!saved) throw versionConflict('principal_contact', journeyId, null);
        }
        await audit(repos, deps, actor, current ? 'update' : 'create', 'principal_contact', journeyId, current, saved);
        return saved;
      });
    },

    /**
     * Each SA's open journeys by stage, demos and meetings of the next 14 days, and open tasks.
     * Sales managers and admins see every SA (or the one asked for); an SA sees their own.
     */
    async workload(actor: Actor, saId: string | undefined): Promise<WorkloadResponse> {
      const asked = saId ?? (actor.role === 'solution_architect' ? actor.userId : null);
      authorize(actor, 'read_insight', { type: 'sa_workload', saId: asked });
      const repos = read(deps);
      let people: { id: string; name: string }[];
      if (asked === null) people = await repos.team.solutionArchitects();
      else {
        const user = await repos.users.findById(asked);
        if (!user) throw invalidField('query.saId', 'is not a user');
        if (user.role !== 'solution_architect') throw invalidField('query.saId', 'is not a solution architect');
        people = [{ id: user.id, name: user.name }];
      }
      const now = deps.clock.now();
      const from = now.toISOString();
      const to = new Date(now.getTime() + WORKLOAD_DAYS * 86_400_000).toISOString();
      const items: SaWorkload[] = [];
      for (const person of people) {
        const [byStage, journeys, upcoming, openTasks] = await Promise.all([
          repos.team.openJourneysByStage(person.id),
          repos.team.openJourneys(person.id, 200),
          repos.team.upcomingMeetings(person.id, from, to, 100),
          repos.team.openTasks(person.id, 50),
        ]);
        const counts = stages.map((stage) => ({ stage, count: byStage.find((b) => b.stage === stage)?.count ?? 0 }));
        items.push({ saId: person.id, name: person.name, openJourneys: counts.reduce((n, c) => n + c.count, 0), byStage: counts, journeys, upcoming, openTasks });
      }
      return { from, to, items };
    },
  };
}
