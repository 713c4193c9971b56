import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { targetBody, targetingMatrix, targetLink, targetParams } from '../../shared/schemas/targeting.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function targetingRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['targeting'];

  r.get('/targeting', {
    schema: {
      tags,
      summary: 'The solutions × segments matrix: each segment’s size, and per cell the role and the conversion so far (accounts adopted ÷ accounts with a journey)',
      response: withErrors({ 200: targetingMatrix }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.targeting.matrix();
    },
  });

  r.put('/targeting/:solutionId/:segmentId', {
    schema: {
      tags,
      summary: 'Aim a solution at a segment as its primary or a secondary segment (admin, marcomm, product specialist, sales manager)',
      params: targetParams,
      body: targetBody,
      response: withErrors({ 200: targetLink }),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.targeting.setTarget(actor, req.params.solutionId, req.params.segmentId, req.body.role);
    },
  });

  r.delete('/targeting/:solutionId/:segmentId', {
    schema: { tags, summary: 'Stop aiming a solution at a segment', params: targetParams, response: withErrors({ 200: z.object({ deleted: z.literal(true) }) }, 404) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.targeting.removeTarget(actor, req.params.solutionId, req.params.segmentId);
      return { deleted: true as const };
    },
  });
}
