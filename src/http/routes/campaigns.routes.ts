import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import {
  audiencePage,
  audienceQuery,
  campaign,
  campaignCreate,
  campaignList,
  campaignListQuery,
  campaignPatch,
  campaignResponse,
  campaignResults,
  responseCreate,
  responseImportJson,
  responseImportResult,
  responseListQuery,
  responsePage,
  versionBody,
} from '../../shared/schemas/campaigns.js';
import { dateSchema, deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

const MAX_CSV_BYTES = 2 * 1024 * 1024;

export function campaignRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['campaigns'];

  r.get('/campaigns', {
    schema: { tags, summary: 'Campaigns, newest first (at most 500)', querystring: campaignListQuery, response: withErrors({ 200: campaignList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.campaigns.list(req.query) };
    },
  });

  r.post('/campaigns', {
    schema: { tags, summary: 'Create a draft campaign (admin, marcomm, product specialist, sales manager)', body: campaignCreate, response: withErrors({ 201: campaign }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.campaigns.create(actor, req.body));
    },
  });

  r.get('/campaigns/:id', {
    schema: { tags, summary: 'One campaign', params: idParams, response: withErrors({ 200: campaign }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.campaigns.get(req.params.id);
    },
  });

  r.patch('/campaigns/:id', {
    schema: {
      tags,
      summary: 'Change a campaign (its segment only while it is a draft)',
      params: idParams,
      body: campaignPatch,
      response: withErrors({ 200: campaign }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.campaigns.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/campaigns/:id', {
    schema: { tags, summary: 'Delete a campaign (soft)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.campaigns.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });

  r.post('/campaigns/:id/launch', {
    schema: {
      tags,
      summary: 'Launch a draft campaign: its segment’s members now become the audience (a snapshot). A second launch gets 409 campaign_launched',
      params: idParams,
      body: versionBody,
      response: withErrors({ 200: campaign }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.campaigns.launch(actor, req.params.id, req.body.version);
    },
  });

  r.post('/campaigns/:id/close', {
    schema: { tags, summary: 'Close a launched campaign: no more responses', params: idParams, body: versionBody, response: withErrors({ 200: campaign }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.campaigns.close(actor, req.params.id, req.body.version);
    },
  });

  r.get('/campaigns/:id/audience', {
    schema: {
      tags,
      summary: 'The audience snapshot by contact name, with each contact’s responses and the totals',
      params: idParams,
      querystring: audienceQuery,
      response: withErrors({ 200: audiencePage }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.campaigns.audience(req.params.id, req.query.limit, req.query.cursor);
    },
  });

  r.get('/campaigns/:id/responses', {
    schema: { tags, summary: 'Responses, newest first', params: idParams, querystring: responseListQuery, response: withErrors({ 200: responsePage }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.campaigns.responses(req.params.id, req.query);
    },
  });

  r.post('/campaigns/:id/responses', {
    schema: {
      tags,
      summary: 'Record a response by hand (campaign managers, or the account’s AM). An engaging response opens a knowledge-stage journey or touches the existing one',
      params: idParams,
      body: responseCreate,
      response: withErrors({ 201: z.object({ response: campaignResponse, journeyOpened: z.boolean() }) }, 404, 409),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      const result = await services.campaigns.addResponse(actor, req.params.id, req.body);
      return reply.status(201).send({ response: result.response, journeyOpened: result.journeyOpened });
    },
  });

  // The import also takes a text/csv body, so this route gets its own parser.
  app.register(async (scoped) => {
    scoped.addContentTypeParser('text/csv', { parseAs: 'string', bodyLimit: MAX_CSV_BYTES }, (_req, body, done) => done(null, body));
    typed(scoped).post('/campaigns/:id/responses/import', {
      bodyLimit: MAX_CSV_BYTES,
      schema: {
        tags,
        summary: 'Import responses from CSV (text/csv body, or JSON { csv }): columns contact_id or email or phone, kind, at. All rows or none',
        description:
          'Every row is checked first. If any row is wrong nothing is written, and the 400 lists each problem in details.rows as { row, field, reason } (row: the line in the file; the header is line 1). ' +
          'A row the contact has already given (same kind) is skipped.',
        params: idParams,
        body: z.union([responseImportJson, z.string().min(1).max(MAX_CSV_BYTES).describe('text/csv')]),
        response: withErrors({ 200: responseImportResult }, 404, 409),
      },
      handler: async (req) => {
        const { actor } = requireAuth(req);
        const csv = typeof req.body === 'string' ? req.body : req.body.csv;
        return services.campaigns.importResponses(actor, req.params.id, csv);
      },
    });
  });

  r.get('/campaigns/:id/results', {
    schema: {
      tags,
      summary: 'Reach, responses, journeys opened and advanced, attributed pipeline and won value (first touch, last touch, linear), cost per journey and ROI',
      params: idParams,
      querystring: z.object({ asOf: dateSchema.optional().describe('Exchange rates in force on this date; default today') }),
      response: withErrors({ 200: campaignResults }, 404, 422),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.campaigns.results(req.params.id, req.query.asOf);
    },
  });
}
