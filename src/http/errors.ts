import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { hasZodFastifySchemaValidationErrors, isResponseSerializationError } from 'fastify-type-provider-zod';
import { AppError, errorCatalogue, messageFor, type ErrorCode, type FieldIssue, type Locale } from '../shared/errors.js';

/** Picks the caller's language: their profile when signed in, else Accept-Language, else Indonesian. */
export function localeOf(request: FastifyRequest): Locale {
  const profile = request.auth?.user.locale;
  if (profile) return profile;
  const header = request.headers['accept-language'] ?? '';
  const first = header.split(',')[0]?.trim().toLowerCase() ?? '';
  return first.startsWith('en') ? 'en' : 'id';
}

function send(reply: FastifyReply, request: FastifyRequest, code: ErrorCode, details?: Record<string, unknown>, message?: string) {
  const locale = localeOf(request);
  // The catalogue message is translated; a specific English message is kept in details for developers.
  const body = {
    error: {
      code,
      message: locale === 'en' && message ? message : messageFor(code, locale),
      ...(details || (message && locale !== 'en') ? { details: { ...(details ?? {}), ...(message && locale !== 'en' ? { explanation: message } : {}) } } : {}),
    },
  };
  return reply.status(errorCatalogue[code].status).send(body);
}

function fieldPath(context: string | undefined, instancePath: string): string {
  const path = instancePath.replace(/^\//, '').replace(/\//g, '.');
  const scope = context === 'querystring' ? 'query' : (context ?? 'body');
  return path ? `${scope}.${path}` : scope;
}

/** The one translation from anything thrown to the `{ error: { code, message, details } }` shape. */
export function errorHandler(error: FastifyError | AppError | Error, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof AppError) {
    const explanation = error.message !== errorCatalogue[error.code].en ? error.message : undefined;
    return send(reply, request, error.code, error.details, explanation);
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const context = (error as FastifyError).validationContext;
    const issues: FieldIssue[] = error.validation.map((v) => ({ field: fieldPath(context, v.instancePath), reason: v.message ?? 'is not valid' }));
    return send(reply, request, 'validation_failed', { issues }, issues.map((i) => `${i.field}: ${i.reason}`).join('; '));
  }
  if (isResponseSerializationError(error)) {
    request.log.error({ err: error, issues: error.cause.issues }, 'response did not match its schema');
    return send(reply, request, 'internal');
  }
  const status = (error as FastifyError).statusCode ?? 500;
  const fastifyCode = (error as FastifyError).code;
  if (status === 429) return send(reply, request, 'rate_limited');
  if (status === 413) return send(reply, request, 'payload_too_large');
  if (status === 415) return send(reply, request, 'unsupported_media_type');
  if (status >= 400 && status < 500) {
    // Malformed JSON, empty bodies and the like: Fastify's own 4xx, kept as validation errors.
    const field = fastifyCode === 'FST_ERR_CTP_EMPTY_JSON_BODY' || fastifyCode === 'FST_ERR_CTP_INVALID_JSON_BODY' ? 'body' : 'request';
    return send(reply, request, 'validation_failed', { issues: [{ field, reason: error.message }] }, error.message);
  }
  request.log.error({ err: error }, 'unhandled error');
  return send(reply, request, 'internal');
}

export function notFoundHandler(request: FastifyRequest, reply: FastifyReply) {
  return send(reply, request, 'not_found', { route: `${request.method} ${request.url.split('?')[0]}` });
}
