import type { Actor } from '../domain/policy.js';
import { personasOf, selectPlaybook } from '../domain/playbookContent.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { invalidField } from '../shared/errors.js';
import type {
  ContentItem,
  ContentLinkCreate,
  ContentListQuery,
  ContentPatch,
  ContentShare,
  ContentUploadFields,
  JourneyPlaybook,
  PersonaMessage,
  PersonaMessageCreate,
  PersonaMessagePatch,
  PlaybookEntry,
  PlaybookEntryCreate,
  PlaybookEntryListQuery,
  PlaybookEntryPatch,
  Positioning,
  PositioningPut,
  ShareCreate,
} from '../shared/schemas/content.js';
import type { Activity } from '../shared/schemas/activities.js';
import { activitySubject } from './activities.service.js';
import type { ContentFiles, ReceivedFile } from './contentFiles.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

const contentSubject = { type: 'content' } as const;
const playbookSubject = { type: 'playbook_content' } as const;

async function requireSolution(repos: Repositories, id: string): Promise<void> {
  if (!(await repos.catalogue.findSolution(id))) throw notFound('solution', id);
}

/** Tagged solutions must exist; the 400 names the first unknown one. */
async function requireSolutions(repos: Repositories, ids: readonly string[], field: string): Promise<void> {
  const live = await repos.content.liveSolutions(ids);
  const index = ids.findIndex((id) => !live.has(id));
  if (index >= 0) throw invalidField(`${field}.${index}`, 'is not a solution');
}

/**
 * Positioning (DESIGN.md §4): value pillar statements and persona messages per solution.
 * Marcomm, product specialists and admins write; everyone reads (the telemarketing call script
 * reads the messages).
 */
export function positioningService(deps: Deps) {
  async function loadMessage(repos: Repositories, solutionId: string, id: string): Promise<PersonaMessage> {
    const message = await repos.positioning.findMessage(solutionId, id);
    if (!message) throw notFound('persona_message', id);
    return message;
  }

  async function positioningOf(repos: Repositories, solutionId: string): Promise<Positioning> {
    const [version, pillars, messages] = await Promise.all([
      repos.positioning.pillarsVersion(solutionId),
      repos.positioning.pillars(solutionId),
      repos.positioning.messages(solutionId),
    ]);
    return { solutionId, version, pillars, messages };
  }

  return {
    async get(solutionId: string): Promise<Positioning> {
      const repos = read(deps);
      await requireSolution(repos, solutionId);
      return positioningOf(repos, solutionId);
    },

    putPillars(actor: Actor, solutionId: string, input: PositioningPut): Promise<Positioning> {
      authorize(actor, 'write', contentSubject);
      return transact(deps, async (repos) => {
        await requireSolution(repos, solutionId);
        const before = await positioningOf(repos, solutionId);
        if (input.version !== before.version) throw versionConflict('positioning', solutionId, before.version);
        if (!(await repos.positioning.replacePillars(solutionId, input.pillars, input.version, nowIso(deps)))) {
          throw versionConflict('positioning', solutionId, null);
        }
        const after = await positioningOf(repos, solutionId);
        await audit(repos, deps, actor, 'update', 'positioning', solutionId, { version: before.version, pillars: before.pillars }, { version: after.version, pillars: after.pillars });
        return after;
      });
    },

    createMessage(actor: Actor, solutionId: string, input: PersonaMessageCreate): Promise<PersonaMessage> {
      authorize(actor, 'write', contentSubject);
      return transact(deps, async (repos) => {
        await requireSolution(repos, solutionId);
        const position = input.position ?? (await repos.positioning.nextMessagePosition(solutionId));
        const created = await repos.positioning.insertMessage({ id: deps.ids.next(), solutionId, ...input, position }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'persona_message', created.id, null, created);
        return created;
      });
    },

    updateMessage(actor: Actor, solutionId: string, id: string, patch: PersonaMessagePatch): Promise<PersonaMessage> {
      authorize(actor, 'write', contentSubject);
      return transact(deps, async (repos) => {
        const current = await loadMessage(repos, solutionId, id);
        if (patch.version !== current.version) throw versionConflict('persona_message', id, current.version);
        const { version, ...changes } = patch;
        const saved = await repos.positioning.updateMessage({ ...current, ...changes }, version, nowIso(deps));
        if (!saved) throw versionConflict('persona_message', id, null);
        await audit(repos, deps, actor, 'update', 'persona_message', id, current, saved);
        return saved;
      });
    },

    async removeMessage(actor: Actor, solutionId: string, id: string, version: number): Promise<void> {
      authorize(actor, 'write', contentSubject);
      await transact(deps, async (repos) => {
        const current = await loadMessage(repos, solutionId, id);
        if (version !== current.version) throw versionConflict('persona_message', id, current.version);
        if (!(await repos.positioning.softDeleteMessage(id, version, nowIso(deps)))) throw versionConflict('persona_message', id, null);
        await audit(repos, deps, actor, 'delete', 'persona_message', id, current, null);
      });
    },
  };
}

/**
 * The educational-content library (issue 4 §3): links and uploads tagged by solution, persona,
 * stage and language, and their shares with contacts. Deleting an item is soft (the row stays,
 * so shares and activities keep pointing at it) and removes the uploaded bytes from disk once
 * the deletion is committed.
 */
export function contentService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<ContentItem> {
    const item = await repos.content.findById(id);
    if (!item) throw notFound('content_item', id);
    return item;
  }

  return {
    list: (query: ContentListQuery): Promise<Page<ContentItem>> => read(deps).content.list(query),

    get: (id: string): Promise<ContentItem> => load(read(deps), id),

    /** Asked before an upload is read, so a refused caller never puts bytes on disk. */
    assertCanWrite(actor: Actor): void {
      authorize(actor, 'write', contentSubject);
    },

    createLink(actor: Actor, input: ContentLinkCreate): Promise<ContentItem> {
      authorize(actor, 'write', contentSubject);
      return transact(deps, async (repos) => {
        await requireSolutions(repos, input.solutionIds, 'body.solutionIds');
        const created = await repos.content.insert(
          { id: deps.ids.next(), kind: 'link', fileName: null, mimeType: null, sizeBytes: null, sha256: null, storedPath: null, createdBy: actor.userId, ...input },
          nowIso(deps),
        );
        await audit(repos, deps, actor, 'create', 'content_item', created.id, null, created);
        return created;
      });
    },

    /**
     * Attaches a received file to a new content item. The file is moved into place before the
     * row is written and removed again if the transaction fails, so neither exists without the other.
     */
    async createUpload(actor: Actor, input: ContentUploadFields, file: ReceivedFile, files: ContentFiles): Promise<ContentItem> {
      authorize(actor, 'write', contentSubject);
      const id = deps.ids.next();
      let storedPath: string | null = null;
      try {
        return await transact(deps, async (repos) => {
          await requireSolutions(repos, input.solutionIds, 'body.solutionIds');
          storedPath = await files.commit(file, id);
          const created = await repos.content.insert(
            { id, kind: 'upload', url: null, fileName: file.fileName, mimeType: file.mimeType, sizeBytes: file.sizeBytes, sha256: file.sha256, storedPath, createdBy: actor.userId, ...input },
            nowIso(deps),
          );
          await audit(repos, deps, actor, 'create', 'content_item', created.id, null, created);
          return created;
        });
      } catch (error) {
        await (storedPath ? files.discard(storedPath, true) : files.discard(file.tempPath));
        throw error;
      }
    },

    update(actor: Actor, id: string, patch: ContentPatch): Promise<ContentItem> {
      authorize(actor, 'write', contentSubject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (patch.version !== current.version) throw versionConflict('content_item', id, current.version);
        if (patch.url !== undefined && current.kind !== 'link') throw invalidField('body.url', 'can only be changed on a link');
        if (patch.solutionIds) await requireSolutions(repos, patch.solutionIds, 'body.solutionIds');
        const { version, ...changes } = patch;
        const unique = <T>(xs: T[] | undefined) => (xs ? [...new Set(xs)] : undefined);
        const next: ContentItem = {
          ...current,
          ...changes,
          solutionIds: unique(changes.solutionIds) ?? current.solutionIds,
          proficiencies: unique(changes.proficiencies) ?? current.proficiencies,
          divisions: unique(changes.divisions) ?? current.divisions,
          stages: unique(changes.stages) ?? current.stages,
        };
        const saved = await repos.content.update(next, version, nowIso(deps));
        if (!saved) throw versionConflict('content_item', id, null);
        await audit(repos, deps, actor, 'update', 'content_item', id, current, saved);
        return saved;
      });
    },

    async remove(actor: Actor, id: string, version: number, files: ContentFiles): Promise<void> {
      authorize(actor, 'write', contentSubject);
      const stored = await transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (version !== current.version) throw versionConflict('content_item', id, current.version);
        const file = await repos.content.storedFile(id);
        if (!(await repos.content.softDelete(id, version, nowIso(deps)))) throw versionConflict('content_item', id, null);
        await audit(repos, deps, actor, 'delete', 'content_item', id, current, null);
        return file;
      });
      if (stored) await files.discard(stored.storedPath, true);
    },

    /** The uploaded file of a live item, for download. */
    async file(id: string): Promise<{ storedPath: string; fileName: string; mimeType: string; sizeBytes: number }> {
      const repos = read(deps);
      const item = await load(repos, id);
      const stored = await repos.content.storedFile(id);
      if (!stored) throw notFound('content_file', item.id);
      return stored;
    },

    async shares(id: string): Promise<ContentShare[]> {
      const repos = read(deps);
      await load(repos, id);
      return repos.content.shares(id);
    },

    /**
     * Records that the actor shared the item with a contact: a `content_shared` activity on the
     * contact's account (and journey), under the activities' permission rules, plus the share row.
     */
    share(actor: Actor, id: string, input: ShareCreate): Promise<{ share: ContentShare; activity: Activity }> {
      return transact(deps, async (repos) => {
        const item = await load(repos, id);
        const contact = await repos.contacts.findById(input.contactId);
        if (!contact) throw invalidField('body.contactId', 'is not a contact');
        const account = await repos.accounts.findById(contact.accountId);
        if (!account) throw invalidField('body.contactId', 'is a contact of a deleted account');
        const journey = input.journeyId ? await repos.journeys.findById(input.journeyId) : null;
        if (input.journeyId && !journey) throw invalidField('body.journeyId', 'is not a journey');
        if (journey && journey.accountId !== account.id) throw invalidField('body.journeyId', 'is a journey of another account');
        const participants = { userIds: [actor.userId], contactIds: [contact.id] };
        authorize(actor, 'write', activitySubject({ createdBy: actor.userId, participants }, account, journey));

        const now = nowIso(deps);
        const activity = await repos.activities.insert(
          {
            id: deps.ids.next(),
            type: 'content_shared',
            subject: item.title.slice(0, 300),
            notes: input.note,
            occurredAt: now,
            accountId: account.id,
            journeyId: journey?.id ?? null,
            outcome: null,
            nextStep: null,
            participants,
            createdBy: actor.userId,
          },
          now,
        );
        if (activity.journeyId) await repos.journeys.touch(activity.journeyId, activity.occurredAt);
        await repos.events.append({
          id: deps.ids.next(),
          type: 'activity.logged',
          subjectType: 'activity',
          subjectId: activity.id,
          payload: { activityType: activity.type, accountId: activity.accountId, journeyId: activity.journeyId, contactIds: activity.participants.contactIds },
          actorId: actor.userId,
          occurredAt: now,
        });
        await audit(repos, deps, actor, 'create', 'activity', activity.id, null, activity);
        const share: ContentShare = {
          id: deps.ids.next(),
          contentItemId: item.id,
          activityId: activity.id,
          contactId: contact.id,
          journeyId: activity.journeyId,
          channel: input.channel,
          at: now,
          byUserId: actor.userId,
        };
        await repos.content.insertShare(share);
        await audit(repos, deps, actor, 'share', 'content_item', item.id, null, share);
        return { share, activity };
      });
    },
  };
}

/**
 * Playbook content (issue 5 §5): talk tracks, questions, objection handling and tips per stage
 * and persona, in Indonesian and English, with linked content; shown on the journey page.
 */
export function playbookContentService(deps: Deps) {
  async function load(repos: Repositories, id: string): Promise<PlaybookEntry> {
    const entry = await repos.playbookContent.findById(id);
    if (!entry) throw notFound('playbook_entry', id);
    return entry;
  }

  async function requireContent(repos: Repositories, ids: readonly string[]): Promise<void> {
    const live = await repos.playbookContent.liveContent(ids);
    const index = ids.findIndex((id) => !live.has(id));
    if (index >= 0) throw invalidField(`body.contentItemIds.${index}`, 'is not a content item');
  }

  return {
    list: (query: PlaybookEntryListQuery): Promise<PlaybookEntry[]> => read(deps).playbookContent.list(query),

    create(actor: Actor, input: PlaybookEntryCreate): Promise<PlaybookEntry> {
      authorize(actor, 'write', playbookSubject);
      return transact(deps, async (repos) => {
        await requireContent(repos, input.contentItemIds);
        const position = input.position ?? (await repos.playbookContent.nextPosition(input.stage));
        const created = await repos.playbookContent.insert({ id: deps.ids.next(), ...input, position }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'playbook_entry', created.id, null, created);
        return created;
      });
    },

    update(actor: Actor, id: string, patch: PlaybookEntryPatch): Promise<PlaybookEntry> {
      authorize(actor, 'write', playbookSubject);
      return transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (patch.version !== current.version) throw versionConflict('playbook_entry', id, current.version);
        if (patch.contentItemIds) await requireContent(repos, patch.contentItemIds);
        const { version, ...changes } = patch;
        const saved = await repos.playbookContent.update({ ...current, ...changes }, version, nowIso(deps));
        if (!saved) throw versionConflict('playbook_entry', id, null);
        await audit(repos, deps, actor, 'update', 'playbook_entry', id, current, saved);
        return saved;
      });
    },

    async remove(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', playbookSubject);
      await transact(deps, async (repos) => {
        const current = await load(repos, id);
        if (version !== current.version) throw versionConflict('playbook_entry', id, current.version);
        if (!(await repos.playbookContent.softDelete(id, version, nowIso(deps)))) throw versionConflict('playbook_entry', id, null);
        await audit(repos, deps, actor, 'delete', 'playbook_entry', id, current, null);
      });
    },

    /** The entries for the journey's stage and its contacts' personas, most relevant first, with their content. */
    async forJourney(journeyId: string): Promise<JourneyPlaybook> {
      const repos = read(deps);
      const journey = await repos.journeys.findById(journeyId);
      if (!journey) throw notFound('journey', journeyId);
      const [contacts, entries] = await Promise.all([
        repos.playbookContent.journeyPersonas(journey.id, journey.accountId),
        repos.playbookContent.list({ stage: journey.stage }),
      ]);
      const personas = personasOf(contacts);
      const chosen = selectPlaybook(entries, journey.stage, personas);
      const summaries = await repos.content.summaries(chosen.flatMap((e) => e.contentItemIds));
      return {
        journeyId: journey.id,
        stage: journey.stage,
        personas: personas as JourneyPlaybook['personas'],
        entries: chosen.map((e) => ({ ...e, contentItems: e.contentItemIds.flatMap((id) => summaries.get(id) ?? []) })),
      };
    },
  };
}
