import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { currencySchema, dateSchema, errorResponse, idSchema, pageOf, timestampSchema } from '../../shared/schemas/common.js';
import { timeZoneSchema } from '../../shared/schemas/users.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

const auditEntry = z.object({
  id: idSchema,
  at: timestampSchema,
  actorId: idSchema.nullable(),
  action: z.string(),
  recordType: z.string(),
  recordId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
});

const health = z.object({ ok: z.boolean(), database: z.enum(['up', 'down']), dialect: z.string(), pendingMigrations: z.array(z.string()) });

const exchangeRate = z.object({
  currency: currencySchema,
  validFrom: dateSchema,
  rate: z.number().positive().describe('Units of the workspace currency for one unit of this currency'),
});

export function adminRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);

  r.get('/health', {
    schema: {
      tags: ['system'],
      summary: 'Database reachable and migrations current',
      response: { 200: health, 400: errorResponse, 503: health },
    },
    handler: async (_req, reply) => {
      const health = await services.admin.health();
      return reply.status(health.ok ? 200 : 503).send(health);
    },
  });

  r.get('/audit', {
    schema: {
      tags: ['admin'],
      summary: 'The audit log, newest first (admins)',
      querystring: z.object({
        recordType: z.string().max(50).optional(),
        recordId: z.string().max(100).optional(),
        actorId: idSchema.optional(),
        limit: z.coerce.number().int().min(1).max(200).default(50),
        cursor: z.string().max(500).optional(),
      }),
      response: withErrors({ 200: pageOf(auditEntry) }),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.admin.auditLog(actor, req.query);
    },
  });

  const settings = z.object({ currency: currencySchema, timeZone: z.string() });
  r.get('/settings', {
    schema: { tags: ['admin'], summary: 'Workspace settings: currency of totals and default time zone', response: withErrors({ 200: settings }) },
    handler: async (req) => {
      requireAuth(req);
      return services.admin.workspaceSettings();
    },
  });
  r.patch('/settings', {
    schema: {
      tags: ['admin'],
      summary: 'Change workspace settings (admin)',
      body: z.object({ currency: currencySchema.optional(), timeZone: timeZoneSchema.optional() }),
      response: withErrors({ 200: settings }),
    },
    handler: async (req) => services.admin.updateWorkspaceSettings(requireAuth(req).actor, req.body),
  });

  r.get('/exchange-rates', {
    schema: {
      tags: ['admin'],
      summary: 'Exchange rates into the workspace currency, by date',
      querystring: z.object({ currency: currencySchema.optional() }),
      response: withErrors({ 200: z.object({ workspaceCurrency: currencySchema, items: z.array(exchangeRate) }) }),
    },
    handler: async (req) => {
      requireAuth(req);
      const settings = await services.admin.workspaceSettings();
      return { workspaceCurrency: settings.currency, items: await services.admin.listRates(req.query.currency) };
    },
  });

  r.put('/exchange-rates', {
    schema: { tags: ['admin'], summary: 'Record the rate of a currency from a date (admin)', body: exchangeRate, response: withErrors({ 200: exchangeRate }) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.admin.setRate(actor, req.body);
    },
  });
}
