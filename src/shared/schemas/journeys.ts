import { z } from 'zod';
import { aidasSteps, outcomes, stages } from '../vocabulary.js';
import { csvEnum, csvIds, currencySchema, dateSchema, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';

export const stageSchema = z.enum(stages);
export const outcomeSchema = z.enum(outcomes);
const amountMinor = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER).describe('Amount in minor units of the currency (IDR 2 digits: Rp 1.500.000 = 150000000)');

export const journey = z.object({
  id: idSchema,
  accountId: idSchema,
  accountName: z.string(),
  solutionId: idSchema,
  solutionName: z.string(),
  teamId: idSchema.nullable().describe('The account’s team'),
  ownerId: idSchema.nullable(),
  saId: idSchema.nullable(),
  marcommId: idSchema.nullable(),
  valueMinor: amountMinor,
  currency: currencySchema,
  expectedDecisionDate: dateSchema.nullable(),
  principalInvolvement: z.string().nullable(),
  stage: stageSchema,
  outcome: outcomeSchema,
  outcomeReason: z.string().nullable(),
  stageEnteredAt: timestampSchema,
  lastActivityAt: timestampSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Journey = z.infer<typeof journey>;

export const journeyCreate = z.object({
  accountId: idSchema,
  solutionId: idSchema,
  ownerId: idSchema.nullable().optional().describe('Defaults to the account’s owner'),
  saId: idSchema.nullable().default(null),
  marcommId: idSchema.nullable().default(null),
  valueMinor: amountMinor.default(0),
  currency: currencySchema.default('IDR'),
  expectedDecisionDate: dateSchema.nullable().default(null),
  principalInvolvement: z.string().trim().max(500).nullable().default(null),
  stage: stageSchema.default('knowledge').describe('Where the journey starts; usually knowledge'),
  note: z.string().trim().max(2000).optional(),
});
export type JourneyCreate = z.infer<typeof journeyCreate>;

export const journeyPatch = z
  .object({
    ownerId: idSchema.nullable(),
    saId: idSchema.nullable(),
    marcommId: idSchema.nullable(),
    valueMinor: amountMinor,
    currency: currencySchema,
    expectedDecisionDate: dateSchema.nullable(),
    principalInvolvement: z.string().trim().max(500).nullable(),
    version: versionSchema,
  })
  .partial()
  .required({ version: true })
  .describe('Stage and outcome change only through transitions');
export type JourneyPatch = z.infer<typeof journeyPatch>;

const transitionCommon = { version: versionSchema, note: z.string().trim().max(2000).optional() };
export const transitionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), to: stageSchema, ...transitionCommon }),
  z.object({ kind: z.literal('adopt'), ...transitionCommon }),
  z.object({ kind: z.literal('reject'), reason: z.string().trim().min(1).max(100), ...transitionCommon }),
  z.object({ kind: z.literal('discontinue'), reason: z.string().trim().min(1).max(100), ...transitionCommon }),
  z.object({ kind: z.literal('reopen'), to: stageSchema.optional(), ...transitionCommon }),
]);
export type TransitionBody = z.infer<typeof transitionBody>;

export const historyEntry = z.object({
  id: idSchema,
  seq: z.number().int(),
  kind: z.enum(['open', 'move', 'adopt', 'reject', 'discontinue', 'reopen']),
  fromStage: stageSchema.nullable(),
  toStage: stageSchema,
  outcome: outcomeSchema,
  rogersStage: stageSchema,
  aidasSteps: z.array(z.enum(aidasSteps)),
  reason: z.string().nullable(),
  note: z.string().nullable(),
  actorId: idSchema.nullable(),
  at: timestampSchema,
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const transitionResult = z.object({ journey, entry: historyEntry });

export const journeyListQuery = listQueryBase.extend({
  sort: sortParam(['updatedAt', 'createdAt', 'valueMinor', 'stageEnteredAt'], '-updatedAt'),
  stage: csvEnum(stages).optional(),
  outcome: csvEnum(outcomes).optional(),
  solutionId: csvIds().optional(),
  ownerId: csvIds().optional(),
  accountId: idSchema.optional(),
  teamId: idSchema.optional(),
  saId: idSchema.optional(),
});
export type JourneyListQuery = z.infer<typeof journeyListQuery>;
export const journeyPage = pageOf(journey);

export const journeySummaryQuery = journeyListQuery.omit({ limit: true, cursor: true, sort: true }).extend({
  asOf: dateSchema.optional().describe('Date whose exchange rates convert other currencies; default today'),
});
export const journeySummary = z.object({
  currency: currencySchema,
  asOf: dateSchema,
  count: z.number().int(),
  totalMinor: z.number().int(),
  byStage: z.array(z.object({ stage: stageSchema, count: z.number().int(), totalMinor: z.number().int() })),
});
