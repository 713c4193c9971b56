import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { Services } from '../../services/index.js';
import {
  consentsInput,
  contactConsents,
  contactEmailInput,
  contactEmailResult,
  inboundListQuery,
  inboundPage,
  smtpSettingsInput,
  smtpSettingsView,
  smtpTestResult,
  webhookResult,
  webhookVerifyQuery,
  whatsappLink,
  whatsappLinkQuery,
  whatsappSettingsInput,
  whatsappSettingsView,
  whatsappTemplate,
  whatsappTemplateCreate,
  whatsappTemplateList,
  whatsappTemplatePatch,
} from '../../shared/schemas/channels.js';
import { deletedResponse, errorResponse, idParams } from '../../shared/schemas/common.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

/** SMTP and WhatsApp settings, consent, email to contacts, WhatsApp templates, links and the webhook. */
export function channelRoutes(app: FastifyInstance, services: Services) {
  const r = typed(app);
  const tags = ['channels'];

  // --- settings (admins) ------------------------------------------------------------------

  r.get('/admin/smtp', {
    schema: { tags, summary: 'SMTP settings (admins); the password is never returned', response: withErrors({ 200: smtpSettingsView }) },
    handler: async (req) => services.channels.smtpSettings(requireAuth(req).actor),
  });

  r.put('/admin/smtp', {
    schema: { tags, summary: 'Store the SMTP settings (admins)', body: smtpSettingsInput, response: withErrors({ 200: smtpSettingsView }) },
    handler: async (req) => services.channels.saveSmtpSettings(requireAuth(req).actor, req.body),
  });

  r.post('/admin/smtp/test', {
    schema: {
      tags,
      summary: 'Send a test email to the signed-in admin through the stored SMTP settings',
      response: { ...withErrors({ 200: smtpTestResult }, 422), 502: errorResponse },
    },
    handler: async (req) => services.channels.sendTestEmail(requireAuth(req).actor),
  });

  r.get('/admin/whatsapp', {
    schema: { tags, summary: 'WhatsApp webhook settings (admins); secrets are never returned', response: withErrors({ 200: whatsappSettingsView }) },
    handler: async (req) => services.channels.whatsappSettings(requireAuth(req).actor),
  });

  r.put('/admin/whatsapp', {
    schema: { tags, summary: 'Store the WhatsApp app secret and verify token (admins)', body: whatsappSettingsInput, response: withErrors({ 200: whatsappSettingsView }) },
    handler: async (req) => services.channels.saveWhatsappSettings(requireAuth(req).actor, req.body),
  });

  // --- consent and outbound messages to a contact -------------------------------------------

  r.get('/contacts/:id/consents', {
    schema: { tags, summary: 'The consent in force per channel and the consent log of a contact', params: idParams, response: withErrors({ 200: contactConsents }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.channels.consents(req.params.id);
    },
  });

  r.put('/contacts/:id/consents', {
    schema: {
      tags,
      summary: 'Record consent changes for a contact (in force immediately; the log is append-only)',
      params: idParams,
      body: consentsInput,
      response: withErrors({ 200: contactConsents }, 404),
    },
    handler: async (req) => services.channels.recordConsents(requireAuth(req).actor, req.params.id, req.body),
  });

  r.post('/contacts/:id/email', {
    schema: {
      tags,
      summary: 'Email a contact (consent checked) and log the email as an activity',
      params: idParams,
      body: contactEmailInput,
      response: { ...withErrors({ 201: contactEmailResult }, 404, 422), 502: errorResponse },
    },
    handler: async (req, reply) => reply.status(201).send(await services.channels.emailContact(requireAuth(req).actor, req.params.id, req.body)),
  });

  r.get('/contacts/:id/whatsapp-link', {
    schema: {
      tags,
      summary: 'A wa.me click-to-chat link for a contact, optionally prefilled with a template (refused without WhatsApp consent)',
      params: idParams,
      querystring: whatsappLinkQuery,
      response: withErrors({ 200: whatsappLink }, 404, 422),
    },
    handler: async (req) => services.channels.whatsappLink(requireAuth(req).actor, req.params.id, req.query),
  });

  // --- WhatsApp templates ----------------------------------------------------------------------

  r.get('/whatsapp-templates', {
    schema: { tags, summary: 'WhatsApp message templates, by name', response: withErrors({ 200: whatsappTemplateList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.channels.listTemplates() };
    },
  });

  r.get('/whatsapp-templates/:id', {
    schema: { tags, summary: 'Read a WhatsApp template', params: idParams, response: withErrors({ 200: whatsappTemplate }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.channels.getTemplate(req.params.id);
    },
  });

  r.post('/whatsapp-templates', {
    schema: { tags, summary: 'Create a WhatsApp template (marcomm, product specialists, sales managers, admins)', body: whatsappTemplateCreate, response: withErrors({ 201: whatsappTemplate }, 409) },
    handler: async (req, reply) => reply.status(201).send(await services.channels.createTemplate(requireAuth(req).actor, req.body)),
  });

  r.patch('/whatsapp-templates/:id', {
    schema: { tags, summary: 'Change a WhatsApp template', params: idParams, body: whatsappTemplatePatch, response: withErrors({ 200: whatsappTemplate }, 404, 409) },
    handler: async (req) => services.channels.updateTemplate(requireAuth(req).actor, req.params.id, req.body),
  });

  r.delete('/whatsapp-templates/:id', {
    schema: { tags, summary: 'Delete a WhatsApp template', params: idParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      await services.channels.removeTemplate(requireAuth(req).actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });

  // --- inbound messages ------------------------------------------------------------------------

  r.get('/inbound-messages', {
    schema: { tags, summary: 'Inbound WhatsApp messages, newest first; unmatched ones wait for review', querystring: inboundListQuery, response: withErrors({ 200: inboundPage }) },
    handler: async (req) => {
      requireAuth(req);
      return services.channels.inbound(req.query);
    },
  });

  // --- the WhatsApp Cloud API webhook (public: authenticated by its signature) ----------------

  r.get('/hooks/whatsapp', {
    schema: {
      tags,
      summary: 'Webhook verification: echoes hub.challenge when hub.verify_token matches the stored verify token',
      security: [],
      querystring: webhookVerifyQuery,
      response: { 200: z.string().describe('The hub.challenge, as text/plain'), 400: errorResponse, 403: errorResponse },
    },
    handler: async (req, reply) => {
      const challenge = await services.channels.verifyWebhook(req.query['hub.mode'], req.query['hub.verify_token'], req.query['hub.challenge']);
      return reply.type('text/plain; charset=utf-8').send(challenge);
    },
  });

  // The signature covers the exact bytes Meta sent, so this route alone reads its body raw.
  app.register(async (hooks) => {
    hooks.removeAllContentTypeParsers();
    hooks.addContentTypeParser('*', { parseAs: 'buffer' }, (_req, body, done) => done(null, body));
    typed(hooks).post('/hooks/whatsapp', {
      schema: {
        tags,
        summary: 'Inbound WhatsApp Cloud API messages, signed with X-Hub-Signature-256 (HMAC-SHA256 of the raw body with the app secret)',
        description: 'Unsigned or badly signed calls get 401 and nothing is stored. Each message is stored once (by its id) and logged as a WhatsApp activity when the sender matches one account’s contact; STOP or BERHENTI records an opt-out.',
        security: [],
        headers: z.object({ 'x-hub-signature-256': z.string().max(200).optional() }),
        response: { 200: webhookResult, 400: errorResponse, 401: errorResponse },
      },
      handler: async (req) => {
        const raw = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
        return services.channels.receiveWhatsapp(raw, req.headers['x-hub-signature-256']);
      },
    });
  });
}
