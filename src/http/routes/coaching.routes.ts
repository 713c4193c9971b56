import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { coachingQuery, coachingReport } from '../../shared/schemas/team.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function coachingRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);

  r.get('/coaching', {
    schema: {
      tags: ['team'],
      summary: 'Coaching view per account manager, beside the team median (sales managers, admins)',
      description:
        'Per AM (journeys attributed to their current owner): gates on time = forward stage exits in the period made with every gate met ' +
        '(no override on the history row) over all forward exits; touches per journey = activities logged while the journey stayed in the stage, ' +
        'over the stays that began in the period; conversion = journeys that first entered the stage in the period and later entered the next; ' +
        'median days in stage over completed stays that began in the period. The team median is the median over the AMs.',
      querystring: coachingQuery,
      response: withErrors({ 200: coachingReport }),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.coaching.report(actor, req.query);
    },
  });
}
