import { call } from '../team/teamApi';
import type {
  AutomationJob,
  AutomationRule,
  AutomationRuleCreate,
  AutomationRulePatch,
  AutomationRun,
  Holiday,
} from '../../../src/shared/schemas/automation';

export type { AutomationJob, AutomationRule, AutomationRun, Holiday };

type Page<T> = { items: T[]; nextCursor: string | null };

/** Automation rules, the run log, dead-job retries and the holiday list. */
export const automationApi = {
  rules: () => call<{ items: AutomationRule[] }>('GET', '/automation/rules'),
  createRule: (body: AutomationRuleCreate) => call<AutomationRule>('POST', '/automation/rules', undefined, body),
  updateRule: (id: string, body: AutomationRulePatch) => call<AutomationRule>('PATCH', `/automation/rules/${encodeURIComponent(id)}`, undefined, body),
  removeRule: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `/automation/rules/${encodeURIComponent(id)}`, { version }),
  runs: (query: { cursor?: string | undefined; ruleId?: string | undefined; outcome?: string | undefined }) => call<Page<AutomationRun>>('GET', '/automation/runs', { limit: 50, ...query }),
  retryJob: (id: string) => call<AutomationJob>('POST', `/automation/jobs/${encodeURIComponent(id)}/retry`),
  holidays: (year?: number) => call<{ items: Holiday[] }>('GET', '/automation/holidays', { year }),
  saveHolidays: (items: Holiday[]) => call<{ items: Holiday[] }>('PUT', '/automation/holidays', undefined, { items }),
};
