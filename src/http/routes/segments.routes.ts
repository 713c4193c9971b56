import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import {
  segment,
  segmentCount,
  segmentCountBody,
  segmentCreate,
  segmentFieldList,
  segmentFreezeBody,
  segmentList,
  segmentMembersQuery,
  segmentPatch,
  segmentPreview,
  segmentPreviewBody,
} from '../../shared/schemas/segments.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function segmentRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['segments'];

  r.get('/segments/fields', {
    schema: { tags, summary: 'The fields a segment rule may use, with their types, vocabularies and operators', response: withErrors({ 200: segmentFieldList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: services.segments.fields().map((f) => ({ ...f, values: f.values ? [...f.values] : undefined, ops: [...f.ops] })) };
    },
  });

  r.get('/segments', {
    schema: { tags, summary: 'Every segment, by name (at most 500)', response: withErrors({ 200: segmentList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.segments.list() };
    },
  });

  r.post('/segments/count', {
    schema: {
      tags,
      summary: 'Count the contacts and accounts a rule matches now (the live count while editing)',
      body: segmentCountBody,
      response: withErrors({ 200: segmentCount }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.segments.count(req.body.rule);
    },
  });

  r.post('/segments/preview', {
    schema: { tags, summary: 'The first contacts a rule matches now, by name, with the totals', body: segmentPreviewBody, response: withErrors({ 200: segmentPreview }) },
    handler: async (req) => {
      requireAuth(req);
      return services.segments.preview(req.body.rule, req.body.limit);
    },
  });

  r.post('/segments', {
    schema: { tags, summary: 'Create a dynamic segment (admin, marcomm, product specialist, sales manager)', body: segmentCreate, response: withErrors({ 201: segment }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.segments.create(actor, req.body));
    },
  });

  r.get('/segments/:id', {
    schema: { tags, summary: 'One segment', params: idParams, response: withErrors({ 200: segment }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.segments.get(req.params.id);
    },
  });

  r.get('/segments/:id/members', {
    schema: {
      tags,
      summary: 'A segment’s first members by name, with the totals: the rule now (dynamic) or the frozen list (static)',
      params: idParams,
      querystring: segmentMembersQuery,
      response: withErrors({ 200: segmentPreview }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.segments.members(req.params.id, req.query.limit);
    },
  });

  r.patch('/segments/:id', {
    schema: { tags, summary: 'Change a segment’s name, description or rule, or make a static one dynamic again', params: idParams, body: segmentPatch, response: withErrors({ 200: segment }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.segments.update(actor, req.params.id, req.body);
    },
  });

  r.post('/segments/:id/freeze', {
    schema: {
      tags,
      summary: 'Freeze the contacts the rule matches now as a static list (replacing an earlier freeze)',
      params: idParams,
      body: segmentFreezeBody,
      response: withErrors({ 200: segment }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.segments.freeze(actor, req.params.id, req.body.version);
    },
  });

  r.delete('/segments/:id', {
    schema: { tags, summary: 'Delete a segment (soft)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.segments.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });
}
