import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { task, taskCreate, taskListQuery, taskPage, taskPatch } from '../../shared/schemas/tasks.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function taskRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['tasks'];

  r.get('/tasks', {
    schema: { tags, summary: 'List tasks', querystring: taskListQuery, response: withErrors({ 200: taskPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.tasks.list(req.query);
    },
  });

  r.get('/tasks/:id', {
    schema: { tags, summary: 'Read a task', params: idParams, response: withErrors({ 200: task }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.tasks.get(req.params.id);
    },
  });

  r.post('/tasks', {
    schema: { tags, summary: 'Create a task', body: taskCreate, response: withErrors({ 201: task }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.tasks.create(actor, req.body));
    },
  });

  r.patch('/tasks/:id', {
    schema: { tags, summary: 'Update a task (status done completes it)', params: idParams, body: taskPatch, response: withErrors({ 200: task }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.tasks.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/tasks/:id', {
    schema: { tags, summary: 'Delete a task (soft: history is kept)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.tasks.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
