import { z } from 'zod';
import { callListStatuses, callOutcomes } from '../../domain/campaigns.js';
import { idSchema, MAX_PAGE_SIZE, timestampSchema, versionSchema } from './common.js';

/** Telemarketing (issue 4 capability 5): call lists from a segment split among callers. */

export const MAX_CALL_LIST_ENTRIES = 5000;

const outcomeCounts = z.object(Object.fromEntries(callOutcomes.map((o) => [o, z.number().int()])) as Record<(typeof callOutcomes)[number], z.ZodNumber>);

export const callerProgress = z.object({
  callerId: idSchema,
  callerName: z.string(),
  total: z.number().int(),
  called: z.number().int().describe('Entries with an outcome'),
  outcomes: outcomeCounts,
});
export type CallerProgress = z.infer<typeof callerProgress>;

export const callList = z.object({
  id: idSchema,
  name: z.string(),
  campaignId: idSchema.nullable(),
  segmentId: idSchema,
  segmentName: z.string().nullable(),
  solutionId: idSchema.nullable(),
  solutionName: z.string().nullable(),
  status: z.enum(callListStatuses),
  createdBy: idSchema.nullable(),
  total: z.number().int(),
  called: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type CallList = z.infer<typeof callList>;

export const callListDetail = callList.extend({ progress: z.array(callerProgress).describe('Per caller, by name') });
export type CallListDetail = z.infer<typeof callListDetail>;

export const callListCreate = z
  .object({
    name: z.string().trim().min(1).max(200),
    segmentId: idSchema.describe(`Its members (at most ${MAX_CALL_LIST_ENTRIES}) become the entries; all contacts of one account go to the same caller`),
    campaignId: idSchema.nullable().default(null),
    solutionId: idSchema.nullable().default(null).describe('Outcomes are logged on the account’s journey for this solution; defaults to the campaign’s'),
    callerIds: z
      .array(idSchema)
      .min(1)
      .max(50)
      .refine((ids) => new Set(ids).size === ids.length, 'must not repeat a caller'),
    shares: z.array(z.number().int().min(1).max(1000)).optional().describe('One weight per caller; without it accounts are dealt round-robin'),
  })
  .superRefine((v, ctx) => {
    if (v.shares && v.shares.length !== v.callerIds.length) ctx.addIssue({ code: 'custom', path: ['shares'], message: 'must give one share per caller' });
  });
export type CallListCreate = z.infer<typeof callListCreate>;

export const callListList = z.object({ items: z.array(callList) });
export const callListListQuery = z.object({ mine: z.enum(['true', 'false']).optional().describe('true: only lists with entries assigned to you') });

export const callEntry = z.object({
  id: idSchema,
  callListId: idSchema,
  position: z.number().int(),
  contactId: idSchema,
  contactName: z.string(),
  title: z.string().nullable(),
  phone: z.string().nullable(),
  whatsapp: z.string().nullable(),
  techProficiency: z.string(),
  division: z.string(),
  accountId: idSchema,
  accountName: z.string(),
  callerId: idSchema,
  outcome: z.enum(callOutcomes).nullable(),
  calledAt: timestampSchema.nullable(),
  note: z.string().nullable(),
  doNotCall: z.boolean().describe('The contact has opted out of phone calls (possibly after the list was made): do not call'),
  version: z.number().int(),
});
export type CallEntry = z.infer<typeof callEntry>;

export const callEntryQuery = z.object({
  callerId: idSchema.optional().describe('Only this caller’s entries; `me` for yours'),
  pending: z.enum(['true', 'false']).optional().describe('true: only entries without an outcome'),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional(),
});
export type CallEntryQuery = z.infer<typeof callEntryQuery>;
export const callEntryPage = z.object({ items: z.array(callEntry), nextCursor: z.string().nullable() });

export const callOutcomeBody = z.object({
  outcome: z.enum(callOutcomes),
  note: z.string().trim().max(2000).nullable().default(null),
  version: versionSchema,
});
export type CallOutcomeBody = z.infer<typeof callOutcomeBody>;
