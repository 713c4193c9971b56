import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { errorResponse } from '../../shared/schemas/common.js';

/** The error responses a route documents next to its success response. */
type ErrorStatus = 404 | 409 | 422 | 429 | 503;

export function withErrors<T extends Record<number, z.ZodType>, S extends ErrorStatus = never>(ok: T, ...statuses: S[]) {
  const documented: Record<number, z.ZodType> = { ...ok };
  for (const status of [400, 401, 403, ...statuses]) documented[status] = errorResponse;
  return documented as T & { [K in 400 | 401 | 403 | S]: typeof errorResponse };
}

export function typed(app: FastifyInstance) {
  return app.withTypeProvider<ZodTypeProvider>();
}

export const versionQuery = z.object({ version: z.coerce.number().int().positive().describe('The version you last read') });
