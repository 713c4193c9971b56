import { basename, extname } from 'node:path';
import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { FileTooLargeError, type ContentFiles, type ReceivedFile } from '../../services/contentFiles.js';
import type { Services } from '../../services/index.js';
import { activity } from '../../shared/schemas/activities.js';
import { deletedResponse, idParams } from '../../shared/schemas/common.js';
import {
  MAX_UPLOAD_BYTES,
  allowedUploadTypes,
  contentItem,
  contentLinkCreate,
  contentListQuery,
  contentPage,
  contentParams,
  contentPatch,
  contentShare,
  contentShareList,
  contentUploadFields,
  contentUploadForm,
  journeyPlaybook,
  personaMessage,
  personaMessageCreate,
  personaMessageParams,
  personaMessagePatch,
  playbookEntry,
  playbookEntryCreate,
  playbookEntryList,
  playbookEntryListQuery,
  playbookEntryParams,
  playbookEntryPatch,
  positioning,
  positioningPut,
  shareCreate,
  solutionParams,
} from '../../shared/schemas/content.js';
import { AppError, invalidField, type FieldIssue } from '../../shared/errors.js';
import { requireAuth } from '../plugins/auth.js';
import { typed, versionQuery, withErrors } from './shared.js';

const MAX_MB = MAX_UPLOAD_BYTES / 1024 / 1024;

/** The user's file name, kept only as metadata (and for Content-Disposition): no path, no control characters. */
function cleanFileName(name: string): string {
  const cleaned = basename(name.replace(/\\/g, '/')).replace(/[\u0000-\u001f\u007f"]/g, '').trim();
  return (cleaned || 'file').slice(0, 255);
}

/** RFC 6266 attachment with an ASCII fallback and the UTF-8 name (RFC 5987). */
export function contentDisposition(fileName: string): string {
  const ascii = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\]/g, '_');
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

function tooLarge(): AppError {
  return new AppError('payload_too_large', { issues: [{ field: 'body.file', reason: `is larger than ${MAX_MB} MB` }] }, `body.file: is larger than ${MAX_MB} MB`);
}

/**
 * Positioning, the content library (with uploads) and the playbook content. Multipart is
 * registered in an encapsulated scope for the upload route only; uploads live under
 * `<dataDir>/content/`, named by content item id.
 */
export function contentRoutes(app: FastifyInstance, services: Services, files: ContentFiles) {
  const r = typed(app);

  // --- positioning ---------------------------------------------------------------------------
  const positioningTags = ['positioning'];

  r.get('/solutions/:id/positioning', {
    schema: { tags: positioningTags, summary: 'A solution’s value pillars and persona messages', params: solutionParams, response: withErrors({ 200: positioning }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.positioning.get(req.params.id);
    },
  });

  r.put('/solutions/:id/positioning', {
    schema: {
      tags: positioningTags,
      summary: 'Replace a solution’s value pillar statements (marcomm, product specialists)',
      description: 'Persona messages are changed through /persona-messages; the response carries both.',
      params: solutionParams,
      body: positioningPut,
      response: withErrors({ 200: positioning }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.positioning.putPillars(actor, req.params.id, req.body);
    },
  });

  r.post('/solutions/:id/persona-messages', {
    schema: { tags: positioningTags, summary: 'Add a message for a persona (beginner / advanced, by division)', params: solutionParams, body: personaMessageCreate, response: withErrors({ 201: personaMessage }, 404) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.positioning.createMessage(actor, req.params.id, req.body));
    },
  });

  r.patch('/solutions/:id/persona-messages/:messageId', {
    schema: { tags: positioningTags, summary: 'Change a persona message', params: personaMessageParams, body: personaMessagePatch, response: withErrors({ 200: personaMessage }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.positioning.updateMessage(actor, req.params.id, req.params.messageId, req.body);
    },
  });

  r.delete('/solutions/:id/persona-messages/:messageId', {
    schema: { tags: positioningTags, summary: 'Delete a persona message (soft)', params: personaMessageParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.positioning.removeMessage(actor, req.params.id, req.params.messageId, req.query.version);
      return { id: req.params.messageId, deleted: true as const };
    },
  });

  // --- content library -------------------------------------------------------------------------
  const tags = ['content'];

  r.get('/content', {
    schema: {
      tags,
      summary: 'The educational-content library, newest first',
      description: 'A tag filter (solution, persona, stage) keeps items with that tag and items without any tag of that kind (meant for everyone).',
      querystring: contentListQuery,
      response: withErrors({ 200: contentPage }),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.content.list(req.query);
    },
  });

  r.post('/content', {
    schema: { tags, summary: 'Add a link to the library (marcomm, product specialists)', body: contentLinkCreate, response: withErrors({ 201: contentItem }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.content.createLink(actor, req.body));
    },
  });

  r.get('/content/:id', {
    schema: { tags, summary: 'A content item with its tags and share count', params: contentParams, response: withErrors({ 200: contentItem }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return services.content.get(req.params.id);
    },
  });

  r.patch('/content/:id', {
    schema: { tags, summary: 'Change a content item’s title, description, language, link or tags', params: contentParams, body: contentPatch, response: withErrors({ 200: contentItem }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.content.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/content/:id', {
    schema: {
      tags,
      summary: 'Delete a content item (soft)',
      description: 'The record stays for the share history; an uploaded file is removed from disk.',
      params: contentParams,
      querystring: versionQuery,
      response: withErrors({ 200: deletedResponse }, 404, 409),
    },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.content.remove(actor, req.params.id, req.query.version, files);
      return { id: req.params.id, deleted: true as const };
    },
  });

  r.get('/content/:id/file', {
    schema: {
      tags,
      summary: 'Download an uploaded file (as an attachment)',
      params: contentParams,
      produces: ['application/octet-stream'],
      response: withErrors({ 200: z.string().describe('The file’s bytes, with its type in Content-Type') }, 404),
    },
    handler: async (req, reply) => {
      requireAuth(req);
      const stored = await services.content.file(req.params.id);
      const opened = await files.open(stored.storedPath);
      if (!opened) throw new AppError('not_found', { record: 'content_file', id: req.params.id });
      return reply
        .header('content-type', stored.mimeType)
        .header('content-length', String(opened.size))
        .header('content-disposition', contentDisposition(stored.fileName))
        .header('cache-control', 'private, no-store')
        .send(opened.stream as never);
    },
  });

  r.get('/content/:id/shares', {
    schema: { tags, summary: 'Who the item was shared with, newest first (at most 200)', params: contentParams, response: withErrors({ 200: contentShareList }, 404) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.content.shares(req.params.id) };
    },
  });

  r.post('/content/:id/shares', {
    schema: {
      tags,
      summary: 'Record that the item was shared with a contact',
      description: 'Logs a content_shared activity on the contact’s account (and journey) under the activities’ permission rules.',
      params: contentParams,
      body: shareCreate,
      response: withErrors({ 201: z.object({ share: contentShare, activity }) }, 404),
    },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.content.share(actor, req.params.id, req.body));
    },
  });

  // Uploads: multipart only in this scope.
  app.register(async (scope) => {
    await scope.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1, fields: 20, fieldSize: 64 * 1024, parts: 25 } });
    typed(scope).post('/content/uploads', {
      schema: {
        tags,
        summary: `Upload a file to the library (marcomm, product specialists; at most ${MAX_MB} MB)`,
        description: 'multipart/form-data: a part named `file` and the text fields; lists are comma-separated.',
        consumes: ['multipart/form-data'],
        body: contentUploadForm,
        response: withErrors({ 201: contentItem }),
      },
      // The form is read and checked by hand below: the file streams to disk instead of into memory.
      validatorCompiler: () => (value: unknown) => ({ value }),
      handler: async (req, reply) => {
        const { actor } = requireAuth(req);
        services.content.assertCanWrite(actor);
        if (!req.isMultipart()) throw invalidField('body.file', 'is required: send the upload as multipart/form-data with a part named file');

        const fields: Record<string, string> = {};
        let received: ReceivedFile | null = null;
        try {
          for await (const part of req.parts()) {
            if (part.type === 'field') {
              fields[part.fieldname] = String(part.value);
              continue;
            }
            if (part.fieldname !== 'file' || received) {
              part.file.resume();
              throw invalidField(`body.${part.fieldname}`, 'is not expected: send one file, in the part named file');
            }
            const extensions = allowedUploadTypes[part.mimetype];
            const extension = extname(part.filename ?? '').toLowerCase();
            if (!extensions) {
              part.file.resume();
              throw invalidField('body.file', `has type ${part.mimetype}, which is not accepted (PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF, WebP, MP4)`);
            }
            if (!extensions.includes(extension)) {
              part.file.resume();
              throw invalidField('body.file', `is named ${extension || 'without an extension'}, which does not match its type ${part.mimetype} (${extensions.join(', ')})`);
            }
            received = await files.receive(part.file, cleanFileName(part.filename), part.mimetype, MAX_UPLOAD_BYTES);
          }
        } catch (error) {
          if (received) await files.discard((received as ReceivedFile).tempPath);
          const code = (error as { code?: unknown }).code;
          if (error instanceof FileTooLargeError || code === 'FST_REQ_FILE_TOO_LARGE') throw tooLarge();
          if (code === 'FST_FILES_LIMIT' || code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw invalidField('body', 'has too many parts: one file and the text fields');
          throw error;
        }
        if (!received) throw invalidField('body.file', 'is required');
        const parsed = contentUploadFields.safeParse(fields);
        if (!parsed.success) {
          await files.discard(received.tempPath);
          const issues: FieldIssue[] = parsed.error.issues.map((i) => ({ field: ['body', ...i.path.map(String)].join('.'), reason: i.message }));
          throw new AppError('validation_failed', { issues }, issues.map((i) => `${i.field}: ${i.reason}`).join('; '));
        }
        return reply.status(201).send(await services.content.createUpload(actor, parsed.data, received, files));
      },
    });
  });

  // --- playbook content ---------------------------------------------------------------------------
  const playbookTags = ['playbook'];

  r.get('/playbook-entries', {
    schema: { tags: playbookTags, summary: 'Playbook content: talk tracks, questions, objections and tips by stage and persona', querystring: playbookEntryListQuery, response: withErrors({ 200: playbookEntryList }) },
    handler: async (req) => {
      requireAuth(req);
      return { items: await services.playbookContent.list(req.query) };
    },
  });

  r.post('/playbook-entries', {
    schema: { tags: playbookTags, summary: 'Add a playbook entry (marcomm, product specialists)', body: playbookEntryCreate, response: withErrors({ 201: playbookEntry }) },
    handler: async (req, reply) => {
      const { actor } = requireAuth(req);
      return reply.status(201).send(await services.playbookContent.create(actor, req.body));
    },
  });

  r.patch('/playbook-entries/:id', {
    schema: { tags: playbookTags, summary: 'Change a playbook entry', params: playbookEntryParams, body: playbookEntryPatch, response: withErrors({ 200: playbookEntry }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      return services.playbookContent.update(actor, req.params.id, req.body);
    },
  });

  r.delete('/playbook-entries/:id', {
    schema: { tags: playbookTags, summary: 'Delete a playbook entry (soft)', params: playbookEntryParams, querystring: versionQuery, response: withErrors({ 200: deletedResponse }, 404, 409) },
    handler: async (req) => {
      const { actor } = requireAuth(req);
      await services.playbookContent.remove(actor, req.params.id, req.query.version);
      return { id: req.params.id, deleted: true as const };
    },
  });

  r.get('/journeys/:id/playbook', {
    schema: {
      tags: playbookTags,
      summary: 'The playbook for a journey: entries for its stage and its contacts’ personas, most relevant first, with linked content',
      params: idParams,
      response: withErrors({ 200: journeyPlaybook }, 404),
    },
    handler: async (req) => {
      requireAuth(req);
      return services.playbookContent.forJourney(req.params.id);
    },
  });
}
