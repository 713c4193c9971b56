import { z } from 'zod';
import { roles } from '../vocabulary.js';
import { idSchema, listQueryBase, pageOf, sortParam, timestampSchema, versionSchema } from './common.js';

export const localeSchema = z.enum(['id', 'en']);
export const timeZoneSchema = z
  .string()
  .max(64)
  .refine((tz) => {
    try {
      new Intl.DateTimeFormat('en', { timeZone: tz });
      return true;
    } catch {
      return false;
    }
  }, 'must be an IANA time zone such as Asia/Jakarta');

export const passwordSchema = z.string().min(10, 'must be at least 10 characters').max(200);
export const emailSchema = z.email().max(254).transform((e) => e.toLowerCase());

export const user = z.object({
  id: idSchema,
  email: z.string(),
  name: z.string(),
  role: z.enum(roles),
  teamId: idSchema.nullable(),
  locale: localeSchema,
  timeZone: z.string(),
  active: z.boolean(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type User = z.infer<typeof user>;

export const userCreate = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  role: z.enum(roles),
  teamId: idSchema.nullable().default(null),
  password: passwordSchema,
  locale: localeSchema.default('id'),
  timeZone: timeZoneSchema.default('Asia/Jakarta'),
});
export type UserCreate = z.input<typeof userCreate>;

export const userPatch = z
  .object({
    name: z.string().trim().min(1).max(200),
    role: z.enum(roles),
    teamId: idSchema.nullable(),
    locale: localeSchema,
    timeZone: timeZoneSchema,
    active: z.boolean(),
    password: passwordSchema,
    version: versionSchema,
  })
  .partial()
  .required({ version: true });
export type UserPatch = z.infer<typeof userPatch>;

/** What a user may change about themselves. */
export const profilePatch = z
  .object({ name: z.string().trim().min(1).max(200), locale: localeSchema, timeZone: timeZoneSchema, version: versionSchema })
  .partial()
  .required({ version: true });

export const userListQuery = listQueryBase.extend({
  sort: sortParam(['name', 'email', 'createdAt'], 'name'),
  role: z.enum(roles).optional(),
  teamId: idSchema.optional(),
});
export type UserListQuery = z.infer<typeof userListQuery>;
export const userPage = pageOf(user);

export const team = z.object({
  id: idSchema,
  name: z.string(),
  managerId: idSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Team = z.infer<typeof team>;
export const teamCreate = z.object({ name: z.string().trim().min(1).max(100), managerId: idSchema.nullable().default(null) });
export const teamPatch = z
  .object({ name: z.string().trim().min(1).max(100), managerId: idSchema.nullable(), version: versionSchema })
  .partial()
  .required({ version: true });

export const loginBody = z.object({ email: z.string().trim().max(254).transform((e) => e.toLowerCase()), password: z.string().min(1).max(200) });
export const setupBody = z.object({
  email: emailSchema,
  name: z.string().trim().min(1).max(200),
  password: passwordSchema,
  locale: localeSchema.default('id'),
});

export const me = z.object({ user, permissions: z.object({ role: z.enum(roles) }) });
export const setupStatus = z.object({ needsSetup: z.boolean() });
