import { z } from 'zod';
import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  adoptersQuery,
  adoptersReport,
  adopterSummary,
  analyticsFilter,
  approachFirstQuery,
  approachFirstReport,
  bassFitBody,
  bassFitResponse,
  bassPrior,
  bassPriorBody,
  bassPriorParams,
  classifyBody,
  classifyResponse,
  diffusionParams,
  diffusionQuery,
  diffusionReport,
  funnelQuery,
  funnelReport,
  innovativenessQuery,
  innovativenessReport,
  sellingPracticeReport,
} from '../../shared/schemas/analytics.js';
import { invalidField } from '../../shared/errors.js';
import { requireAuth } from '../plugins/auth.js';
import { deletedResponse } from '../../shared/schemas/common.js';
import { typed, versionQuery, withErrors } from './shared.js';

/** Diffusion and funnel analytics (DESIGN.md §5): every signed-in user may read them. */
export function analyticsRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['analytics'];

  r.get('/analytics/funnel', {
    schema: {
      tags,
      summary: 'Funnel by stage: entries, conversion, time in stage (median, p90), outcomes and reasons',
      querystring: funnelQuery,
      response: withErrors({ 200: funnelReport }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.funnel(req.query);
    },
  });

  const diffusionSchema = { tags, response: withErrors({ 200: diffusionReport }, 404) };
  r.get('/analytics/diffusion', {
    schema: { ...diffusionSchema, summary: 'Diffusion of a solution (solutionId in the query): adoptions per period, Bass fit and forecast', querystring: diffusionQuery },
    handler: async (req) => {
      requireAuth(req);
      const { solutionId, ...options } = req.query;
      if (solutionId === undefined) throw invalidField('query.solutionId', 'is required');
      return services.analytics.diffusion(solutionId, options);
    },
  });
  r.get('/analytics/diffusion/:solutionId', {
    schema: {
      ...diffusionSchema,
      summary: 'Diffusion of a solution: adoptions per period, Bass fit and forecast',
      params: diffusionParams,
      querystring: diffusionQuery.omit({ solutionId: true }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.diffusion(req.params.solutionId, req.query);
    },
  });

  r.get('/analytics/adopters', {
    schema: {
      tags,
      summary: 'Adopter category of each adopting account of a solution (Rogers), provisional while it spreads',
      querystring: adoptersQuery,
      response: withErrors({ 200: adoptersReport }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.adopters(req.query.solutionId);
    },
  });

  r.get('/analytics/adopter-categories', {
    schema: {
      tags,
      summary: 'Adopter categories of every solution: counts per Rogers category, mean and sd of adoption time, provisional flags',
      response: withErrors({ 200: z.array(adopterSummary) }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.adopterSummaries();
    },
  });

  r.get('/analytics/innovativeness', {
    schema: {
      tags,
      summary: 'Accounts ranked by innovativeness across solutions (most negative adopts earliest)',
      querystring: innovativenessQuery,
      response: withErrors({ 200: innovativenessReport }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.innovativeness(req.query.limit);
    },
  });

  r.get('/analytics/approach-first', {
    schema: {
      tags,
      summary: 'Accounts to approach first for a solution: early adopters elsewhere that have not adopted it',
      querystring: approachFirstQuery,
      response: withErrors({ 200: approachFirstReport }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.approachFirst(req.query);
    },
  });

  r.get('/analytics/selling-practice', {
    schema: {
      tags,
      summary: 'Decision → implementation conversion with and without an SA demo, by response time, per AM against the team',
      querystring: analyticsFilter,
      response: withErrors({ 200: sellingPracticeReport }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.sellingPractice(req.query);
    },
  });

  r.post('/analytics/bass/fit', {
    schema: {
      tags,
      summary: 'Fit the Bass model to a series (200 with ok: false when it cannot be fitted)',
      body: bassFitBody,
      response: withErrors({ 200: bassFitResponse }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.fitSeries(req.body);
    },
  });

  r.post('/analytics/adopters/classify', {
    schema: {
      tags,
      summary: 'Classify adoption times into Rogers’ adopter categories (200 with ok: false when unclassifiable)',
      body: classifyBody,
      response: withErrors({ 200: classifyResponse }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.classify(req.body);
    },
  });

  const priorTags = ['analytics', 'catalogue'];
  r.get('/solutions/:id/bass-prior', {
    schema: {
      tags: priorTags,
      summary: 'The Bass prior saved for a solution (404 when it has none)',
      params: bassPriorParams,
      response: withErrors({ 200: bassPrior }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.analytics.prior(req.params.id);
    },
  });

  r.put('/solutions/:id/bass-prior', {
    schema: {
      tags: priorTags,
      summary: 'Save a Bass prior for a solution, e.g. fitted on an analogue (product specialists, marcomm, admins); the diffusion fit uses it for thin data',
      params: bassPriorParams,
      body: bassPriorBody,
      response: withErrors({ 200: bassPrior }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.analytics.savePrior(actor, req.params.id, req.body);
    },
  });

  r.delete('/solutions/:id/bass-prior', {
    schema: {
      tags: priorTags,
      summary: 'Remove a solution’s saved Bass prior (the literature prior applies again)',
      params: bassPriorParams,
      querystring: versionQuery,
      response: withErrors({ 200: deletedResponse }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.analytics.removePrior(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
