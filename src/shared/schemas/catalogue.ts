import { z } from 'zod';
import { solutionCategories } from '../vocabulary.js';
import { csvEnum, dateSchema, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';

export const principal = z.object({
  id: idSchema,
  name: z.string(),
  website: z.string().nullable(),
  country: z.string().nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Principal = z.infer<typeof principal>;

const principalFields = {
  name: z.string().trim().min(1).max(100),
  website: z.url().max(300).nullable(),
  country: z.string().trim().max(100).nullable(),
};
export const principalCreate = z.object({ ...principalFields, website: principalFields.website.default(null), country: principalFields.country.default(null) });
export type PrincipalCreate = z.infer<typeof principalCreate>;
export const principalPatch = z.object({ ...principalFields, version: versionSchema }).partial().required({ version: true });
export type PrincipalPatch = z.infer<typeof principalPatch>;
export const principalListQuery = listQueryBase.extend({ sort: sortParam(['name', 'createdAt'], 'name') });
export type PrincipalListQuery = z.infer<typeof principalListQuery>;
export const principalPage = pageOf(principal);

export const solution = z.object({
  id: idSchema,
  name: z.string(),
  category: z.enum(solutionCategories),
  description: z.string().nullable(),
  launchDate: dateSchema.nullable().describe('When the solution was launched to the market; diffusion is measured from it'),
  principalIds: z.array(idSchema),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Solution = z.infer<typeof solution>;

const solutionFields = {
  name: z.string().trim().min(1).max(150),
  category: z.enum(solutionCategories),
  description: z.string().trim().max(4000).nullable(),
  launchDate: dateSchema.nullable(),
  principalIds: z.array(idSchema).max(20),
};
export const solutionCreate = z.object({
  ...solutionFields,
  description: solutionFields.description.default(null),
  launchDate: solutionFields.launchDate.default(null),
  principalIds: solutionFields.principalIds.default([]),
});
export type SolutionCreate = z.infer<typeof solutionCreate>;
export const solutionPatch = z.object({ ...solutionFields, version: versionSchema }).partial().required({ version: true });
export type SolutionPatch = z.infer<typeof solutionPatch>;
export const solutionListQuery = listQueryBase.extend({
  sort: sortParam(['name', 'createdAt'], 'name'),
  category: csvEnum(solutionCategories).optional(),
  principalId: idSchema.optional(),
});
export type SolutionListQuery = z.infer<typeof solutionListQuery>;
export const solutionPage = pageOf(solution);
