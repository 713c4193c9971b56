import type { Kysely } from 'kysely';
import type { Schema } from '../schema.js';

export interface ApiToken {
  id: string;
  userId: string;
  name: string;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** Sessions and API tokens. Only hashes of the secrets are stored. */
export class AuthRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async insertSession(session: { id: string; userId: string; createdAt: string; expiresAt: string }): Promise<void> {
    await this.db
      .insertInto('sessions')
      .values({ id: session.id, user_id: session.userId, created_at: session.createdAt, expires_at: session.expiresAt })
      .execute();
  }

  /** The user id of a live session, or null when it is unknown or expired. */
  async findSessionUser(id: string, now: string): Promise<string | null> {
    const row = await this.db
      .selectFrom('sessions')
      .select('user_id')
      .where('id', '=', id)
      .where('expires_at', '>', now)
      .executeTakeFirst();
    return row?.user_id ?? null;
  }

  async deleteSession(id: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('id', '=', id).execute();
  }

  async deleteSessionsOf(userId: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('user_id', '=', userId).execute();
  }

  async deleteExpiredSessions(now: string): Promise<void> {
    await this.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  }

  async insertToken(token: { id: string; userId: string; name: string; tokenHash: string; createdAt: string }): Promise<void> {
    await this.db
      .insertInto('api_tokens')
      .values({ id: token.id, user_id: token.userId, name: token.name, token_hash: token.tokenHash, created_at: token.createdAt })
      .execute();
  }

  async findTokenUser(tokenHash: string): Promise<{ tokenId: string; userId: string } | null> {
    const row = await this.db
      .selectFrom('api_tokens')
      .select(['id', 'user_id'])
      .where('token_hash', '=', tokenHash)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return row ? { tokenId: row.id, userId: row.user_id } : null;
  }

  /** Records use of a token, at most once per `staleBefore` window, so reads stay reads. */
  async touchToken(id: string, now: string, staleBefore: string): Promise<void> {
    await this.db
      .updateTable('api_tokens')
      .set({ last_used_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('last_used_at', 'is', null), eb('last_used_at', '<', staleBefore)]))
      .execute();
  }

  async revokeToken(id: string, now: string): Promise<boolean> {
    const result = await this.db
      .updateTable('api_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('revoked_at', 'is', null)
      .executeTakeFirst();
    return result.numUpdatedRows > 0n;
  }

  async listTokens(userId?: string): Promise<ApiToken[]> {
    let q = this.db.selectFrom('api_tokens').select(['id', 'user_id', 'name', 'created_at', 'last_used_at', 'revoked_at']);
    if (userId) q = q.where('user_id', '=', userId);
    const rows = await q.orderBy('created_at', 'desc').execute();
    return rows.map((r) => ({
      id: r.id,
      userId: r.user_id,
      name: r.name,
      createdAt: r.created_at,
      lastUsedAt: r.last_used_at,
      revokedAt: r.revoked_at,
    }));
  }
}
