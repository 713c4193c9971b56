import type { Actor } from '../domain/policy.js';
import type { ExchangeRate } from '../domain/money.js';
import { isCurrencyCode } from '../domain/money.js';
import { pendingMigrations } from '../db/migrate.js';
import type { AuditQuery } from '../db/repositories/audit.repository.js';
import { AppError, invalidField } from '../shared/errors.js';
import { audit, authorize, nowIso, read, transact, type Deps } from './context.js';

/** Workspace administration: audit log, exchange rates, health. */
export function adminService(deps: Deps) {
  return {
    auditLog(actor: Actor, query: AuditQuery) {
      if (actor.role !== 'admin') throw new AppError('forbidden', { record: 'audit_log' });
      return read(deps).audit.list(query);
    },

    listRates: (currency?: string) => read(deps).money.listRates(currency),

    async setRate(actor: Actor, rate: ExchangeRate): Promise<ExchangeRate> {
      authorize(actor, 'write', { type: 'workspace' });
      if (!isCurrencyCode(rate.currency)) throw invalidField('body.currency', 'is not an ISO 4217 currency code');
      return transact(deps, async (repos) => {
        const { currency } = await repos.money.workspaceSettings();
        if (rate.currency === currency) throw invalidField('body.currency', `is the workspace currency (${currency}); its rate is always 1`);
        const before = await repos.money.findRate(rate.currency, rate.validFrom);
        await repos.money.upsertRate(rate, nowIso(deps));
        await audit(repos, deps, actor, before ? 'update' : 'create', 'exchange_rate', `${rate.currency}@${rate.validFrom}`, before, rate);
        return rate;
      });
    },

    workspaceSettings: () => read(deps).money.workspaceSettings(),

    /**
     * Changes the workspace currency and default time zone. The currency can change only
     * while no exchange rate is recorded, since every rate is quoted in it.
     */
    async updateWorkspaceSettings(actor: Actor, next: { currency?: string | undefined; timeZone?: string | undefined }) {
      authorize(actor, 'write', { type: 'workspace' });
      if (next.currency !== undefined && !isCurrencyCode(next.currency)) throw invalidField('body.currency', 'is not an ISO 4217 currency code');
      return transact(deps, async (repos) => {
        const current = await repos.money.workspaceSettings();
        const merged = { currency: next.currency ?? current.currency, timeZone: next.timeZone ?? current.timeZone };
        if (merged.currency !== current.currency && (await repos.money.listRates()).length > 0) {
          throw invalidField('body.currency', 'cannot change while exchange rates are recorded in the current currency');
        }
        await repos.money.saveWorkspaceSettings(merged, nowIso(deps));
        await audit(repos, deps, actor, 'update', 'settings', 'workspace', current, merged);
        return merged;
      });
    },

    /** Database reachable and migrations current. */
    async health(): Promise<{ ok: boolean; database: 'up' | 'down'; dialect: string; pendingMigrations: string[] }> {
      try {
        const pending = await pendingMigrations(deps.db);
        return { ok: pending.length === 0, database: 'up', dialect: deps.db.dialect, pendingMigrations: pending };
      } catch {
        return { ok: false, database: 'down', dialect: deps.db.dialect, pendingMigrations: [] };
      }
    },
  };
}
