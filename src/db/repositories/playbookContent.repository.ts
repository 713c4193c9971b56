import type { Kysely, Selectable } from 'kysely';
import type { Persona } from '../../domain/playbookContent.js';
import { MAX_PLAYBOOK_ENTRIES, type PlaybookEntry, type PlaybookEntryListQuery } from '../../shared/schemas/content.js';
import type { PlaybookEntriesTable, Schema } from '../schema.js';
import { softDeleteVersioned } from '../versioned.js';

export type PlaybookEntryValues = Omit<PlaybookEntry, 'version' | 'createdAt' | 'updatedAt'>;

function toEntry(r: Selectable<PlaybookEntriesTable>, contentItemIds: string[]): PlaybookEntry {
  return {
    id: r.id,
    stage: r.stage as PlaybookEntry['stage'],
    proficiency: r.proficiency as PlaybookEntry['proficiency'],
    division: r.division as PlaybookEntry['division'],
    kind: r.kind as PlaybookEntry['kind'],
    titleId: r.title_id,
    titleEn: r.title_en,
    bodyId: r.body_id,
    bodyEn: r.body_en,
    contentItemIds,
    position: r.position,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** Playbook content: talk tracks, questions, objection handling and tips per stage and persona. */
export class PlaybookContentRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private async withContent(rows: Selectable<PlaybookEntriesTable>[]): Promise<PlaybookEntry[]> {
    if (rows.length === 0) return [];
    const links = await this.db
      .selectFrom('playbook_entry_content as l')
      .innerJoin('content_items as ci', 'ci.id', 'l.content_item_id')
      .select(['l.entry_id', 'l.content_item_id'])
      .where('l.entry_id', 'in', rows.map((r) => r.id))
      .where('ci.deleted_at', 'is', null)
      .orderBy('l.entry_id')
      .orderBy('l.position')
      .execute();
    const byEntry = new Map<string, string[]>();
    for (const l of links) byEntry.set(l.entry_id, [...(byEntry.get(l.entry_id) ?? []), l.content_item_id]);
    return rows.map((r) => toEntry(r, byEntry.get(r.id) ?? []));
  }

  async list(query: PlaybookEntryListQuery): Promise<PlaybookEntry[]> {
    let q = this.db.selectFrom('playbook_entries').selectAll().where('deleted_at', 'is', null);
    if (query.stage) q = q.where('stage', '=', query.stage);
    if (query.kind) q = q.where('kind', '=', query.kind);
    const rows = await q.orderBy('stage').orderBy('position').orderBy('id').limit(MAX_PLAYBOOK_ENTRIES).execute();
    return this.withContent(rows);
  }

  async findById(id: string): Promise<PlaybookEntry | null> {
    const row = await this.db.selectFrom('playbook_entries').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? ((await this.withContent([row]))[0] ?? null) : null;
  }

  async nextPosition(stage: string): Promise<number> {
    const row = await this.db
      .selectFrom('playbook_entries')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('stage', '=', stage)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.max === null || row?.max === undefined ? 1 : Number(row.max) + 1;
  }

  async insert(v: PlaybookEntryValues, now: string): Promise<PlaybookEntry> {
    await this.db
      .insertInto('playbook_entries')
      .values({
        id: v.id,
        stage: v.stage,
        proficiency: v.proficiency,
        division: v.division,
        kind: v.kind,
        title_id: v.titleId,
        title_en: v.titleEn,
        body_id: v.bodyId,
        body_en: v.bodyEn,
        position: v.position,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.replaceContent(v.id, v.contentItemIds);
    const saved = await this.findById(v.id);
    if (!saved) throw new Error(`playbook entry ${v.id} vanished after insert`);
    return saved;
  }

  async update(v: PlaybookEntryValues, expectedVersion: number, now: string): Promise<PlaybookEntry | null> {
    const result = await this.db
      .updateTable('playbook_entries')
      .set({
        stage: v.stage,
        proficiency: v.proficiency,
        division: v.division,
        kind: v.kind,
        title_id: v.titleId,
        title_en: v.titleEn,
        body_id: v.bodyId,
        body_en: v.bodyEn,
        position: v.position,
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    await this.replaceContent(v.id, v.contentItemIds);
    return this.findById(v.id);
  }

  private async replaceContent(entryId: string, contentItemIds: readonly string[]): Promise<void> {
    await this.db.deleteFrom('playbook_entry_content').where('entry_id', '=', entryId).execute();
    if (contentItemIds.length > 0) {
      await this.db
        .insertInto('playbook_entry_content')
        .values(contentItemIds.map((content_item_id, position) => ({ entry_id: entryId, content_item_id, position })))
        .execute();
    }
  }

  softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'playbook_entries', id, expectedVersion, now);
  }

  /** Live content items among `ids`. */
  async liveContent(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('content_items').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    return new Set(rows.map((r) => r.id));
  }

  /**
   * The personas of a journey: the live contacts who took part in its live activities, or,
   * when none did yet, every live contact of its account.
   */
  async journeyPersonas(journeyId: string, accountId: string): Promise<Persona[]> {
    const participants = await this.db
      .selectFrom('activity_participants as p')
      .innerJoin('activities as a', 'a.id', 'p.activity_id')
      .innerJoin('contacts as c', 'c.id', 'p.participant_id')
      .select(['c.id', 'c.tech_proficiency', 'c.division'])
      .distinct()
      .where('p.participant_type', '=', 'contact')
      .where('a.journey_id', '=', journeyId)
      .where('a.deleted_at', 'is', null)
      .where('c.deleted_at', 'is', null)
      .limit(500)
      .execute();
    const rows =
      participants.length > 0
        ? participants
        : await this.db.selectFrom('contacts as c').select(['c.id', 'c.tech_proficiency', 'c.division']).where('c.account_id', '=', accountId).where('c.deleted_at', 'is', null).limit(500).execute();
    return rows.map((r) => ({ proficiency: r.tech_proficiency, division: r.division }));
  }
}
