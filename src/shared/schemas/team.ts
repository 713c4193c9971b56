import { z } from 'zod';
import { activityTypes, stages } from '../vocabulary.js';
import { dateSchema, idSchema, timestampSchema } from './common.js';

/**
 * The team on a journey (issue 5, capability 4): handoffs, the principal's contact person, the
 * SA workload view; and the sales managers' coaching view (capability 7).
 */

export const handoffRoles = ['am', 'sa', 'marcomm'] as const;
export type HandoffRole = (typeof handoffRoles)[number];

export const handoff = z.object({
  id: idSchema,
  journeyId: idSchema,
  role: z.enum(handoffRoles).describe('am: the owner; sa: the solution architect; marcomm: the marketing-communication owner'),
  fromUserId: idSchema.nullable().describe('Who held the role before; null when nobody did'),
  toUserId: idSchema.nullable().describe('Who holds it now; null when the role was cleared'),
  note: z.string().nullable(),
  byUserId: idSchema.nullable().describe('Who made the change'),
  at: timestampSchema,
});
export type Handoff = z.infer<typeof handoff>;
export const handoffList = z.object({ items: z.array(handoff) });

const phoneInput = z.string().trim().min(1).max(40).describe('Stored in E.164; Indonesian numbers may be written 0812… or 62812…');

/** The principal's (vendor's) person working the deal; not a login (DESIGN.md §1). */
export const principalContact = z.object({
  journeyId: idSchema,
  principalId: idSchema.nullable().describe('The principal (vendor) the person works for'),
  name: z.string(),
  email: z.string().nullable(),
  phone: z.string().nullable().describe('E.164'),
  title: z.string().nullable().describe('Role or title, e.g. "Channel Account Manager"'),
  version: z.number().int(),
  updatedAt: timestampSchema,
});
export type PrincipalContact = z.infer<typeof principalContact>;
export const principalContactResponse = z.object({ journeyId: idSchema, contact: principalContact.nullable().describe('Null until someone records one') });

export const principalContactPut = z.object({
  principalId: idSchema.nullable().default(null),
  name: z.string().trim().min(1).max(200),
  email: z.email().max(320).nullable().default(null),
  phone: phoneInput.nullable().default(null),
  title: z.string().trim().min(1).max(200).nullable().default(null),
  version: z.number().int().positive().nullable().default(null).describe('The version you last read; null (or absent) to record the first one'),
});
export type PrincipalContactPut = z.infer<typeof principalContactPut>;

// ---------------------------------------------------------------------------------------
// SA workload
// ---------------------------------------------------------------------------------------

export const workloadQuery = z.object({
  saId: idSchema.optional().describe('One solution architect; all of them when absent (sales managers and admins)'),
});

export const workloadJourney = z.object({
  id: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  solutionName: z.string(),
  stage: z.enum(stages),
  ownerId: idSchema.nullable(),
  stageEnteredAt: timestampSchema,
  lastActivityAt: timestampSchema.nullable(),
});
export const workloadMeeting = z.object({
  id: idSchema,
  type: z.enum(activityTypes),
  subject: z.string(),
  occurredAt: timestampSchema,
  accountId: idSchema,
  accountName: z.string(),
  journeyId: idSchema.nullable(),
  saTakesPart: z.boolean().describe('False when the meeting is on the SA’s journey but the SA is not listed as a participant'),
});
export const workloadTask = z.object({ id: idSchema, title: z.string(), dueAt: timestampSchema.nullable(), relatedType: z.string().nullable(), relatedId: idSchema.nullable() });

export const saWorkload = z.object({
  saId: idSchema,
  name: z.string(),
  openJourneys: z.number().int(),
  byStage: z.array(z.object({ stage: z.enum(stages), count: z.number().int() })),
  journeys: z.array(workloadJourney).describe('Open journeys assigned to the SA (at most 200), longest in stage first'),
  upcoming: z.array(workloadMeeting).describe('Demos and meetings in the next 14 days that the SA takes part in or that are on the SA’s journeys'),
  openTasks: z.array(workloadTask).describe('Open tasks assigned to the SA (at most 50), soonest due first'),
});
export type SaWorkload = z.infer<typeof saWorkload>;
export const workloadResponse = z.object({ from: timestampSchema, to: timestampSchema, items: z.array(saWorkload) });
export type WorkloadResponse = z.infer<typeof workloadResponse>;

// ---------------------------------------------------------------------------------------
// Coaching
// ---------------------------------------------------------------------------------------

export const coachingQuery = z
  .object({
    teamId: idSchema.optional().describe('The team (its accounts’ journeys); a sales manager’s own team by default, every team for an admin'),
    from: dateSchema.optional().describe('First day of the period (UTC); default 90 days before `to`'),
    to: dateSchema.optional().describe('Day after the period (UTC, exclusive); default tomorrow'),
  })
  .superRefine((q, ctx) => {
    if (q.from !== undefined && q.to !== undefined && q.from >= q.to) ctx.addIssue({ code: 'custom', path: ['to'], message: 'must be after from' });
  });
export type CoachingQuery = z.infer<typeof coachingQuery>;

export const standing = z.enum(['above', 'below', 'at']).nullable().describe('The AM’s value against the team median; null when either is unknown');
export const metric = z.object({ value: z.number().nullable(), teamMedian: z.number().nullable(), standing });

export const coachingStage = z.object({
  stage: z.enum(stages),
  stays: z.number().int().describe('Stays in the stage that began in the period'),
  touches: z.number().int().describe('Activities logged on the journey during those stays'),
  touchesPerJourney: metric,
  entered: z.number().int().describe('Journeys that first entered the stage in the period'),
  advanced: z.number().int().describe('Of those, how many went on to the next stage (confirmation: adoption)'),
  conversion: metric,
  completedStays: z.number().int(),
  medianDaysInStage: metric,
});
export const coachingAm = z.object({
  userId: idSchema,
  name: z.string(),
  stageExits: z.number().int().describe('Forward moves out of a stage in the period'),
  exitsOnTime: z.number().int().describe('Of those, the ones with every gate met when the stage was left (no override)'),
  gatesOnTime: metric,
  stages: z.array(coachingStage),
});
export const coachingReport = z.object({
  teamId: idSchema.nullable(),
  from: dateSchema,
  to: dateSchema,
  ams: z.array(coachingAm),
  teamMedians: z.object({
    gatesOnTime: z.number().nullable(),
    stages: z.array(
      z.object({ stage: z.enum(stages), touchesPerJourney: z.number().nullable(), conversion: z.number().nullable(), medianDaysInStage: z.number().nullable() }),
    ),
  }),
});
export type CoachingReport = z.infer<typeof coachingReport>;
