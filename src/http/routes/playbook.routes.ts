import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import { idParams } from '../../shared/schemas/common.js';
import { gateChecklist, gateTick, gateTickBody, gateTickParams, journeyPipeline, journeyPipelineBody, nextBestActions, pipeline, pipelineCreate, pipelineUpdate } from '../../shared/schemas/playbook.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, withErrors } from './shared.js';

export function playbookRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['playbook'];

  r.get('/pipelines', {
    schema: { tags, summary: 'List pipelines: the default and one per solution line', response: withErrors({ 200: z.object({ items: z.array(pipeline) }) }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.playbook.listPipelines() };
    },
  });

  r.get('/pipelines/:id', {
    schema: { tags, summary: 'Read a pipeline with its stages and gates', params: idParams, response: withErrors({ 200: pipeline }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.playbook.getPipeline(req.params.id);
    },
  });

  r.post('/pipelines', {
    schema: { tags, summary: 'Create the pipeline of a solution line (admin)', body: pipelineCreate, response: withErrors({ 201: pipeline }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.playbook.createPipeline(actor, req.body));
    },
  });

  r.patch('/pipelines/:id', {
    schema: {
      tags,
      summary: 'Change a pipeline’s name, stages or gates (admin)',
      description: 'Makes a new version of the pipeline. History rows keep the lenses and version they were written under.',
      params: idParams,
      body: pipelineUpdate,
      response: withErrors({ 200: pipeline }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.playbook.updatePipeline(actor, req.params.id, req.body);
    },
  });

  r.get('/journeys/:id/gates', {
    schema: {
      tags: ['playbook', 'journeys'],
      summary: 'The gates of the journey’s current stage, met and unmet, with their evidence',
      params: idParams,
      response: withErrors({ 200: gateChecklist }, 404),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.playbook.gates(actor, req.params.id);
    },
  });

  r.post('/journeys/:id/gates/:gateId/tick', {
    schema: {
      tags: ['playbook', 'journeys'],
      summary: 'Tick a manual gate with a note',
      params: gateTickParams,
      body: gateTickBody,
      response: withErrors({ 201: z.object({ tick: gateTick, checklist: gateChecklist }) }, 404),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.playbook.tick(actor, req.params.id, req.params.gateId, req.body.note));
    },
  });

  r.get('/journeys/:id/pipeline', {
    schema: {
      tags: ['playbook', 'journeys'],
      summary: 'The pipeline the journey follows, and whether it was chosen for the journey',
      params: idParams,
      response: withErrors({ 200: journeyPipeline }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.playbook.journeyPipeline(req.params.id);
    },
  });

  r.put('/journeys/:id/pipeline', {
    schema: {
      tags: ['playbook', 'journeys'],
      summary: 'Choose the journey’s pipeline (the team’s sales manager, admins)',
      description: 'Changes which gates apply from now on and bumps the journey’s version; the stage history keeps the pipeline each row was written under.',
      params: idParams,
      body: journeyPipelineBody,
      response: withErrors({ 200: journeyPipeline }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.playbook.chooseJourneyPipeline(actor, req.params.id, req.body.pipelineId, req.body.version);
    },
  });

  r.get('/journeys/:id/next-best-actions', {
    schema: {
      tags: ['playbook', 'journeys'],
      summary: 'What to do next on the journey, each with the reason',
      params: idParams,
      response: withErrors({ 200: nextBestActions }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.playbook.nextBestActions(req.params.id);
    },
  });
}
