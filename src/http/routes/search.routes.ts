import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { account } from '../../shared/schemas/accounts.js';
import { idParams } from '../../shared/schemas/common.js';
import { contact, contactPage } from '../../shared/schemas/contacts.js';
import { journey, journeyPage } from '../../shared/schemas/journeys.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function searchRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);

  r.get('/search', {
    schema: {
      tags: ['search'],
      summary: 'Search accounts, contacts and journeys at once',
      querystring: z.object({ q: z.string().trim().min(1).max(200), limit: z.coerce.number().int().min(1).max(20).default(5) }),
      response: withErrors({ 200: z.object({ accounts: z.array(account), contacts: z.array(contact), journeys: z.array(journey) }) }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.search.search(req.query.q, req.query.limit);
    },
  });

  r.get('/accounts/:id/overview', {
    schema: {
      tags: ['accounts'],
      summary: 'An account with its contacts and journeys (first page of each)',
      params: idParams,
      querystring: z.object({ limit: z.coerce.number().int().min(1).max(200).default(100) }),
      response: withErrors({ 200: z.object({ account, contacts: contactPage, journeys: journeyPage }) }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.search.accountOverview(req.params.id, req.query.limit);
    },
  });
}
