import { z } from 'zod';
import { activityTypes, stages } from '../vocabulary.js';
import { dateSchema, idSchema, pageOf, timestampSchema, versionSchema } from './common.js';

/** Automation rules (issue 4 §7): trigger → conditions → actions, and the log of their jobs. */

export const campaignTypes = ['event', 'webinar', 'campaign', 'publication', 'telemarketing', 'online_ad', 'social_post'] as const;
export const campaignResponseKinds = ['invited', 'registered', 'attended', 'clicked', 'replied'] as const;
/** Journey dates a `days_after` trigger can count from (see domain/automation.ts for their meaning). */
export const anchorFields = ['go_live', 'implementation_started', 'adopted'] as const;
export const taskAssignees = ['am', 'sa', 'marcomm'] as const;
export const emailRecipients = ['owner', 'sa', 'marcomm'] as const;
export const surveyKinds = ['csat', 'nps'] as const;
/** Journey fields a `set_field` action may write. */
export const settableFields = ['saId', 'marcommId', 'principalInvolvement', 'expectedDecisionDate'] as const;
export const jobStatuses = ['pending', 'running', 'done', 'failed', 'dead'] as const;
export const runOutcomes = ['done', 'skipped', 'failed', 'dead', 'abandoned'] as const;

const days = z.number().int().min(1).max(3650);

export const triggerSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('stage_entered'), stage: z.enum(stages) }),
  z.object({ kind: z.literal('activity_logged'), activityType: z.enum(activityTypes) }),
  z.object({ kind: z.literal('campaign_response'), campaignType: z.enum(campaignTypes).nullable().default(null), responseKind: z.enum(campaignResponseKinds) }),
  z.object({ kind: z.literal('no_touch'), days: days.describe('Days without an activity on an open journey') }),
  z.object({ kind: z.literal('days_after'), field: z.enum(anchorFields), days: days }),
]);
export type Trigger = z.infer<typeof triggerSchema>;
export type TriggerKind = Trigger['kind'];

export const conditionsSchema = z.object({
  segmentId: idSchema.nullable().default(null).describe('Only accounts with a member of this segment'),
  solutionId: idSchema.nullable().default(null).describe('Only journeys on this solution'),
  teamId: idSchema.nullable().default(null).describe('Only accounts of this team'),
});
export type Conditions = z.infer<typeof conditionsSchema>;

const text = (max: number) => z.string().trim().min(1).max(max);

export const actionSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('create_task'),
    assignee: z.enum(taskAssignees).describe("The journey's account manager, solution architect or marcomm owner"),
    title: text(300),
    dueInWorkingDays: z.number().int().min(0).max(250).describe('Working days after the trigger; weekends and holidays are skipped'),
  }),
  z.object({ kind: z.literal('notify_email'), to: z.enum(emailRecipients), subject: text(200), body: text(5000) }),
  z.object({ kind: z.literal('set_field'), field: z.enum(settableFields), value: z.string().max(500).nullable() }),
  z.object({ kind: z.literal('request_survey'), surveyKind: z.enum(surveyKinds) }),
  z.object({
    kind: z.literal('add_to_campaign'),
    campaignId: idSchema.describe("A draft or launched campaign: the trigger's contact (else every contact of the account) joins its audience"),
  }),
]);
export type Action = z.infer<typeof actionSchema>;

export const automationRule = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  trigger: triggerSchema,
  conditions: conditionsSchema,
  actions: z.array(actionSchema),
  enabled: z.boolean(),
  isDefault: z.boolean().describe('Shipped with Difusi (still editable)'),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type AutomationRule = z.infer<typeof automationRule>;
export const automationRuleList = z.object({ items: z.array(automationRule) });

const ruleFields = {
  name: text(200),
  description: z.string().trim().max(2000).nullable(),
  trigger: triggerSchema,
  conditions: conditionsSchema,
  actions: z.array(actionSchema).min(1).max(10),
  enabled: z.boolean(),
};
export const automationRuleCreate = z.object({
  ...ruleFields,
  description: ruleFields.description.default(null),
  conditions: conditionsSchema.default({ segmentId: null, solutionId: null, teamId: null }),
  enabled: ruleFields.enabled.default(true),
});
export type AutomationRuleCreate = z.infer<typeof automationRuleCreate>;
export const automationRulePatch = z.object({ ...ruleFields, version: versionSchema }).partial().required({ version: true });
export type AutomationRulePatch = z.infer<typeof automationRulePatch>;

export const automationJob = z.object({
  id: idSchema,
  ruleId: idSchema,
  ruleName: z.string(),
  ruleVersion: z.number().int(),
  triggerKey: z.string(),
  eventId: idSchema.nullable(),
  journeyId: idSchema.nullable(),
  accountId: idSchema.nullable(),
  accountName: z.string().nullable(),
  contactId: idSchema.nullable(),
  triggeredAt: timestampSchema,
  status: z.enum(jobStatuses),
  attempts: z.number().int(),
  nextAttemptAt: timestampSchema,
  lastError: z.string().nullable(),
  lockedUntil: timestampSchema.nullable(),
  doneActions: z.array(z.number().int()),
  createdAt: timestampSchema,
  finishedAt: timestampSchema.nullable(),
});
export type AutomationJob = z.infer<typeof automationJob>;

export const automationRun = z.object({
  id: idSchema,
  jobId: idSchema,
  attempt: z.number().int(),
  at: timestampSchema,
  outcome: z.enum(runOutcomes),
  message: z.string().nullable(),
  job: automationJob,
});
export type AutomationRun = z.infer<typeof automationRun>;

export const runListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  ruleId: idSchema.optional(),
  journeyId: idSchema.optional(),
  outcome: z.enum(runOutcomes).optional(),
});
export type RunListQuery = z.infer<typeof runListQuery>;
export const runPage = pageOf(automationRun);

export const jobListQuery = z.object({
  limit: z.coerce.number().int().min(1).max(200).default(50),
  cursor: z.string().max(500).optional(),
  status: z.enum(jobStatuses).optional(),
  ruleId: idSchema.optional(),
  journeyId: idSchema.optional(),
});
export type JobListQuery = z.infer<typeof jobListQuery>;
export const jobPage = pageOf(automationJob);

export const holiday = z.object({ date: dateSchema, name: z.string() });
export type Holiday = z.infer<typeof holiday>;
export const holidayList = z.object({ items: z.array(holiday) });
export const holidaysBody = z.object({
  items: z.array(z.object({ date: dateSchema, name: text(200) })).max(1000).describe('The whole list; it replaces the stored one'),
});

export const holidayQuery = z.object({ year: z.coerce.number().int().min(2000).max(2100).optional() });
