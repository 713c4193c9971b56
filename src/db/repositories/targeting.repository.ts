import { sql, type Kysely } from 'kysely';
import type { SegmentRole } from '../../domain/campaigns.js';
import type { DialectName } from '../database.js';
import type { Schema } from '../schema.js';
import { segmentMembersOf } from './segments.repository.js';
import type { Segment } from '../../shared/schemas/segments.js';

export interface TargetLink {
  solutionId: string;
  segmentId: string;
  role: SegmentRole;
}

/** Journeys of a segment's accounts per solution: accounts with any journey, and with an adopted one. */
export interface SegmentConversion {
  solutionId: string;
  accountsWithJourney: number;
  accountsAdopted: number;
}

/** The solution × segment targeting links and the aggregates the matrix shows. */
export class TargetingRepository {
  constructor(
    private readonly db: Kysely<Schema>,
    private readonly dialect: DialectName,
  ) {}

  async links(): Promise<TargetLink[]> {
    const rows = await this.db
      .selectFrom('solution_segments as l')
      .innerJoin('solutions as s', 's.id', 'l.solution_id')
      .innerJoin('segments as g', 'g.id', 'l.segment_id')
      .select(['l.solution_id', 'l.segment_id', 'l.role'])
      .where('s.deleted_at', 'is', null)
      .where('g.deleted_at', 'is', null)
      .execute();
    return rows.map((r) => ({ solutionId: r.solution_id, segmentId: r.segment_id, role: r.role as SegmentRole }));
  }

  async findLink(solutionId: string, segmentId: string): Promise<TargetLink | null> {
    const row = await this.db.selectFrom('solution_segments').selectAll().where('solution_id', '=', solutionId).where('segment_id', '=', segmentId).executeTakeFirst();
    return row ? { solutionId: row.solution_id, segmentId: row.segment_id, role: row.role as SegmentRole } : null;
  }

  /** The solution's primary segment id, if it has one. */
  async primarySegment(solutionId: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('solution_segments as l')
      .innerJoin('segments as g', 'g.id', 'l.segment_id')
      .select('l.segment_id')
      .where('l.solution_id', '=', solutionId)
      .where('l.role', '=', 'primary')
      .where('g.deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.segment_id ?? null;
  }

  /** Sets the link's role; a new primary demotes the solution's previous primary to secondary. Run it in a transaction. */
  async setRole(link: TargetLink, now: string): Promise<void> {
    if (link.role === 'primary') {
      await this.db
        .updateTable('solution_segments')
        .set({ role: 'secondary' })
        .where('solution_id', '=', link.solutionId)
        .where('role', '=', 'primary')
        .where('segment_id', '!=', link.segmentId)
        .execute();
    }
    await this.db
      .insertInto('solution_segments')
      .values({ solution_id: link.solutionId, segment_id: link.segmentId, role: link.role, created_at: now })
      .onConflict((oc) => oc.columns(['solution_id', 'segment_id']).doUpdateSet({ role: link.role }))
      .execute();
  }

  async removeLink(solutionId: string, segmentId: string): Promise<boolean> {
    const result = await this.db.deleteFrom('solution_segments').where('solution_id', '=', solutionId).where('segment_id', '=', segmentId).executeTakeFirst();
    return result.numDeletedRows > 0n;
  }

  async solutions(): Promise<Array<{ id: string; name: string; category: string }>> {
    return this.db.selectFrom('solutions').select(['id', 'name', 'category']).where('deleted_at', 'is', null).orderBy('name').orderBy('id').execute();
  }

  /** Contacts and distinct accounts in the segment now. */
  async size(segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string): Promise<{ contacts: number; accounts: number }> {
    const row = await this.db
      .selectFrom(segmentMembersOf(this.db, this.dialect, segment, now).as('m'))
      .select((eb) => [eb.fn.countAll<number>().as('contacts'), eb.fn.count<number>('m.account_id').distinct().as('accounts')])
      .executeTakeFirstOrThrow();
    return { contacts: Number(row.contacts), accounts: Number(row.accounts) };
  }

  /** Per solution: the segment's accounts with a live journey for it, and those whose journey is adopted. */
  async conversion(segment: Pick<Segment, 'id' | 'kind' | 'rule'>, now: string): Promise<SegmentConversion[]> {
    const members = segmentMembersOf(this.db, this.dialect, segment, now).as('m');
    const rows = await this.db
      .selectFrom('journeys as j')
      .select((eb) => [
        'j.solution_id',
        eb.fn.count<number>('j.account_id').distinct().as('with_journey'),
        sql<number>`count(distinct case when ${sql.ref('j.outcome')} = 'adopted' then ${sql.ref('j.account_id')} end)`.as('adopted'),
      ])
      .where('j.deleted_at', 'is', null)
      .where('j.account_id', 'in', (eb) => eb.selectFrom(members).select('m.account_id'))
      .groupBy('j.solution_id')
      .execute();
    return rows.map((r) => ({ solutionId: r.solution_id, accountsWithJourney: Number(r.with_journey), accountsAdopted: Number(r.adopted) }));
  }
}
