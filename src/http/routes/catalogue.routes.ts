import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { principal, principalCreate, principalListQuery, principalPage, principalPatch, solution, solutionCreate, solutionListQuery, solutionPage, solutionPatch } from '../../shared/schemas/catalogue.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function catalogueRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const c = services.catalogue;

  r.get('/principals', {
    schema: { tags: ['catalogue'], summary: 'List principals (vendors)', querystring: principalListQuery, response: withErrors({ 200: principalPage }) },
    handler: async (req) => (requireAuth(req), c.listPrincipals(req.query)),
  });
  r.get('/principals/:id', {
    schema: { tags: ['catalogue'], summary: 'Read a principal', params: idParams, response: withErrors({ 200: principal }, 404) },
    handler: async (req) => (requireAuth(req), c.getPrincipal(req.params.id)),
  });
  r.post('/principals', {
    schema: { tags: ['catalogue'], summary: 'Create a principal (admin)', body: principalCreate, response: withErrors({ 201: principal }) },
    handler: async (req, reply) => reply.status(201).send(await c.createPrincipal(requireAuth(req).actor, req.body)),
  });
  r.patch('/principals/:id', {
    schema: { tags: ['catalogue'], summary: 'Update a principal (admin)', params: idParams, body: principalPatch, response: withErrors({ 200: principal }, 404, 409) },
    handler: async (req) => c.updatePrincipal(requireAuth(req).actor, req.params.id, req.body),
  });
  r.delete('/principals/:id', {
    schema: { tags: ['catalogue'], summary: 'Delete a principal (admin; soft)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      await c.removePrincipal(requireAuth(req).actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });

  r.get('/solutions', {
    schema: { tags: ['catalogue'], summary: 'List solutions (innovations)', querystring: solutionListQuery, response: withErrors({ 200: solutionPage }) },
    handler: async (req) => (requireAuth(req), c.listSolutions(req.query)),
  });
  r.get('/solutions/:id', {
    schema: { tags: ['catalogue'], summary: 'Read a solution', params: idParams, response: withErrors({ 200: solution }, 404) },
    handler: async (req) => (requireAuth(req), c.getSolution(req.params.id)),
  });
  r.post('/solutions', {
    schema: { tags: ['catalogue'], summary: 'Create a solution (admin, product specialist)', body: solutionCreate, response: withErrors({ 201: solution }) },
    handler: async (req, reply) => reply.status(201).send(await c.createSolution(requireAuth(req).actor, req.body)),
  });
  r.patch('/solutions/:id', {
    schema: { tags: ['catalogue'], summary: 'Update a solution (admin, product specialist)', params: idParams, body: solutionPatch, response: withErrors({ 200: solution }, 404, 409) },
    handler: async (req) => c.updateSolution(requireAuth(req).actor, req.params.id, req.body),
  });
  r.delete('/solutions/:id', {
    schema: { tags: ['catalogue'], summary: 'Delete a solution (soft)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      await c.removeSolution(requireAuth(req).actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
