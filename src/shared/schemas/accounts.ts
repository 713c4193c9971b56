import { z } from 'zod';
import { industries, regions, relationships, sizeBands, tiers } from '../vocabulary.js';
import { csvEnum, csvIds, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';

export const accountFields = {
  name: z.string().trim().min(1).max(200),
  industry: z.enum(industries),
  sizeBand: z.enum(sizeBands),
  tier: z.enum(tiers),
  city: z.string().trim().min(1).max(100),
  province: z.string().trim().min(1).max(100),
  region: z.enum(regions),
  relationship: z.enum(relationships),
  ownerId: idSchema.nullable(),
  teamId: idSchema.nullable(),
  website: z.url().max(300).nullable(),
  phone: z.string().trim().max(40).nullable(),
};

export const accountCreate = z.object({
  ...accountFields,
  ownerId: accountFields.ownerId.optional().describe('Defaults to the caller when the caller is an account manager'),
  teamId: accountFields.teamId.optional().describe('Defaults to the owner’s team'),
  relationship: accountFields.relationship.default('new_logo'),
  website: accountFields.website.optional(),
  phone: accountFields.phone.optional(),
});
export type AccountCreate = z.infer<typeof accountCreate>;

export const accountPatch = z.object({ ...accountFields, version: versionSchema }).partial().required({ version: true });
export type AccountPatch = z.infer<typeof accountPatch>;

export const account = z.object({
  id: idSchema,
  ...accountFields,
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Account = z.infer<typeof account>;

export const accountListQuery = listQueryBase.extend({
  sort: sortParam(['name', 'createdAt', 'updatedAt', 'city'], 'name'),
  ownerId: idSchema.optional(),
  teamId: idSchema.optional(),
  city: z.string().max(100).optional(),
  province: z.string().max(100).optional(),
  tier: csvEnum(tiers).optional(),
  industry: csvEnum(industries).optional(),
  ids: csvIds().optional(),
});
export type AccountListQuery = z.infer<typeof accountListQuery>;

export const accountPage = pageOf(account);
