import type { Kysely, Selectable } from 'kysely';
import type { PersonaMessage, PillarStatement, ValuePillar } from '../../shared/schemas/content.js';
import { valuePillars } from '../../shared/schemas/content.js';
import type { PersonaMessagesTable, Schema } from '../schema.js';
import { softDeleteVersioned } from '../versioned.js';

export type PersonaMessageValues = Omit<PersonaMessage, 'version' | 'updatedAt'>;

function toMessage(r: Selectable<PersonaMessagesTable>): PersonaMessage {
  return {
    id: r.id,
    solutionId: r.solution_id,
    proficiency: r.proficiency as PersonaMessage['proficiency'],
    division: r.division as PersonaMessage['division'],
    textId: r.text_id,
    textEn: r.text_en,
    position: r.position,
    version: r.version,
    updatedAt: r.updated_at,
  };
}

/** A solution's positioning: value pillar statements (one versioned set) and persona messages. */
export class PositioningRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  /** The version of the solution's pillar set; 0 before the first save. */
  async pillarsVersion(solutionId: string): Promise<number> {
    const row = await this.db.selectFrom('solution_positioning').select('version').where('solution_id', '=', solutionId).executeTakeFirst();
    return row?.version ?? 0;
  }

  async pillars(solutionId: string): Promise<PillarStatement[]> {
    const rows = await this.db.selectFrom('value_pillars').selectAll().where('solution_id', '=', solutionId).orderBy('position').execute();
    return rows.map((r) => ({ pillar: r.pillar as ValuePillar, statementId: r.statement_id, statementEn: r.statement_en }));
  }

  /**
   * Replaces the pillar set if it is still at `expectedVersion` (compare-and-set on the
   * solution_positioning row); false when someone saved first.
   */
  async replacePillars(solutionId: string, pillars: readonly PillarStatement[], expectedVersion: number, now: string): Promise<boolean> {
    if (expectedVersion === 0) {
      const inserted = await this.db
        .insertInto('solution_positioning')
        .values({ solution_id: solutionId, version: 1, updated_at: now })
        .onConflict((oc) => oc.column('solution_id').doNothing())
        .executeTakeFirst();
      if (Number(inserted.numInsertedOrUpdatedRows ?? 0n) === 0) return false;
    } else {
      const updated = await this.db
        .updateTable('solution_positioning')
        .set({ version: expectedVersion + 1, updated_at: now })
        .where('solution_id', '=', solutionId)
        .where('version', '=', expectedVersion)
        .executeTakeFirst();
      if (updated.numUpdatedRows === 0n) return false;
    }
    await this.db.deleteFrom('value_pillars').where('solution_id', '=', solutionId).execute();
    if (pillars.length > 0) {
      await this.db
        .insertInto('value_pillars')
        .values(
          pillars.map((p) => ({
            solution_id: solutionId,
            pillar: p.pillar,
            statement_id: p.statementId,
            statement_en: p.statementEn,
            position: valuePillars.indexOf(p.pillar),
          })),
        )
        .execute();
    }
    return true;
  }

  async messages(solutionId: string): Promise<PersonaMessage[]> {
    const rows = await this.db
      .selectFrom('persona_messages')
      .selectAll()
      .where('solution_id', '=', solutionId)
      .where('deleted_at', 'is', null)
      .orderBy('position')
      .orderBy('id')
      .limit(500)
      .execute();
    return rows.map(toMessage);
  }

  async findMessage(solutionId: string, id: string): Promise<PersonaMessage | null> {
    const row = await this.db
      .selectFrom('persona_messages')
      .selectAll()
      .where('id', '=', id)
      .where('solution_id', '=', solutionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  async nextMessagePosition(solutionId: string): Promise<number> {
    const row = await this.db
      .selectFrom('persona_messages')
      .select((eb) => eb.fn.max('position').as('max'))
      .where('solution_id', '=', solutionId)
      .where('deleted_at', 'is', null)
      .executeTakeFirst();
    return row?.max === null || row?.max === undefined ? 0 : Number(row.max) + 1;
  }

  async insertMessage(v: PersonaMessageValues, now: string): Promise<PersonaMessage> {
    const row = await this.db
      .insertInto('persona_messages')
      .values({
        id: v.id,
        solution_id: v.solutionId,
        proficiency: v.proficiency,
        division: v.division,
        text_id: v.textId,
        text_en: v.textEn,
        position: v.position,
        version: 1,
        created_at: now,
        updated_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toMessage(row);
  }

  async updateMessage(v: PersonaMessageValues, expectedVersion: number, now: string): Promise<PersonaMessage | null> {
    const row = await this.db
      .updateTable('persona_messages')
      .set({ proficiency: v.proficiency, division: v.division, text_id: v.textId, text_en: v.textEn, position: v.position, version: expectedVersion + 1, updated_at: now })
      .where('id', '=', v.id)
      .where('version', '=', expectedVersion)
      .where('deleted_at', 'is', null)
      .returningAll()
      .executeTakeFirst();
    return row ? toMessage(row) : null;
  }

  softDeleteMessage(id: string, expectedVersion: number, now: string): Promise<boolean> {
    return softDeleteVersioned(this.db, 'persona_messages', id, expectedVersion, now);
  }
}
