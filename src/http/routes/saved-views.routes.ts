import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { savedView, savedViewCreate, savedViewList, savedViewListQuery, savedViewPatch } from '../../shared/schemas/saved-views.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function savedViewRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['saved views'];

  r.get('/saved-views', {
    schema: {
      tags,
      summary: 'The caller’s saved views of a screen and the ones others share, by name (at most 200)',
      querystring: savedViewListQuery,
      response: withErrors({ 200: savedViewList }),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return { items: await services.savedViews.list(actor, req.query.screen) };
    },
  });

  r.get('/saved-views/:id', {
    schema: { tags, summary: 'Read a saved view (your own or a shared one)', params: idParams, response: withErrors({ 200: savedView }, 404) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.savedViews.get(actor, req.params.id);
    },
  });

  r.post('/saved-views', {
    schema: {
      tags,
      summary: 'Save the current filters of a screen under a name',
      description: 'Names are unique per user and screen, compared without case: a duplicate answers 409 already_exists.',
      body: savedViewCreate,
      response: withErrors({ 201: savedView }, 409),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.savedViews.create(actor, req.body));
    },
  });

  r.patch('/saved-views/:id', {
    schema: { tags, summary: 'Rename a saved view, change its filters or share it (its owner or an admin)', params: idParams, body: savedViewPatch, response: withErrors({ 200: savedView }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.savedViews.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/saved-views/:id', {
    schema: { tags, summary: 'Delete a saved view (its owner or an admin)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.savedViews.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
