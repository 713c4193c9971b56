import { rearms } from '../domain/automation.js';
import type { Actor } from '../domain/policy.js';
import type { Page } from '../db/keyset.js';
import type { Repositories } from '../db/repositories/index.js';
import { AppError, invalidField, type FieldIssue } from '../shared/errors.js';
import type {
  Action,
  AutomationJob,
  AutomationRule,
  AutomationRuleCreate,
  AutomationRulePatch,
  AutomationRun,
  Conditions,
  Holiday,
  JobListQuery,
  RunListQuery,
} from '../shared/schemas/automation.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';

const subject = { type: 'automation_rule' } as const;

/**
 * Checks what the schema cannot: that the segment, solution and team of the conditions exist,
 * that `set_field` values fit their field and that `add_to_campaign` names an open campaign. Every problem is named (`body.actions.0.value`).
 */
async function checkRule(repos: Repositories, conditions: Conditions | undefined, actions: readonly Action[] | undefined): Promise<void> {
  const issues: FieldIssue[] = [];
  if (conditions) {
    if (conditions.segmentId !== null && !(await repos.segments.findById(conditions.segmentId))) issues.push({ field: 'body.conditions.segmentId', reason: 'is not a segment' });
    if (conditions.solutionId !== null && !(await repos.catalogue.findSolution(conditions.solutionId))) issues.push({ field: 'body.conditions.solutionId', reason: 'is not a solution' });
    if (conditions.teamId !== null && !(await repos.users.findTeam(conditions.teamId))) issues.push({ field: 'body.conditions.teamId', reason: 'is not a team' });
  }
  for (const [i, action] of (actions ?? []).entries()) {
    if (action.kind === 'add_to_campaign') {
      const campaign = await repos.campaigns.findById(action.campaignId);
      if (!campaign) issues.push({ field: `body.actions.${i}.campaignId`, reason: 'is not a campaign' });
      else if (campaign.status === 'closed') issues.push({ field: `body.actions.${i}.campaignId`, reason: 'is a closed campaign' });
      continue;
    }
    if (action.kind !== 'set_field') continue;
    const field = `body.actions.${i}.value`;
    if (action.field === 'saId' || action.field === 'marcommId') {
      if (action.value !== null) {
        const user = await repos.users.findById(action.value);
        if (!user || !user.active) issues.push({ field, reason: 'is not an active user' });
      }
    } else if (action.field === 'expectedDecisionDate') {
      if (action.value !== null && !/^\d{4}-\d{2}-\d{2}$/.test(action.value)) issues.push({ field, reason: 'must be a date (YYYY-MM-DD) or null' });
    }
  }
  if (issues.length > 0) throw new AppError('validation_failed', { issues }, issues.map((i) => `${i.field}: ${i.reason}`).join('; '));
}

/** Automation rules (marcomm, product specialists, admins), their jobs and run log, and the holiday list (admins). */
export function automationService(deps: Deps) {
  async function loadRule(repos: Repositories, id: string): Promise<AutomationRule> {
    const rule = await repos.automation.findRule(id);
    if (!rule) throw notFound('automation_rule', id);
    return rule;
  }

  return {
    listRules: (): Promise<AutomationRule[]> => read(deps).automation.listRules(),

    getRule: (id: string): Promise<AutomationRule> => loadRule(read(deps), id),

    createRule(actor: Actor, input: AutomationRuleCreate): Promise<AutomationRule> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        await checkRule(repos, input.conditions, input.actions);
        const rule = await repos.automation.insertRule({ id: deps.ids.next(), ...input }, nowIso(deps));
        await audit(repos, deps, actor, 'create', 'automation_rule', rule.id, null, rule);
        return rule;
      });
    },

    updateRule(actor: Actor, id: string, patch: AutomationRulePatch): Promise<AutomationRule> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await loadRule(repos, id);
        if (patch.version !== current.version) throw versionConflict('automation_rule', id, current.version);
        const { version, ...changes } = patch;
        await checkRule(repos, changes.conditions, changes.actions);
        const next = { ...current, ...changes };
        const saved = await repos.automation.updateRule(next, version, nowIso(deps), rearms(current, next));
        if (!saved) throw versionConflict('automation_rule', id, null);
        await audit(repos, deps, actor, 'update', 'automation_rule', id, current, saved);
        return saved;
      });
    },

    /** Deleting keeps the rule's jobs and runs (the log stays complete); it simply stops firing. */
    removeRule(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const current = await loadRule(repos, id);
        if (version !== current.version) throw versionConflict('automation_rule', id, current.version);
        if (!(await repos.automation.softDeleteRule(id, version, nowIso(deps)))) throw versionConflict('automation_rule', id, null);
        await audit(repos, deps, actor, 'delete', 'automation_rule', id, current, null);
      });
    },

    runs: (query: RunListQuery): Promise<Page<AutomationRun>> => read(deps).automation.listRuns(query),

    jobs: (query: JobListQuery): Promise<Page<AutomationJob>> => read(deps).automation.listJobs(query),

    /** A dead job gets a fresh round of attempts; the worker picks it up on its next pass. */
    retryJob(actor: Actor, id: string): Promise<AutomationJob> {
      authorize(actor, 'write', subject);
      return transact(deps, async (repos) => {
        const job = await repos.automation.findJob(id);
        if (!job) throw notFound('automation_job', id);
        if (job.status !== 'dead' || !(await repos.automation.revive(id, nowIso(deps)))) throw new AppError('job_not_dead', { status: job.status });
        const after = await repos.automation.findJob(id);
        if (!after) throw notFound('automation_job', id);
        await audit(repos, deps, actor, 'retry', 'automation_job', id, job, after);
        return after;
      });
    },

    holidays: (year?: number): Promise<Holiday[]> => read(deps).automation.holidays(year),

    /** Replaces the whole holiday list (admins); a date may appear once. */
    replaceHolidays(actor: Actor, items: readonly Holiday[]): Promise<Holiday[]> {
      authorize(actor, 'write', { type: 'workspace' });
      const seen = new Set<string>();
      for (const [i, h] of items.entries()) {
        if (seen.has(h.date)) throw invalidField(`body.items.${i}.date`, 'appears twice');
        seen.add(h.date);
      }
      return transact(deps, async (repos) => {
        const before = await repos.automation.holidays();
        await repos.automation.replaceHolidays(items, nowIso(deps));
        const after = await repos.automation.holidays();
        await audit(repos, deps, actor, 'update', 'holidays', 'workspace', before, after);
        return after;
      });
    },
  };
}
