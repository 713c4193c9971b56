import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorResponse, idParams } from '../../shared/schemas/common.js';
import {
  journeySurveys,
  publicSurvey,
  surveyAnswerBody,
  surveyAnswerResult,
  surveyRequestBody,
  surveyRequestView,
  surveySummary,
  surveySummaryQuery,
  tokenParams,
} from '../../shared/schemas/surveys.js';
import type { Services } from '../../services/index.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

/** The address the caller reached the server at: survey links point back to it. */
function publicUrlOf(req: FastifyRequest): string {
  return `${req.protocol}://${req.host}`;
}

export function surveyRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['surveys'];
  const publicLimit = { rateLimit: { max: 60, timeWindow: '1 minute' } };

  r.get('/surveys/summary', {
    schema: { tags, summary: 'CSAT average and distribution, NPS and its categories, requests sent', querystring: surveySummaryQuery, response: withErrors({ 200: surveySummary }) },
    handler: async (req) => {
      requireAuth(req);
      return services.surveys.summary(req.query);
    },
  });

  r.get('/surveys/:token', {
    config: publicLimit,
    schema: {
      tags,
      summary: 'The survey behind an emailed link (public: the token is the credential)',
      security: [],
      params: tokenParams,
      response: { 200: publicSurvey, 400: errorResponse, 404: errorResponse, 410: errorResponse, 429: errorResponse },
    },
    handler: async (req) => services.surveys.publicView(req.params.token),
  });

  r.post('/surveys/:token', {
    config: publicLimit,
    schema: {
      tags,
      summary: 'Answer a survey once: CSAT 1–5 or NPS 0–10, with an optional comment (public)',
      security: [],
      params: tokenParams,
      body: surveyAnswerBody,
      response: { 200: surveyAnswerResult, 400: errorResponse, 404: errorResponse, 409: errorResponse, 410: errorResponse, 429: errorResponse },
    },
    handler: async (req) => services.surveys.answer(req.params.token, req.body),
  });

  r.get('/journeys/:id/surveys', {
    schema: { tags, summary: 'Surveys requested for a journey, with their answers', params: idParams, response: withErrors({ 200: journeySurveys }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.surveys.forJourney(req.params.id);
    },
  });

  r.post('/journeys/:id/surveys', {
    schema: {
      tags,
      summary: 'Email a CSAT or NPS survey link to a contact of the journey’s account (needs email consent)',
      params: idParams,
      body: surveyRequestBody,
      response: { ...withErrors({ 201: surveyRequestView }, 404, 422), 502: errorResponse },
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.surveys.request(actor, req.params.id, req.body, publicUrlOf(req)));
    },
  });
}
