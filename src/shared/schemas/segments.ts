import { z } from 'zod';
import { checkRule, segmentFieldGroups, segmentFieldTypes, segmentOps, type SegmentRule } from '../../domain/segmentRules.js';
import { idSchema, timestampSchema, versionSchema } from './common.js';

/** Segments (DESIGN.md §4): a named rule over account, contact and journey facts. */

export const segmentKinds = ['dynamic', 'static'] as const;
export type SegmentKind = (typeof segmentKinds)[number];

/**
 * The rule in a request body. Its JSON Schema is documented by example rather than as a
 * recursive schema; the tree's shape and the catalogue are checked here, each problem named
 * by its path (e.g. `body.rule.all.1.value`).
 */
export const ruleSchema = z
  .unknown()
  .superRefine((value, ctx) => {
    for (const issue of checkRule(value)) ctx.addIssue({ code: 'custom', path: issue.path, message: issue.reason });
  })
  .transform((value) => value as SegmentRule)
  .meta({
    description:
      'A rule tree: { all: [rule, …] } | { any: [rule, …] } | { not: rule } | { field, op, value }. ' +
      'GET /api/segments/fields lists the fields, their types and the operators each accepts. Values: eq — a scalar; in — a list; ' +
      'between — [from, to] (numbers or dates); contains — text; exists — true/false or left out; before/after — a date YYYY-MM-DD; ' +
      'within_days/not_within_days — { days, types? } (types: activity types, activity fields only); in_stage — { solutionId | null, stages }.',
    examples: [
      {
        all: [
          { field: 'account.region', op: 'eq', value: 'jabodetabek' },
          { field: 'contact.division', op: 'eq', value: 'it' },
          { field: 'contact.activity', op: 'within_days', value: { days: 90, types: ['event_attendance'] } },
          { not: { field: 'account.customer', op: 'eq', value: true } },
        ],
      },
    ],
  });

export const segment = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  rule: z.unknown().describe('The rule tree as saved'),
  kind: z.enum(segmentKinds).describe('dynamic: evaluated whenever used; static: the members frozen at frozenAt'),
  ownerId: idSchema.nullable(),
  frozenAt: timestampSchema.nullable(),
  memberCount: z.number().int().nullable().describe('Static segments: the frozen members; dynamic ones: null (ask /count)'),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Segment = Omit<z.infer<typeof segment>, 'rule'> & { rule: SegmentRule };

const segmentFields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(2000).nullable(),
  rule: ruleSchema,
};

export const segmentCreate = z.object({ ...segmentFields, description: segmentFields.description.default(null) });
export type SegmentCreate = z.infer<typeof segmentCreate>;

export const segmentPatch = z
  .object({
    ...segmentFields,
    kind: z.literal('dynamic').describe('Turns a static segment back into a dynamic one, dropping its frozen members'),
    version: versionSchema,
  })
  .partial()
  .required({ version: true });
export type SegmentPatch = z.infer<typeof segmentPatch>;

export const segmentList = z.object({ items: z.array(segment) });
export const MAX_SEGMENTS = 500;

export const segmentCountBody = z.object({ rule: ruleSchema });
export const segmentCount = z.object({
  contacts: z.number().int().describe('Live contacts that match'),
  accounts: z.number().int().describe('Distinct accounts of those contacts'),
});
export type SegmentCount = z.infer<typeof segmentCount>;

export const MAX_PREVIEW = 100;
export const segmentPreviewBody = z.object({ rule: ruleSchema, limit: z.number().int().min(1).max(MAX_PREVIEW).default(20) });
export const segmentPreviewItem = z.object({
  contactId: idSchema,
  fullName: z.string(),
  title: z.string().nullable(),
  division: z.string(),
  seniority: z.string(),
  accountId: idSchema,
  accountName: z.string(),
  city: z.string(),
});
export type SegmentPreviewItem = z.infer<typeof segmentPreviewItem>;
export const segmentPreview = z.object({ items: z.array(segmentPreviewItem), contacts: z.number().int(), accounts: z.number().int() });

export const segmentFreezeBody = z.object({ version: versionSchema });

export const segmentMembersQuery = z.object({ limit: z.coerce.number().int().min(1).max(MAX_PREVIEW).default(50) });

export const segmentFieldSchema = z.object({
  id: z.string(),
  group: z.enum(segmentFieldGroups),
  subject: z.enum(['contact', 'account']),
  label: z.object({ id: z.string(), en: z.string() }),
  type: z.enum(segmentFieldTypes),
  values: z.array(z.string()).optional().describe('The vocabulary of an enum field'),
  nullable: z.boolean(),
  ops: z.array(z.enum(segmentOps)),
});
export const segmentFieldList = z.object({ items: z.array(segmentFieldSchema) });
