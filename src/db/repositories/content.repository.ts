import { sql, type Kysely, type Selectable } from 'kysely';
import type { ContentItem, ContentListQuery, ContentShare, ContentSummary, ContentTags } from '../../shared/schemas/content.js';
import type { ContentItemsTable, Schema } from '../schema.js';
import { containsLower, searchText } from '../dialect.js';
import { afterCursor, decodeCursor, toPage, type Page } from '../keyset.js';
import { softDeleteVersioned } from '../versioned.js';

export type ContentValues = Omit<ContentItem, 'shareCount' | 'version' | 'createdAt' | 'updatedAt'> & { storedPath: string | null };
type TagKind = 'solution' | 'proficiency' | 'division' | 'stage';

const tagKinds: Record<TagKind, keyof ContentTags> = { solution: 'solutionIds', proficiency: 'proficiencies', division: 'divisions', stage: 'stages' };

function emptyTags(): ContentTags {
  return { solutionIds: [], proficiencies: [], divisions: [], stages: [] };
}

function toItem(r: Selectable<ContentItemsTable>, tags: ContentTags, shareCount: number): ContentItem {
  return {
    id: r.id,
    kind: r.kind as ContentItem['kind'],
    title: r.title,
    description: r.description,
    language: r.language as ContentItem['language'],
    url: r.url,
    fileName: r.file_name,
    mimeType: r.mime_type,
    sizeBytes: r.size_bytes === null ? null : Number(r.size_bytes),
    sha256: r.sha256,
    ...tags,
    shareCount,
    createdBy: r.created_by,
    version: r.version,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The educational-content library: items, their tags, and the log of shares with contacts. */
export class ContentRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  private async decorate(rows: Selectable<ContentItemsTable>[]): Promise<ContentItem[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.id);
    const [tagRows, shareRows] = await Promise.all([
      this.db.selectFrom('content_item_tags').selectAll().where('content_item_id', 'in', ids).orderBy('kind').orderBy('value').execute(),
      this.db
        .selectFrom('content_shares')
        .select(['content_item_id', (eb) => eb.fn.countAll().as('n')])
        .where('content_item_id', 'in', ids)
        .groupBy('content_item_id')
        .execute(),
    ]);
    const tags = new Map<string, ContentTags>(ids.map((id) => [id, emptyTags()]));
    for (const t of tagRows) {
      const field = tagKinds[t.kind as TagKind];
      if (field) (tags.get(t.content_item_id)?.[field] as string[] | undefined)?.push(t.value);
    }
    const shares = new Map(shareRows.map((s) => [s.content_item_id, Number(s.n)]));
    return rows.map((r) => toItem(r, tags.get(r.id) ?? emptyTags(), shares.get(r.id) ?? 0));
  }

  async findById(id: string): Promise<ContentItem | null> {
    const row = await this.db.selectFrom('content_items').selectAll().where('id', '=', id).where('deleted_at', 'is', null).executeTakeFirst();
    return row ? ((await this.decorate([row]))[0] ?? null) : null;
  }

  /** Where an upload's bytes are, relative to the data dir (null for links and deleted items). */
  async storedFile(id: string): Promise<{ storedPath: string; fileName: string; mimeType: string; sizeBytes: number } | null> {
    const row = await this.db
      .selectFrom('content_items')
      .select(['stored_path', 'file_name', 'mime_type', 'size_bytes'])
      .where('id', '=', id)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (!row?.stored_path || !row.file_name || !row.mime_type) return null;
    return { storedPath: row.stored_path, fileName: row.file_name, mimeType: row.mime_type, sizeBytes: Number(row.size_bytes ?? 0) };
  }

  /**
   * Newest first, keyset-paged on (created_at, id). A filter on a tag keeps the items tagged
   * with that value and the items with no tag of that kind (meant for everyone).
   */
  async list(query: ContentListQuery): Promise<Page<ContentItem>> {
    let q = this.db.selectFrom('content_items as ci').selectAll('ci').where('ci.deleted_at', 'is', null);
    const tagFilters: [TagKind, string | undefined][] = [
      ['solution', query.solutionId],
      ['proficiency', query.proficiency],
      ['division', query.division],
      ['stage', query.stage],
    ];
    for (const [kind, value] of tagFilters) {
      if (value === undefined) continue;
      q = q.where((eb) =>
        eb.or([
          eb.exists(eb.selectFrom('content_item_tags as t').select(sql.lit(1).as('one')).whereRef('t.content_item_id', '=', 'ci.id').where('t.kind', '=', kind).where('t.value', '=', value)),
          eb.not(eb.exists(eb.selectFrom('content_item_tags as t').select(sql.lit(1).as('one')).whereRef('t.content_item_id', '=', 'ci.id').where('t.kind', '=', kind))),
        ]),
      );
    }
    if (query.language) q = q.where('ci.language', '=', query.language);
    if (query.kind) q = q.where('ci.kind', '=', query.kind);
    if (query.q) {
      const needle = searchText(query.q);
      q = q.where(({ ref }) => containsLower(ref('ci.search_text'), needle));
    }
    if (query.cursor) {
      const cursor = decodeCursor(query.cursor);
      q = q.where(({ ref }) => afterCursor(ref('ci.created_at'), ref('ci.id'), 'desc', cursor));
    }
    const rows = await q.orderBy('ci.created_at', 'desc').orderBy('ci.id', 'desc').limit(query.limit + 1).execute();
    const items = await this.decorate(rows);
    return toPage(items, query.limit, (i) => i.createdAt);
  }

  /** Summaries of live items among `ids` (for the playbook's linked content). */
  async summaries(ids: readonly string[]): Promise<Map<string, ContentSummary>> {
    if (ids.length === 0) return new Map();
    const rows = await this.db
      .selectFrom('content_items')
      .select(['id', 'kind', 'title', 'language', 'url', 'file_name', 'mime_type'])
      .where('id', 'in', [...new Set(ids)])
      .where('deleted_at', 'is', null)
      .execute();
    return new Map(
      rows.map((r) => [
        r.id,
        { id: r.id, kind: r.kind as ContentSummary['kind'], title: r.title, language: r.language as ContentSummary['language'], url: r.url, fileName: r.file_name, mimeType: r.mime_type },
      ]),
    );
  }

  async insert(v: ContentValues, now: string): Promise<ContentItem> {
    await this.db
      .insertInto('content_items')
      .values({
        id: v.id,
        title: v.title,
        description: v.description,
        kind: v.kind,
        url: v.url,
        file_name: v.fileName,
        stored_path: v.storedPath,
        mime_type: v.mimeType,
        size_bytes: v.sizeBytes,
        sha256: v.sha256,
        language: v.language,
        search_text: searchText(v.title, v.description, v.fileName),
        created_by: v.createdBy,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .execute();
    await this.replaceTags(v.id, v);
    const saved = await this.findById(v.id);
    if (!saved) throw new Error(`content item ${v.id} vanished after insert`);
    return saved;
  }

  async update(v: ContentItem, expectedVersion: number, now: string): Promise<ContentItem | null> {
    const result = await this.db
      .updateTable('content_items')
      .set({
        title: v.title,
        description: v.description,
        url: v.url,
        language: v.language,
        search_text: searchText(v.title, v.description, v.fileName),
        version: expectedVersion + 1,
        updated_at: now,
      })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    if (result.numUpdatedRows === 0n) return null;
    await this.replaceTags(v.id, v);
    return this.findById(v.id);
  }

  private async replaceTags(id: string, tags: ContentTags): Promise<void> {
    await this.db.deleteFrom('content_item_tags').where('content_item_id', '=', id).execute();
    const rows = (Object.entries(tagKinds) as [TagKind, keyof ContentTags][]).flatMap(([kind, field]) =>
      [...new Set(tags[field] as string[])].map((value) => ({ content_item_id: id, kind, value })),
    );
    if (rows.length > 0) await this.db.insertInto('content_item_tags').values(rows).execute();
  }

  softDelete(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'content_items', id, expectedVersion, now);
  }

  /** Live solutions among `ids`. */
  async liveSolutions(ids: readonly string[]): Promise<Set<string>> {
    if (ids.length === 0) return new Set();
    const rows = await this.db.selectFrom('solutions').select('id').where('id', 'in', ids).where('deleted_at', 'is', null).execute();
    return new Set(rows.map((r) => r.id));
  }

  async insertShare(s: ContentShare): Promise<void> {
    await this.db
      .insertInto('content_shares')
      .values({
        id: s.id,
        content_item_id: s.contentItemId,
        activity_id: s.activityId,
        contact_id: s.contactId,
        journey_id: s.journeyId,
        channel: s.channel,
        at: s.at,
        by_user_id: s.byUserId,
      })
      .execute();
  }

  async shares(contentItemId: string, limit = 200): Promise<ContentShare[]> {
    const rows = await this.db
      .selectFrom('content_shares')
      .selectAll()
      .where('content_item_id', '=', contentItemId)
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      contentItemId: r.content_item_id,
      activityId: r.activity_id,
      contactId: r.contact_id,
      journeyId: r.journey_id,
      channel: r.channel as ContentShare['channel'],
      at: r.at,
      byUserId: r.by_user_id,
    }));
  }
}
