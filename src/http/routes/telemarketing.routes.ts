import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { idParams } from '../../shared/schemas/common.js';
import { versionBody } from '../../shared/schemas/campaigns.js';
import { callEntry, callEntryPage, callEntryQuery, callList, callListCreate, callListDetail, callListList, callListListQuery, callOutcomeBody } from '../../shared/schemas/telemarketing.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function telemarketingRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['telemarketing'];

  r.get('/call-lists', {
    schema: { tags, summary: 'Call lists, newest first, with their progress (mine=true: the lists you have calls in)', querystring: callListListQuery, response: withErrors({ 200: callListList }) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return { items: await services.telemarketing.list(actor, req.query.mine === 'true') };
    },
  });

  r.post('/call-lists', {
    schema: {
      tags,
      summary: 'Make a call list from a segment, split among callers round-robin or by shares (admin, marcomm, product specialist, sales manager)',
      body: callListCreate,
      response: withErrors({ 201: callListDetail }),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.telemarketing.create(actor, req.body));
    },
  });

  r.get('/call-lists/:id', {
    schema: { tags, summary: 'One call list with each caller’s progress', params: idParams, response: withErrors({ 200: callListDetail }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.telemarketing.get(req.params.id);
    },
  });

  r.post('/call-lists/:id/close', {
    schema: { tags, summary: 'Close a call list: no more outcomes', params: idParams, body: versionBody, response: withErrors({ 200: callList }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.telemarketing.close(actor, req.params.id, req.body.version);
    },
  });

  r.get('/call-lists/:id/entries', {
    schema: { tags, summary: 'A call list’s entries in calling order (callerId=me: yours)', params: idParams, querystring: callEntryQuery, response: withErrors({ 200: callEntryPage }, 404) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.telemarketing.entries(actor, req.params.id, req.query);
    },
  });

  r.post('/call-list-entries/:id/outcome', {
    schema: {
      tags,
      summary: 'Record a call’s outcome (the entry’s caller, or a campaign manager); logged as a telemarketing call on the account and its journey',
      params: idParams,
      body: callOutcomeBody,
      response: withErrors({ 200: callEntry }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.telemarketing.recordOutcome(actor, req.params.id, req.body);
    },
  });
}
