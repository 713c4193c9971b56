import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import {
  historyEntry,
  journey,
  journeyCreate,
  journeyListQuery,
  journeyPage,
  journeyPatch,
  journeySummary,
  journeySummaryQuery,
  transitionBody,
  transitionResult,
} from '../../shared/schemas/journeys.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function journeyRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['journeys'];

  r.get('/journeys', {
    schema: { tags, summary: 'List journeys', querystring: journeyListQuery, response: withErrors({ 200: journeyPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.journeys.list(req.query);
    },
  });

  r.get('/journeys/summary', {
    schema: {
      tags,
      summary: 'Pipeline totals by stage in the workspace currency',
      querystring: journeySummaryQuery,
      response: withErrors({ 200: journeySummary }, 422),
    },
    handler: async (req) => {
      requireAuth(req);
      const { asOf, ...filter } = req.query;
      return services.journeys.summary(filter, asOf);
    },
  });

  r.get('/journeys/:id', {
    schema: {
      tags,
      summary: 'Read a journey, with what the caller may do with it',
      params: idParams,
      response: withErrors({ 200: journey.extend({ permissions: z.object({ write: z.boolean(), overrideGate: z.boolean() }) }) }, 404),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      const found = await services.journeys.get(req.params.id);
      return { ...found, permissions: services.journeys.permissions(actor, found) };
    },
  });

  r.get('/journeys/:id/history', {
    schema: { tags, summary: 'The journey’s append-only stage history, oldest first', params: idParams, response: withErrors({ 200: z.object({ items: z.array(historyEntry) }) }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.journeys.history(req.params.id) };
    },
  });

  r.post('/journeys', {
    schema: { tags, summary: 'Open a journey for an account and a solution', body: journeyCreate, response: withErrors({ 201: journey }, 409) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.journeys.create(actor, req.body));
    },
  });

  r.patch('/journeys/:id', {
    schema: { tags, summary: 'Update a journey’s team, value or dates', params: idParams, body: journeyPatch, response: withErrors({ 200: journey }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.journeys.update(actor, req.params.id, req.body);
    },
  });

  r.post('/journeys/:id/transitions', {
    schema: {
      tags,
      summary: 'Move a journey: to a stage, or to an outcome (adopt, reject, discontinue, reopen)',
      description: 'Appends a row to the stage history in the same transaction. A refused move answers 422 with the reason in details.refusal.',
      params: idParams,
      body: transitionBody,
      response: withErrors({ 200: transitionResult }, 404, 409, 422),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.journeys.transition(actor, req.params.id, req.body);
    },
  });

  r.delete('/journeys/:id', {
    schema: { tags, summary: 'Delete a journey (soft: its history is kept)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.journeys.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
