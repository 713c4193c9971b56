import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { SESSION_TTL_MS } from '../../services/auth.service.js';
import { loginBody, me, profilePatch, setupBody, setupStatus, user } from '../../shared/schemas/users.js';
import { assertSameOrigin, requireAuth, SESSION_COOKIE } from '../plugins/auth.js';
import { errorResponse } from '../../shared/schemas/common.js';
import { typed, withErrors } from './shared.js';

export interface CookiePolicy {
  /** 'auto' marks the cookie Secure when the request came over HTTPS (directly or via a trusted proxy). */
  secure: boolean | 'auto';
}

export interface AuthRouteOptions {
  cookies: CookiePolicy;
  /** Sign-in and setup attempts allowed per client address per minute. */
  loginRateLimit: number;
}

function setSessionCookie(request: FastifyRequest, reply: FastifyReply, token: string, policy: CookiePolicy) {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: policy.secure === 'auto' ? request.protocol === 'https' : policy.secure,
    maxAge: Math.floor(SESSION_TTL_MS / 1000),
  });
}

export function authRoutes(app: FastifyInstance, services: Services, options: AuthRouteOptions) {
  const policy = options.cookies;
  const rateLimit = { max: options.loginRateLimit, timeWindow: '1 minute' };
  const r = typed(app);
  const tags = ['auth'];

  r.post('/auth/login', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Sign in with email and password; sets the session cookie',
      body: loginBody,
      response: withErrors({ 200: z.object({ user }) }, 429),
    },
    handler: async (req, reply) => {
      assertSameOrigin(req);
      const result = await services.auth.login(req.body.email, req.body.password, req.cookies[SESSION_COOKIE]);
      setSessionCookie(req, reply, result.token, policy);
      return { user: result.user };
    },
  });

  r.post('/auth/logout', {
    schema: { tags, summary: 'Sign out: ends the session', response: withErrors({ 200: z.object({ ok: z.literal(true) }) }) },
    handler: async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await services.auth.logout(token);
      reply.clearCookie(SESSION_COOKIE, { path: '/' });
      return { ok: true as const };
    },
  });

  r.get('/auth/me', {
    schema: { tags, summary: 'The signed-in user', response: withErrors({ 200: me }) },
    handler: async (req) => {
      const { user: current } = requireAuth(req);
      return { user: current, permissions: { role: current.role } };
    },
  });

  r.patch('/auth/me', {
    schema: { tags, summary: 'Change my name, language or time zone', body: profilePatch, response: withErrors({ 200: user }, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.users.updateProfile(actor, req.body);
    },
  });

  r.get('/setup', {
    schema: { tags, summary: 'Whether the workspace still needs its first administrator', response: { 200: setupStatus, 400: errorResponse } },
    handler: async () => ({ needsSetup: await services.auth.needsSetup() }),
  });

  r.post('/setup', {
    config: { rateLimit },
    schema: {
      tags,
      summary: 'Create the first administrator of an empty workspace and sign in',
      body: setupBody,
      response: withErrors({ 201: z.object({ user }) }, 409),
    },
    handler: async (req, reply) => {
      assertSameOrigin(req);
      const result = await services.auth.setup(req.body);
      setSessionCookie(req, reply, result.token, policy);
      return reply.status(201).send({ user: result.user });
    },
  });
}
