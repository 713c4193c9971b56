import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { idParams } from '../../shared/schemas/common.js';
import { handoffList, principalContact, principalContactPut, principalContactResponse, workloadQuery, workloadResponse } from '../../shared/schemas/team.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function teamRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['team'];

  r.get('/journeys/:id/handoffs', {
    schema: {
      tags: ['team', 'journeys'],
      summary: 'Who handed the AM, SA or marcomm role of the journey to whom, and when (newest first)',
      description: 'A handoff is written whenever PATCH /api/journeys/:id changes ownerId, saId or marcommId; its note is the patch’s handoffNote.',
      params: idParams,
      response: withErrors({ 200: handoffList }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.team.handoffs(req.params.id) };
    },
  });

  r.get('/journeys/:id/principal-contact', {
    schema: { tags: ['team', 'journeys'], summary: 'The principal’s (vendor’s) person working the deal', params: idParams, response: withErrors({ 200: principalContactResponse }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return { journeyId: req.params.id, contact: await services.team.principalContact(req.params.id) };
    },
  });

  r.put('/journeys/:id/principal-contact', {
    schema: {
      tags: ['team', 'journeys'],
      summary: 'Record or replace the principal’s person on the journey (whoever may write the journey)',
      description: 'Send version null the first time, then the version you last read; a stale version gets 409.',
      params: idParams,
      body: principalContactPut,
      response: withErrors({ 200: principalContact }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.team.putPrincipalContact(actor, req.params.id, req.body);
    },
  });

  r.get('/workload/sa', {
    schema: {
      tags,
      summary: 'SA workload: open journeys by stage, demos and meetings of the next 14 days, open tasks',
      description: 'Sales managers and admins see every solution architect or the one asked for; a solution architect sees their own.',
      querystring: workloadQuery,
      response: withErrors({ 200: workloadResponse }),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.team.workload(actor, req.query.saId);
    },
  });
}
