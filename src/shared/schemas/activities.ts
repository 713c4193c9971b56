import { z } from 'zod';
import { activityTypes } from '../vocabulary.js';
import { csvEnum, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';
import { utcTimestampInput } from './common.js';

const uniqueIds = z
  .array(idSchema)
  .max(50)
  .transform((ids) => [...new Set(ids)]);

export const participants = z.object({
  userIds: z.array(idSchema).describe('Users who took part (the creator need not be listed)'),
  contactIds: z.array(idSchema).describe('Contacts of the activity’s account who took part'),
});
export type Participants = z.infer<typeof participants>;

const participantsInput = z.object({ userIds: uniqueIds.default([]), contactIds: uniqueIds.default([]) });

export const activityFields = {
  type: z.enum(activityTypes),
  subject: z.string().trim().min(1).max(300),
  notes: z.string().trim().max(10_000).nullable(),
  occurredAt: timestampSchema,
  accountId: idSchema,
  journeyId: idSchema.nullable().describe('A journey of the same account'),
  outcome: z.string().trim().max(1000).nullable(),
  nextStep: z.string().trim().max(1000).nullable(),
};

export const activityCreate = z.object({
  ...activityFields,
  notes: activityFields.notes.default(null),
  occurredAt: utcTimestampInput.optional().describe('Defaults to now'),
  journeyId: activityFields.journeyId.default(null),
  outcome: activityFields.outcome.default(null),
  nextStep: activityFields.nextStep.default(null),
  participants: participantsInput.default({ userIds: [], contactIds: [] }),
});
export type ActivityCreate = z.infer<typeof activityCreate>;

export const activityPatch = z
  .object({
    ...activityFields,
    occurredAt: utcTimestampInput,
    participants: participantsInput.describe('Replaces every participant'),
    version: versionSchema,
  })
  .partial()
  .required({ version: true });
export type ActivityPatch = z.infer<typeof activityPatch>;

export const activity = z.object({
  id: idSchema,
  ...activityFields,
  participants,
  createdBy: idSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Activity = z.infer<typeof activity>;

export const activityListQuery = listQueryBase.omit({ q: true }).extend({
  sort: sortParam(['occurredAt', 'createdAt'], '-occurredAt'),
  accountId: idSchema.optional(),
  journeyId: idSchema.optional(),
  type: csvEnum(activityTypes).optional(),
  participantUserId: idSchema.optional().describe('Activities this user created or took part in'),
  contactId: idSchema.optional().describe('Activities this contact took part in'),
  from: utcTimestampInput.optional().describe('occurredAt on or after'),
  to: utcTimestampInput.optional().describe('occurredAt before'),
});
export type ActivityListQuery = z.infer<typeof activityListQuery>;

export const activityPage = pageOf(activity);
