import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { Deps } from '../services/context.js';
import { createServices, type Services } from '../services/index.js';
import { errorHandler, notFoundHandler } from './errors.js';
import { authPlugin } from './plugins/auth.js';
import { accountRoutes } from './routes/accounts.routes.js';
import { activityRoutes } from './routes/activities.routes.js';
import { analyticsRoutes } from './routes/analytics.routes.js';
import { adminRoutes } from './routes/admin.routes.js';
import { authRoutes, type CookiePolicy } from './routes/auth.routes.js';
import { catalogueRoutes } from './routes/catalogue.routes.js';
import { channelRoutes } from './routes/channels.routes.js';
import { contactRoutes } from './routes/contacts.routes.js';
import { journeyRoutes } from './routes/journeys.routes.js';
import { savedViewRoutes } from './routes/saved-views.routes.js';
import { playbookRoutes } from './routes/playbook.routes.js';
import { assessmentRoutes } from './routes/assessments.routes.js';
import { contentRoutes } from './routes/content.routes.js';
import { ContentFiles } from '../services/contentFiles.js';
import { loadConfig } from '../config.js';
import { taskRoutes } from './routes/tasks.routes.js';
import { segmentRoutes } from './routes/segments.routes.js';
import { searchRoutes } from './routes/search.routes.js';
import { userRoutes } from './routes/users.routes.js';
import { teamRoutes } from './routes/team.routes.js';
import { coachingRoutes } from './routes/coaching.routes.js';
import { automationRoutes } from './routes/automation.routes.js';
import { surveyRoutes } from './routes/surveys.routes.js';
import { campaignRoutes } from './routes/campaigns.routes.js';
import { targetingRoutes } from './routes/targeting.routes.js';
import { telemarketingRoutes } from './routes/telemarketing.routes.js';

export interface AppOptions {
  deps: Deps;
  logger?: FastifyServerOptions['logger'];
  /** Folder of the built web app to serve at `/`; none in API-only tests. */
  webRoot?: string | null;
  /** Where uploaded content is stored (`<dataDir>/content/`); default: DIFUSI_DATA_DIR, else ./data. */
  dataDir?: string;
  cookies?: CookiePolicy;
  /** Behind a reverse proxy: trust X-Forwarded-* (so Secure cookies follow HTTPS). */
  trustProxy?: boolean;
  /** Sign-in attempts per IP per minute. */
  loginRateLimit?: number;
}

export const API_VERSION = '0.1.0';

/** `GET /api/journeys/:id/history` → `getJourneysByIdHistory`: stable names for generated clients. */
export function operationId(method: string, url: string): string {
  const words = url
    .replace(/^\/api\//, '')
    .split('/')
    .filter(Boolean)
    .map((part) => (part.startsWith(':') ? `by-${part.slice(1)}` : part))
    .join('-')
    .split(/[^a-zA-Z0-9]+/)
    .filter(Boolean);
  return method.toLowerCase() + words.map((w) => w[0]?.toUpperCase() + w.slice(1)).join('');
}

/** Builds the HTTP application without listening: tests call `app.inject()`, the CLI calls `listen()`. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance & { services: Services }> {
  const app = Fastify({
    logger: options.logger ?? false,
    trustProxy: options.trustProxy ?? false,
    bodyLimit: 1024 * 1024,
    ajv: undefined,
  });
  const services = createServices(options.deps);

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  const webRoot = options.webRoot && existsSync(join(options.webRoot, 'index.html')) ? options.webRoot : null;
  // The web app routes on the client: unknown non-API GETs get its index page.
  app.setNotFoundHandler((request, reply) => {
    if (webRoot && request.method === 'GET' && !request.url.startsWith('/api')) return reply.sendFile('index.html');
    return notFoundHandler(request, reply);
  });

  await app.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        upgradeInsecureRequests: null,
      },
    },
  });
  await app.register(fastifyCookie);
  await app.register(fastifyRateLimit, { global: false });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Difusi API',
        version: API_VERSION,
        description:
          'Adoption journeys, selling playbooks and diffusion analytics for B2B technology sales. ' +
          'Authenticate with the session cookie from POST /api/auth/login or with `Authorization: Bearer <token>` ' +
          '(tokens are created with `difusi token create`). Every error has the shape { error: { code, message, details } }.',
        license: { name: 'AGPL-3.0-only', identifier: 'AGPL-3.0-only' },
      },
      servers: [{ url: '/' }],
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'difusi_session' },
          bearer: { type: 'http', scheme: 'bearer' },
        },
      },
      security: [{ session: [] }, { bearer: [] }],
      tags: [
        { name: 'auth', description: 'Sign-in, sessions and first-run setup' },
        { name: 'users', description: 'Users, teams and roles' },
        { name: 'catalogue', description: 'Principals (vendors) and solutions (innovations)' },
        { name: 'accounts', description: 'Client companies and their segmentation attributes' },
        { name: 'contacts', description: 'People at accounts: persona, channels and marketing consent' },
        { name: 'channels', description: 'Email (SMTP), WhatsApp templates, click-to-chat and the inbound webhook; consent per channel' },
        { name: 'journeys', description: 'Adoption journeys (account × solution) and their stage history' },
        { name: 'playbook', description: 'Pipelines, stage gates and their evidence, overrides, next best actions' },
        { name: 'assessments', description: 'IT-environment assessments (inventory, risks) and the solutions they recommend' },
        { name: 'positioning', description: 'Value pillars and persona messages per solution' },
        { name: 'content', description: 'The educational-content library (uploads and links) and shares with contacts' },
        { name: 'activities', description: 'Visits, calls, messages, demos and other touches, with their participants' },
        { name: 'tasks', description: 'To-dos for people, linked to an account, contact, journey or activity' },
        { name: 'segments', description: 'Segments: rules over account, contact and journey facts, live counts, static lists' },
        { name: 'search', description: 'Search across accounts, contacts and journeys' },
        { name: 'admin', description: 'Audit log and exchange rates' },
        { name: 'analytics', description: 'Funnel, diffusion (Bass), adopter categories and selling practice' },
        { name: 'team', description: 'The team on a journey (handoffs, principal contact), SA workload and the coaching view' },
        { name: 'automation', description: 'Automation rules, their durable jobs and run log, and the working-day holiday list' },
        { name: 'surveys', description: 'CSAT and NPS satisfaction surveys by emailed link' },
        { name: 'campaigns', description: 'Campaigns: audience snapshot from a segment, responses (by hand, CSV, hooks), results and attribution' },
        { name: 'targeting', description: 'The solutions × segments matrix: primary and secondary segments, size and conversion' },
        { name: 'telemarketing', description: 'Call lists from a segment split among callers, outcomes and progress' },
        { name: 'system', description: 'Health' },
      ],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });
  await app.register(authPlugin, { services });
  app.addHook('onRoute', (route) => {
    if (route.schema && !route.schema.hide && !('operationId' in route.schema)) {
      const method = Array.isArray(route.method) ? route.method[0] : route.method;
      Object.assign(route.schema, { operationId: operationId(String(method), route.url) });
    }
  });

  await app.register(
    async (api) => {
      authRoutes(api, services, { cookies: options.cookies ?? { secure: 'auto' }, loginRateLimit: options.loginRateLimit ?? 10 });
      adminRoutes(api, services);
      userRoutes(api, services);
      catalogueRoutes(api, services);
      accountRoutes(api, services);
      contactRoutes(api, services);
      channelRoutes(api, services);
      journeyRoutes(api, services);
      savedViewRoutes(api, services);
      playbookRoutes(api, services);
      assessmentRoutes(api, services);
      contentRoutes(api, services, new ContentFiles(options.dataDir ?? loadConfig().dataDir));
      searchRoutes(api, services);
      activityRoutes(api, services);
      taskRoutes(api, services);
      segmentRoutes(api, services);
      analyticsRoutes(api, services);
      teamRoutes(api, services);
      coachingRoutes(api, services);
      automationRoutes(api, services);
      surveyRoutes(api, services);
      campaignRoutes(api, services);
      targetingRoutes(api, services);
      telemarketingRoutes(api, services);
      api.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
    },
    { prefix: '/api' },
  );

  if (webRoot) await app.register(fastifyStatic, { root: webRoot, wildcard: false });

  return Object.assign(app, { services }) as FastifyInstance & { services: Services };
}
