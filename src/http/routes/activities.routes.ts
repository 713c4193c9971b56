import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { activity, activityCreate, activityListQuery, activityPage, activityPatch } from '../../shared/schemas/activities.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function activityRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['activities'];

  r.get('/activities', {
    schema: { tags, summary: 'List activities', querystring: activityListQuery, response: withErrors({ 200: activityPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.activities.list(req.query);
    },
  });

  r.get('/activities/:id', {
    schema: { tags, summary: 'Read an activity', params: idParams, response: withErrors({ 200: activity }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.activities.get(req.params.id);
    },
  });

  r.post('/activities', {
    schema: { tags, summary: 'Log an activity', body: activityCreate, response: withErrors({ 201: activity }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.activities.create(actor, req.body));
    },
  });

  r.patch('/activities/:id', {
    schema: { tags, summary: 'Update an activity', params: idParams, body: activityPatch, response: withErrors({ 200: activity }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.activities.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/activities/:id', {
    schema: { tags, summary: 'Delete an activity (soft: history is kept)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.activities.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
