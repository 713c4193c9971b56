import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { idParams } from '../../shared/schemas/common.js';
import { team, teamCreate, teamPatch, user, userCreate, userListQuery, userPage, userPatch } from '../../shared/schemas/users.js';
import { roles } from '../../shared/vocabulary.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function userRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);

  r.get('/users', {
    schema: { tags: ['users'], summary: 'List users', querystring: userListQuery, response: withErrors({ 200: userPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.users.list(req.query);
    },
  });
  r.get('/users/:id', {
    schema: { tags: ['users'], summary: 'Read a user', params: idParams, response: withErrors({ 200: user }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.users.get(req.params.id);
    },
  });
  r.post('/users', {
    schema: { tags: ['users'], summary: 'Create a user (admin)', body: userCreate, response: withErrors({ 201: user }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.users.create(actor, req.body));
    },
  });
  r.patch('/users/:id', {
    schema: { tags: ['users'], summary: 'Update a user (admin): role, team, active, password', params: idParams, body: userPatch, response: withErrors({ 200: user }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.users.update(actor, req.params.id, req.body);
    },
  });

  r.get('/teams', {
    schema: { tags: ['users'], summary: 'List teams', response: withErrors({ 200: z.object({ items: z.array(team) }) }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.users.listTeams() };
    },
  });
  r.post('/teams', {
    schema: { tags: ['users'], summary: 'Create a team (admin)', body: teamCreate, response: withErrors({ 201: team }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.users.createTeam(actor, req.body));
    },
  });
  r.patch('/teams/:id', {
    schema: { tags: ['users'], summary: 'Rename a team or change its manager (admin)', params: idParams, body: teamPatch, response: withErrors({ 200: team }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.users.updateTeam(actor, req.params.id, req.body);
    },
  });

  r.get('/roles', {
    schema: { tags: ['users'], summary: 'The roles a user can have', response: withErrors({ 200: z.object({ items: z.array(z.enum(roles)) }) }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: [...roles] };
    },
  });
}
