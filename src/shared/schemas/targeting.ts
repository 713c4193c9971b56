import { z } from 'zod';
import { segmentRoles } from '../../domain/campaigns.js';
import { idSchema } from './common.js';

/** Targeting (DESIGN.md §4): the solutions × segments matrix, one primary segment per solution. */

export const targetingCell = z.object({
  solutionId: idSchema,
  segmentId: idSchema,
  role: z.enum(segmentRoles).nullable().describe('primary, secondary, or null when the segment is not targeted for the solution'),
  accountsWithJourney: z.number().int().describe('Accounts of the segment with a journey for the solution'),
  accountsAdopted: z.number().int().describe('…of which the journey is adopted'),
  conversion: z.number().nullable().describe('accountsAdopted ÷ accountsWithJourney; null without journeys'),
});
export type TargetingCell = z.infer<typeof targetingCell>;

export const targetingMatrix = z.object({
  solutions: z.array(z.object({ id: idSchema, name: z.string(), category: z.string(), primarySegmentId: idSchema.nullable() })),
  segments: z.array(z.object({ id: idSchema, name: z.string(), kind: z.string(), contacts: z.number().int(), accounts: z.number().int() })),
  cells: z.array(targetingCell).describe('One per solution × segment'),
});
export type TargetingMatrix = z.infer<typeof targetingMatrix>;

export const targetParams = z.object({ solutionId: idSchema, segmentId: idSchema });
export const targetBody = z.object({ role: z.enum(segmentRoles).describe('A new primary demotes the solution’s previous primary to secondary') });
export const targetLink = z.object({ solutionId: idSchema, segmentId: idSchema, role: z.enum(segmentRoles) });
