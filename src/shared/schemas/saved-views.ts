import { z } from 'zod';
import { idSchema, timestampSchema, versionSchema } from './common.js';

/**
 * Saved views: a user's named set of filters for one screen (the pipeline board, the
 * journeys list, …), kept as the screen's own address-bar parameters so that opening a view
 * is opening a shareable link. A view is its owner's to change; a shared one is readable by
 * everyone in the workspace.
 */

export const savedViewScreens = ['pipeline', 'journeys', 'accounts', 'contacts', 'activities', 'tasks', 'analytics'] as const;
export type SavedViewScreen = (typeof savedViewScreens)[number];
export const savedViewScreen = z.enum(savedViewScreens).describe('The screen whose filters the view holds');

/** At most this many views come back for one screen (a user's own and the shared ones). */
export const MAX_SAVED_VIEWS = 200;

const paramName = z.string().regex(/^[a-z][a-zA-Z0-9]{0,39}$/, 'must be a query parameter name such as solution or owner');
export const savedViewQuery = z
  .record(paramName, z.string().max(1000))
  .refine((q) => Object.keys(q).length <= 30, 'at most 30 parameters')
  .describe('The screen’s filter parameters as they appear in its address, e.g. { "solution": "…", "tier": "smb" }');

const name = z.string().trim().min(1).max(80);

export const savedView = z.object({
  id: idSchema,
  userId: idSchema.describe('Whose view it is; only they (and admins) change it'),
  userName: z.string(),
  screen: savedViewScreen,
  name: z.string(),
  query: z.record(z.string(), z.string()),
  shared: z.boolean().describe('Readable by everyone in the workspace'),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type SavedView = z.infer<typeof savedView>;

export const savedViewCreate = z.object({
  screen: savedViewScreen,
  name,
  query: savedViewQuery,
  shared: z.boolean().default(false),
});
export type SavedViewCreate = z.infer<typeof savedViewCreate>;

export const savedViewPatch = z
  .object({ name, query: savedViewQuery, shared: z.boolean(), version: versionSchema })
  .partial()
  .required({ version: true });
export type SavedViewPatch = z.infer<typeof savedViewPatch>;

export const savedViewListQuery = z.object({ screen: savedViewScreen });
export const savedViewList = z.object({ items: z.array(savedView) });
