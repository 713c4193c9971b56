import { z } from 'zod';
import { itCategories, mitigationStatuses } from '../../domain/recommendations.js';
import { solutionCategories } from '../vocabulary.js';
import { dateSchema, idSchema, timestampSchema, versionSchema } from './common.js';

/** The IT-environment assessment of an account (DESIGN.md §4): inventory, risks, and what they recommend. */

export const itCategorySchema = z.enum(itCategories);
export const mitigationStatusSchema = z.enum(mitigationStatuses);
const scale = z.number().int().min(1).max(5);

export const accountParams = z.object({ id: idSchema.describe('Account id') });
export const accountItemParams = z.object({ id: idSchema.describe('Account id'), itemId: idSchema });

const inventoryFields = {
  category: itCategorySchema,
  vendor: z.string().trim().min(1).max(150),
  product: z.string().trim().min(1).max(200),
  productVersion: z.string().trim().max(100).nullable(),
  endOfLife: dateSchema.nullable().describe('End of life or end of support'),
  criticality: scale.describe('1 (low) … 5 (business-critical)'),
};

export const inventoryItem = z.object({
  id: idSchema,
  accountId: idSchema,
  ...inventoryFields,
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type InventoryItem = z.infer<typeof inventoryItem>;

export const inventoryCreate = z.object({
  ...inventoryFields,
  productVersion: inventoryFields.productVersion.default(null),
  endOfLife: inventoryFields.endOfLife.default(null),
  criticality: inventoryFields.criticality.default(3),
});
export type InventoryCreate = z.infer<typeof inventoryCreate>;
export const inventoryPatch = z.object({ ...inventoryFields, version: versionSchema }).partial().required({ version: true });
export type InventoryPatch = z.infer<typeof inventoryPatch>;

const riskFields = {
  threat: z.string().trim().min(1).max(500),
  category: itCategorySchema,
  likelihood: scale.describe('1 (rare) … 5 (almost certain)'),
  impact: scale.describe('1 (minor) … 5 (severe)'),
  mitigationStatus: mitigationStatusSchema,
  ownerId: idSchema.nullable().describe('Who follows the risk up'),
};

export const risk = z.object({
  id: idSchema,
  accountId: idSchema,
  ...riskFields,
  score: z.number().int().describe('likelihood × impact'),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Risk = z.infer<typeof risk>;

export const riskCreate = z.object({
  ...riskFields,
  mitigationStatus: riskFields.mitigationStatus.default('open'),
  ownerId: riskFields.ownerId.default(null),
});
export type RiskCreate = z.infer<typeof riskCreate>;
export const riskPatch = z.object({ ...riskFields, version: versionSchema }).partial().required({ version: true });
export type RiskPatch = z.infer<typeof riskPatch>;

/** Per-account lists are short (an assessment, not a log): at most this many items come back. */
export const MAX_ASSESSMENT_ITEMS = 500;
export const inventoryList = z.object({ items: z.array(inventoryItem) });
export const riskList = z.object({ items: z.array(risk) });

export const riskSolutionLink = z.object({ riskCategory: itCategorySchema, solutionCategory: z.enum(solutionCategories) });
export const riskSolutionMap = z.object({ items: z.array(riskSolutionLink) });
export const riskSolutionMapBody = z.object({ items: z.array(riskSolutionLink).max(200).describe('Replaces the whole map') });

export const recommendation = z.object({
  solutionId: idSchema,
  solutionName: z.string(),
  solutionCategory: z.string(),
  score: z.number().int().describe('Highest likelihood × impact among the risks it addresses'),
  totalScore: z.number().int(),
  reasons: z.array(z.object({ riskId: idSchema, threat: z.string(), category: itCategorySchema, score: z.number().int() })),
});
export const recommendations = z.object({ accountId: idSchema, items: z.array(recommendation) });
