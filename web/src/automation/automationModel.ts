import type { Action, AutomationRule, AutomationRuleCreate, AutomationRulePatch, Conditions, Trigger } from '../../../src/shared/schemas/automation';
import { activityTypes, stages } from '../../../src/shared/vocabulary';

/** The rule editor's state and the pure rules behind it (no React, unit-tested). */

export const triggerKinds = ['stage_entered', 'activity_logged', 'campaign_response', 'no_touch', 'days_after'] as const;
export const actionKinds = ['create_task', 'notify_email', 'set_field', 'request_survey', 'add_to_campaign'] as const;
export type TriggerKind = (typeof triggerKinds)[number];
export type ActionKind = (typeof actionKinds)[number];

export interface RuleDraft {
  id: string | null;
  version: number | null;
  name: string;
  description: string;
  enabled: boolean;
  trigger: Trigger;
  conditions: Conditions;
  actions: Action[];
}

export function defaultTrigger(kind: TriggerKind): Trigger {
  switch (kind) {
    case 'stage_entered':
      return { kind, stage: stages[2] };
    case 'activity_logged':
      return { kind, activityType: activityTypes[0] };
    case 'campaign_response':
      return { kind, campaignType: null, responseKind: 'attended' };
    case 'no_touch':
      return { kind, days: 30 };
    case 'days_after':
      return { kind, field: 'go_live', days: 30 };
  }
}

export function defaultAction(kind: ActionKind): Action {
  switch (kind) {
    case 'create_task':
      return { kind, assignee: 'am', title: '', dueInWorkingDays: 2 };
    case 'notify_email':
      return { kind, to: 'owner', subject: '', body: '' };
    case 'set_field':
      return { kind, field: 'principalInvolvement', value: '' };
    case 'request_survey':
      return { kind, surveyKind: 'csat' };
    case 'add_to_campaign':
      return { kind, campaignId: '' };
  }
}

export function emptyDraft(): RuleDraft {
  return {
    id: null,
    version: null,
    name: '',
    description: '',
    enabled: true,
    trigger: defaultTrigger('stage_entered'),
    conditions: { segmentId: null, solutionId: null, teamId: null },
    actions: [defaultAction('create_task')],
  };
}

export function draftFromRule(rule: AutomationRule): RuleDraft {
  return {
    id: rule.id,
    version: rule.version,
    name: rule.name,
    description: rule.description ?? '',
    enabled: rule.enabled,
    trigger: rule.trigger,
    conditions: rule.conditions,
    actions: rule.actions,
  };
}

function cleanAction(action: Action): Action {
  if (action.kind === 'set_field') return { ...action, value: action.value === null || action.value.trim() === '' ? null : action.value.trim() };
  return action;
}

export function createBody(draft: RuleDraft): AutomationRuleCreate {
  return {
    name: draft.name.trim(),
    description: draft.description.trim() || null,
    trigger: draft.trigger,
    conditions: draft.conditions,
    actions: draft.actions.map(cleanAction),
    enabled: draft.enabled,
  };
}

export function patchBody(draft: RuleDraft): AutomationRulePatch {
  return { ...createBody(draft), version: draft.version ?? 1 };
}

/** What must be fixed before saving, as field path → translation key (the server names the same paths). */
export function validateDraft(draft: RuleDraft): Record<string, string> {
  const issues: Record<string, string> = {};
  if (draft.name.trim() === '') issues['body.name'] = 'automation.required';
  const t = draft.trigger;
  if ((t.kind === 'no_touch' || t.kind === 'days_after') && (!Number.isInteger(t.days) || t.days < 1 || t.days > 3650)) issues['body.trigger.days'] = 'automation.daysRange';
  if (draft.actions.length === 0) issues['body.actions'] = 'automation.needsAction';
  draft.actions.forEach((a, i) => {
    if (a.kind === 'create_task') {
      if (a.title.trim() === '') issues[`body.actions.${i}.title`] = 'automation.required';
      if (!Number.isInteger(a.dueInWorkingDays) || a.dueInWorkingDays < 0 || a.dueInWorkingDays > 250) issues[`body.actions.${i}.dueInWorkingDays`] = 'automation.workingDaysRange';
    }
    if (a.kind === 'notify_email') {
      if (a.subject.trim() === '') issues[`body.actions.${i}.subject`] = 'automation.required';
      if (a.body.trim() === '') issues[`body.actions.${i}.body`] = 'automation.required';
    }
    if (a.kind === 'add_to_campaign' && a.campaignId === '') issues[`body.actions.${i}.campaignId`] = 'automation.required';
    if (a.kind === 'set_field' && a.field === 'expectedDecisionDate' && a.value && !/^\d{4}-\d{2}-\d{2}$/.test(a.value.trim())) issues[`body.actions.${i}.value`] = 'automation.dateFormat';
  });
  return issues;
}

/** The server's field issues (`{ issues: [{ field, reason }] }`) as path → reason. */
export function serverIssues(details: Record<string, unknown>): Record<string, string> {
  const list = Array.isArray(details.issues) ? (details.issues as { field?: unknown; reason?: unknown }[]) : [];
  const out: Record<string, string> = {};
  for (const issue of list) if (typeof issue.field === 'string' && typeof issue.reason === 'string') out[issue.field] = issue.reason;
  return out;
}

export const statusColor: Record<string, string> = { pending: 'gray', running: 'blue', done: 'teal', failed: 'orange', dead: 'red' };
export const outcomeColor: Record<string, string> = { done: 'teal', skipped: 'gray', failed: 'orange', dead: 'red', abandoned: 'yellow' };

/** Holidays as edited: sorted by date, each date once (the last name given wins). */
export function normaliseHolidays(items: readonly { date: string; name: string }[]): { date: string; name: string }[] {
  const byDate = new Map<string, string>();
  for (const h of items) if (/^\d{4}-\d{2}-\d{2}$/.test(h.date) && h.name.trim() !== '') byDate.set(h.date, h.name.trim());
  return [...byDate.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([date, name]) => ({ date, name }));
}
