import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { account, accountCreate, accountListQuery, accountPage, accountPatch } from '../../shared/schemas/accounts.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function accountRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['accounts'];

  r.get('/accounts', {
    schema: { tags, summary: 'List accounts', querystring: accountListQuery, response: withErrors({ 200: accountPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.accounts.list(req.query);
    },
  });

  r.get('/accounts/:id', {
    schema: { tags, summary: 'Read an account', params: idParams, response: withErrors({ 200: account }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.accounts.get(req.params.id);
    },
  });

  r.post('/accounts', {
    schema: { tags, summary: 'Create an account', body: accountCreate, response: withErrors({ 201: account }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.accounts.create(actor, req.body));
    },
  });

  r.patch('/accounts/:id', {
    schema: { tags, summary: 'Update an account', params: idParams, body: accountPatch, response: withErrors({ 200: account }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.accounts.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/accounts/:id', {
    schema: { tags, summary: 'Delete an account (soft: history is kept)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.accounts.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
