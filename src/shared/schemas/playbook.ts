import { z } from 'zod';
import { gateFields, gateKinds } from '../../domain/gates.js';
import { nextBestActionCodes } from '../../domain/nextBestAction.js';
import { activityTypes, aidasSteps, solutionCategories, stages } from '../vocabulary.js';
import { idSchema, timestampSchema, versionSchema } from './common.js';

/** Pipelines, their stages and gates, a journey's gate checklist, manual ticks and next best actions. */

const stageSchema = z.enum(stages);
export const gateLabel = z.object({ en: z.string().trim().min(1).max(200), id: z.string().trim().min(1).max(200) });
const gateId = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]{0,62}$/, 'must be lower-case letters, digits and dashes')
  .describe('Stable id of the gate within its pipeline');

const gateBase = { id: gateId, label: gateLabel };
export const gate = z.discriminatedUnion('kind', [
  z.object({
    ...gateBase,
    kind: z.literal('activity'),
    activityTypes: z.array(z.enum(activityTypes)).min(1),
    saLed: z.boolean().default(false).describe('The journey’s solution architect must have taken part'),
  }),
  z.object({ ...gateBase, kind: z.literal('contact_persona') }),
  z.object({ ...gateBase, kind: z.literal('field_set'), field: z.enum(gateFields) }),
  z.object({ ...gateBase, kind: z.literal('it_assessment') }),
  z.object({ ...gateBase, kind: z.literal('sa_meeting') }),
  z.object({ ...gateBase, kind: z.literal('survey') }),
  z.object({ ...gateBase, kind: z.literal('manual') }),
]);
export const gateKindSchema = z.enum(gateKinds);

export const pipelineStage = z.object({
  stage: stageSchema,
  position: z.number().int().min(1).max(5),
  aidasSteps: z.array(z.enum(aidasSteps)).min(1),
  gates: z.array(gate).max(20),
});

export const pipeline = z.object({
  id: idSchema,
  name: z.string(),
  isDefault: z.boolean(),
  solutionCategory: z.enum(solutionCategories).nullable().describe('The solution line this pipeline serves; null for the default'),
  stages: z.array(pipelineStage),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Pipeline = z.infer<typeof pipeline>;

const stagesInput = z
  .array(pipelineStage)
  .length(stages.length)
  .superRefine((list, ctx) => {
    stages.forEach((stage, i) => {
      if (list[i]?.stage !== stage) ctx.addIssue({ code: 'custom', path: [i, 'stage'], message: `must be ${stage}: the five Rogers stages in order` });
    });
    list.forEach((s, i) => {
      const ids = s.gates.map((g) => g.id);
      if (new Set(ids).size !== ids.length) ctx.addIssue({ code: 'custom', path: [i, 'gates'], message: 'gate ids must be unique within a stage' });
    });
  });

export const pipelineCreate = z.object({
  name: z.string().trim().min(1).max(100),
  solutionCategory: z.enum(solutionCategories).describe('One pipeline per solution line'),
  stages: stagesInput,
});
export type PipelineCreate = z.infer<typeof pipelineCreate>;

export const pipelineUpdate = z.object({
  name: z.string().trim().min(1).max(100).optional(),
  stages: stagesInput.optional(),
  version: versionSchema,
});
export type PipelineUpdate = z.infer<typeof pipelineUpdate>;

export const evidenceRef = z.object({ type: z.enum(['activity', 'contact', 'risk', 'tick', 'field']), id: z.string() });

export const gateCheck = z.object({ gate, met: z.boolean(), evidence: z.array(evidenceRef) });

export const gateChecklist = z.object({
  journeyId: idSchema,
  pipelineId: idSchema,
  pipelineVersion: z.number().int(),
  stage: stageSchema,
  aidasSteps: z.array(z.enum(aidasSteps)),
  met: z.array(gateCheck),
  unmet: z.array(gateCheck),
  canOverride: z.boolean().describe('Whether the caller may move past unmet gates with a reason'),
});
export type GateChecklist = z.infer<typeof gateChecklist>;

export const gateTickParams = z.object({ id: idSchema, gateId: z.string().min(1).max(64) });
export const gateTickBody = z.object({ note: z.string().trim().min(1).max(2000).describe('What confirms the gate') });
export const gateTick = z.object({ id: idSchema, journeyId: idSchema, gateId: z.string(), note: z.string(), tickedBy: idSchema.nullable(), at: timestampSchema });
export type GateTick = z.infer<typeof gateTick>;

export const unmetGate = z.object({ stage: stageSchema, gateId: z.string(), kind: gateKindSchema, label: gateLabel });

export const nextBestAction = z.object({
  code: z.enum(nextBestActionCodes),
  gateId: z.string().nullable(),
  dueAt: timestampSchema.nullable(),
  explanation: gateLabel.describe('Why, in English and Indonesian'),
});
export const nextBestActions = z.object({ journeyId: idSchema, stage: stageSchema, items: z.array(nextBestAction) });

/** The pipeline a journey follows: chosen for it, or its solution line's, or the default. */
export const journeyPipeline = z.object({
  journeyId: idSchema,
  chosenPipelineId: idSchema.nullable().describe('The pipeline chosen for this journey; null: its solution line’s, else the default'),
  pipeline: pipeline.describe('The pipeline in force'),
  journeyVersion: z.number().int(),
});
export type JourneyPipeline = z.infer<typeof journeyPipeline>;
export const journeyPipelineBody = z.object({
  pipelineId: idSchema.nullable().describe('null: follow the solution line’s pipeline, else the default'),
  version: versionSchema.describe('The journey’s version you last read'),
});
