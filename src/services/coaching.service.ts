import { coachingFigures } from '../domain/coaching.js';
import type { Actor } from '../domain/policy.js';
import type { CoachingScope } from '../db/repositories/coaching.repository.js';
import type { CoachingQuery, CoachingReport } from '../shared/schemas/team.js';
import { invalidField } from '../shared/errors.js';
import { authorize, read, requireTeam, type Deps } from './context.js';

const DAY = 86_400_000;
/** The default period: the 90 days up to and including today (UTC). */
export const DEFAULT_COACHING_DAYS = 90;

/**
 * The sales managers' coaching view (issue 5, capability 7): per account manager, gates met on
 * time, touches per journey per stage, stage conversion and median time in stage, each beside
 * the team median. domain/coaching.ts defines the figures; the repository aggregates in SQL.
 */
export function coachingService(deps: Deps) {
  return {
    async report(actor: Actor, query: CoachingQuery): Promise<CoachingReport> {
      authorize(actor, 'read_insight', { type: 'coaching' });
      const repos = read(deps);
      const teamId = query.teamId ?? (actor.role === 'sales_manager' ? actor.teamId : null);
      if (query.teamId !== undefined) await requireTeam(repos, query.teamId, 'query.teamId');
      const today = deps.clock.now().toISOString().slice(0, 10);
      const to = query.to ?? new Date(Date.parse(`${today}T00:00:00.000Z`) + DAY).toISOString().slice(0, 10);
      const from = query.from ?? new Date(Date.parse(`${to}T00:00:00.000Z`) - DEFAULT_COACHING_DAYS * DAY).toISOString().slice(0, 10);
      if (from >= to) throw invalidField('query.from', 'must be before to (by default, tomorrow)');
      const scope: CoachingScope = { teamId, fromAt: `${from}T00:00:00.000Z`, toAt: `${to}T00:00:00.000Z`, now: deps.clock.now().toISOString() };
      const [ams, exits, touches, conversions, stayMiddles] = await Promise.all([
        repos.coaching.accountManagers(scope),
        repos.coaching.exits(scope),
        repos.coaching.touches(scope),
        repos.coaching.conversions(scope),
        repos.coaching.stayMiddles(scope),
      ]);
      return { teamId, from, to, ...coachingFigures({ ams, exits, touches, conversions, stayMiddles }) };
    },
  };
}
