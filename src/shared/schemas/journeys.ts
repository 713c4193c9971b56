import { z } from 'zod';
import { aidasSteps, outcomes, stages, tiers } from '../vocabulary.js';
import { unmetGate } from './playbook.js';
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
  pipelineId: idSchema.nullable().default(null).describe('A pipeline other than the solution line’s (or the default) to follow'),
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
    handoffNote: z.string().trim().min(1).max(2000).describe('Kept on the handoff record when the owner, SA or marcomm owner changes'),
    version: versionSchema,
  })
  .partial()
  .required({ version: true })
  .describe('Stage and outcome change only through transitions');
export type JourneyPatch = z.infer<typeof journeyPatch>;

const transitionCommon = { version: versionSchema, note: z.string().trim().max(2000).optional() };
/** Moving forward past unmet gates: sales managers of the team and admins, with a reason that the history keeps. */
const override = z
  .object({ reason: z.string().trim().min(1).max(1000) })
  .optional()
  .describe('Override of unmet gates (sales manager of the team or admin); recorded in the history');
export const transitionBody = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('move'), to: stageSchema, override, ...transitionCommon }),
  z.object({ kind: z.literal('adopt'), override, ...transitionCommon }),
  z.object({ kind: z.literal('reject'), reason: z.string().trim().min(1).max(100), ...transitionCommon }),
  z.object({ kind: z.literal('discontinue'), reason: z.string().trim().min(1).max(100), ...transitionCommon }),
  z.object({ kind: z.literal('reopen'), to: stageSchema.optional(), override, ...transitionCommon }),
]);
export type TransitionBody = z.infer<typeof transitionBody>;

const historyEntryBase = z.object({
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
/** A stage-history row: the move, and the gate override and pipeline in force when it was written. */
export const historyEntry = historyEntryBase.extend({
  overrideReason: z.string().nullable().describe('Why the move went past unmet gates; null when it did not'),
  unmetGates: z.array(unmetGate).nullable().describe('The gates that were unmet when overridden'),
  pipelineId: idSchema.nullable().describe('The pipeline in force when the row was written (null before pipelines existed)'),
  pipelineVersion: z.number().int().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntry>;

export const transitionResult = z.object({ journey, entry: historyEntry });

/** Comma-separated free text in a query string (`city=Jakarta Selatan,Surabaya`), each 1–100 characters. */
const csvText = () =>
  z
    .string()
    .transform((s) => s.split(',').map((v) => v.trim()).filter(Boolean))
    .pipe(z.array(z.string().max(100)).min(1).max(50));

export const journeyListQuery = listQueryBase.extend({
  sort: sortParam(['updatedAt', 'createdAt', 'valueMinor', 'stageEnteredAt'], '-updatedAt'),
  stage: csvEnum(stages).optional(),
  outcome: csvEnum(outcomes).optional(),
  solutionId: csvIds().optional(),
  ownerId: csvIds().optional(),
  accountId: idSchema.optional(),
  teamId: csvIds().optional().describe('The account’s team (comma-separated ids)'),
  saId: idSchema.optional(),
  principalId: csvIds().optional().describe('Journeys on solutions of these principals (vendors), comma-separated ids'),
  city: csvText().optional().describe('The account’s city, comma-separated, exact match'),
  tier: csvEnum(tiers).optional().describe('The account’s tier, comma-separated'),
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
