import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  accountItemParams,
  accountParams,
  inventoryCreate,
  inventoryItem,
  inventoryList,
  inventoryPatch,
  recommendations,
  risk,
  riskCreate,
  riskList,
  riskPatch,
  riskSolutionMap,
  riskSolutionMapBody,
} from '../../shared/schemas/assessments.js';
import { deletedResponse } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function assessmentRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['assessments'];

  r.get('/accounts/:id/inventory', {
    schema: { tags, summary: 'The account’s IT inventory (at most 500 items)', params: accountParams, response: withErrors({ 200: inventoryList }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.assessments.listInventory(req.params.id) };
    },
  });

  r.post('/accounts/:id/inventory', {
    schema: { tags, summary: 'Add an inventory item (admin, solution architect)', params: accountParams, body: inventoryCreate, response: withErrors({ 201: inventoryItem }, 404) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.assessments.createInventory(actor, req.params.id, req.body));
    },
  });

  r.patch('/accounts/:id/inventory/:itemId', {
    schema: { tags, summary: 'Change an inventory item', params: accountItemParams, body: inventoryPatch, response: withErrors({ 200: inventoryItem }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.assessments.updateInventory(actor, req.params.id, req.params.itemId, req.body);
    },
  });

  r.delete('/accounts/:id/inventory/:itemId', {
    schema: { tags, summary: 'Delete an inventory item (soft)', params: accountItemParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.assessments.removeInventory(actor, req.params.id, req.params.itemId, req.query.version);
      return { id: req.params.itemId, deleted: true as const };
    },
  });

  r.get('/accounts/:id/risks', {
    schema: { tags, summary: 'The account’s assessed IT risks (at most 500)', params: accountParams, response: withErrors({ 200: riskList }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.assessments.listRisks(req.params.id) };
    },
  });

  r.post('/accounts/:id/risks', {
    schema: { tags, summary: 'Record a risk (admin, solution architect)', params: accountParams, body: riskCreate, response: withErrors({ 201: risk }, 404) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.assessments.createRisk(actor, req.params.id, req.body));
    },
  });

  r.patch('/accounts/:id/risks/:itemId', {
    schema: { tags, summary: 'Change a risk, e.g. its mitigation status', params: accountItemParams, body: riskPatch, response: withErrors({ 200: risk }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.assessments.updateRisk(actor, req.params.id, req.params.itemId, req.body);
    },
  });

  r.delete('/accounts/:id/risks/:itemId', {
    schema: { tags, summary: 'Delete a risk (soft)', params: accountItemParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.assessments.removeRisk(actor, req.params.id, req.params.itemId, req.query.version);
      return { id: req.params.itemId, deleted: true as const };
    },
  });

  r.get('/risk-solution-map', {
    schema: { tags, summary: 'Which solution categories address which risk categories', response: withErrors({ 200: riskSolutionMap }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.assessments.riskMap() };
    },
  });

  r.put('/risk-solution-map', {
    schema: { tags, summary: 'Replace the risk → solution-category map (admin)', body: riskSolutionMapBody, response: withErrors({ 200: riskSolutionMap }) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return { items: await services.assessments.replaceRiskMap(actor, req.body.items) };
    },
  });

  r.get('/accounts/:id/recommendations', {
    schema: {
      tags,
      summary: 'Solutions recommended by the account’s unresolved risks, ranked by risk score, with the reasons',
      description: 'Leaves out solutions the account has adopted or has an open journey for.',
      params: accountParams,
      response: withErrors({ 200: recommendations }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.assessments.recommendations(req.params.id);
    },
  });
}
