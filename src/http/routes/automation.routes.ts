import type { FastifyInstance } from 'fastify';
import type { Services } from '../../services/index.js';
import {
  automationJob,
  automationRule,
  automationRuleCreate,
  automationRuleList,
  automationRulePatch,
  holidayList,
  holidayQuery,
  holidaysBody,
  jobListQuery,
  jobPage,
  runListQuery,
  runPage,
} from '../../shared/schemas/automation.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

export function automationRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['automation'];

  r.get('/automation/rules', {
    schema: { tags, summary: 'Automation rules, the shipped defaults first', response: withErrors({ 200: automationRuleList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.automation.listRules() };
    },
  });

  r.post('/automation/rules', {
    schema: {
      tags,
      summary: 'Create a rule: trigger → conditions → actions (marcomm, product specialist, admin)',
      body: automationRuleCreate,
      response: withErrors({ 201: automationRule }),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.automation.createRule(actor, req.body));
    },
  });

  r.get('/automation/rules/:id', {
    schema: { tags, summary: 'One automation rule', params: idParams, response: withErrors({ 200: automationRule }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.automation.getRule(req.params.id);
    },
  });

  r.patch('/automation/rules/:id', {
    schema: { tags, summary: 'Change a rule, e.g. enable or disable it', params: idParams, body: automationRulePatch, response: withErrors({ 200: automationRule }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.automation.updateRule(actor, req.params.id, req.body);
    },
  });

  r.delete('/automation/rules/:id', {
    schema: { tags, summary: 'Delete a rule (soft; its run log stays)', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.automation.removeRule(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });

  r.get('/automation/runs', {
    schema: { tags, summary: 'The run log: every attempt of every job, newest first', querystring: runListQuery, response: withErrors({ 200: runPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.automation.runs(req.query);
    },
  });

  r.get('/automation/jobs', {
    schema: { tags, summary: 'Automation jobs with their status (pending, running, done, failed, dead), newest first', querystring: jobListQuery, response: withErrors({ 200: jobPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.automation.jobs(req.query);
    },
  });

  r.post('/automation/jobs/:id/retry', {
    schema: { tags, summary: 'Give a dead job a fresh round of attempts', params: idParams, response: withErrors({ 200: automationJob }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.automation.retryJob(actor, req.params.id);
    },
  });

  r.get('/automation/holidays', {
    schema: { tags, summary: 'Holidays that working-day due dates skip (besides weekends)', querystring: holidayQuery, response: withErrors({ 200: holidayList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.automation.holidays(req.query.year) };
    },
  });

  r.put('/automation/holidays', {
    schema: { tags, summary: 'Replace the holiday list (admin)', body: holidaysBody, response: withErrors({ 200: holidayList }) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return { items: await services.automation.replaceHolidays(actor, req.body.items) };
    },
  });
}


