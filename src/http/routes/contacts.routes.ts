import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { contact, contactCreate, contactListQuery, contactPage, contactPatch } from '../../shared/schemas/contacts.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function contactRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['contacts'];

  r.get('/contacts', {
    schema: { tags, summary: 'List contacts', querystring: contactListQuery, response: withErrors({ 200: contactPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.contacts.list(req.query);
    },
  });

  r.get('/contacts/:id', {
    schema: { tags, summary: 'Read a contact', params: idParams, response: withErrors({ 200: contact }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.contacts.get(req.params.id);
    },
  });

  r.post('/contacts', {
    schema: { tags, summary: 'Create a contact', body: contactCreate, response: withErrors({ 201: contact }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.contacts.create(actor, req.body));
    },
  });

  r.patch('/contacts/:id', {
    schema: { tags, summary: 'Update a contact', params: idParams, body: contactPatch, response: withErrors({ 200: contact }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.contacts.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/contacts/:id', {
    schema: { tags, summary: 'Delete a contact (soft: history is kept)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.contacts.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
