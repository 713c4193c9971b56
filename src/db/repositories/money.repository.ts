import type { Kysely } from 'kysely';
import type { ExchangeRate } from '../../domain/money.js';
import type { Schema } from '../schema.js';
import { fromDbJson, toDbJson } from '../dialect.js';

export interface WorkspaceSettings {
  currency: string;
  timeZone: string;
}

export const defaultWorkspaceSettings: WorkspaceSettings = { currency: 'IDR', timeZone: 'Asia/Jakarta' };

/** Exchange rates by date and the workspace settings they convert into. */
export class MoneyRepository {
  constructor(private readonly db: Kysely<Schema>) {}

  async rates(currencies: readonly string[], onOrBefore: string): Promise<ExchangeRate[]> {
    if (currencies.length === 0) return [];
    const rows = await this.db
      .selectFrom('exchange_rates')
      .selectAll()
      .where('currency', 'in', currencies)
      .where('valid_from', '<=', onOrBefore)
      .execute();
    return rows.map((r) => ({ currency: r.currency, validFrom: r.valid_from, rate: Number(r.rate) }));
  }

  async listRates(currency?: string): Promise<ExchangeRate[]> {
    let q = this.db.selectFrom('exchange_rates').selectAll();
    if (currency) q = q.where('currency', '=', currency);
    const rows = await q.orderBy('currency').orderBy('valid_from', 'desc').execute();
    return rows.map((r) => ({ currency: r.currency, validFrom: r.valid_from, rate: Number(r.rate) }));
  }

  async findRate(currency: string, validFrom: string): Promise<ExchangeRate | null> {
    const r = await this.db
      .selectFrom('exchange_rates')
      .selectAll()
      .where('currency', '=', currency)
      .where('valid_from', '=', validFrom)
      .executeTakeFirst();
    return r ? { currency: r.currency, validFrom: r.valid_from, rate: Number(r.rate) } : null;
  }

  async upsertRate(rate: ExchangeRate, now: string): Promise<void> {
    await this.db
      .insertInto('exchange_rates')
      .values({ currency: rate.currency, valid_from: rate.validFrom, rate: rate.rate, created_at: now })
      .onConflict((oc) => oc.columns(['currency', 'valid_from']).doUpdateSet({ rate: rate.rate, created_at: now }))
      .execute();
  }

  async workspaceSettings(): Promise<WorkspaceSettings> {
    const row = await this.db.selectFrom('settings').select('value').where('key', '=', 'workspace').executeTakeFirst();
    return row ? { ...defaultWorkspaceSettings, ...fromDbJson<Partial<WorkspaceSettings>>(row.value) } : defaultWorkspaceSettings;
  }

  async saveWorkspaceSettings(settings: WorkspaceSettings, now: string): Promise<void> {
    await this.db
      .insertInto('settings')
      .values({ key: 'workspace', value: toDbJson(settings), updated_at: now })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: toDbJson(settings), updated_at: now }))
      .execute();
  }
}
