import type { FastifyInstance, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import type { Authenticated } from '../../services/auth.service.js';
import type { Services } from '../../services/index.js';
import { AppError } from '../../shared/errors.js';

export const SESSION_COOKIE = 'difusi_session';

declare module 'fastify' {
  interface FastifyRequest {
    auth: Authenticated | null;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Resolves the caller from the session cookie or a bearer token, and refuses cross-site
 * writes made with the cookie: a browser says where a request comes from in
 * Sec-Fetch-Site (and Origin); anything but same-origin is refused. Bearer tokens are
 * not sent by browsers on their own, so they need no such check.
 */
export const authPlugin = fp(async (app: FastifyInstance, opts: { services: Services }) => {
  app.decorateRequest('auth', null);

  app.addHook('onRequest', async (request) => {
    if (request.url.startsWith('/api/hooks/')) return; // webhooks authenticate by signature, never by cookie: no session, no same-origin check
    const header = request.headers.authorization;
    if (header?.startsWith('Bearer ')) {
      request.auth = await opts.services.auth.fromToken(header.slice(7).trim());
      if (!request.auth) throw new AppError('unauthenticated', { reason: 'the API token is unknown or revoked' });
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) return;
    if (!SAFE_METHODS.has(request.method)) assertSameOrigin(request);
    request.auth = await opts.services.auth.fromSession(token);
  });
});

export function assertSameOrigin(request: FastifyRequest): void {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string') {
    if (site === 'same-origin' || site === 'none') return;
    throw new AppError('cross_site_request', { secFetchSite: site });
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    let host: string;
    try {
      host = new URL(origin).host;
    } catch {
      throw new AppError('cross_site_request', { origin });
    }
    if (host !== request.headers.host) throw new AppError('cross_site_request', { origin });
  }
}

/** The signed-in caller, or a 401. */
export function requireAuth(request: FastifyRequest): Authenticated {
  if (!request.auth) throw new AppError('unauthenticated');
  return request.auth;
}
