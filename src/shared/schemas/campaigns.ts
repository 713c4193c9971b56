import { z } from 'zod';
import { attributionModels } from '../../domain/attribution.js';
import { campaignChannels, campaignStatuses, campaignTypes, responseKinds, responseSources } from '../../domain/campaigns.js';
import { currencySchema, dateSchema, idSchema, MAX_PAGE_SIZE, timestampSchema, utcTimestampInput, versionSchema } from './common.js';

/** Campaigns (DESIGN.md §4): audience from a segment, responses, results. */

export const campaign = z.object({
  id: idSchema,
  name: z.string(),
  description: z.string().nullable(),
  type: z.enum(campaignTypes),
  channels: z.array(z.enum(campaignChannels)),
  solutionId: idSchema.nullable(),
  solutionName: z.string().nullable(),
  segmentId: idSchema.nullable(),
  segmentName: z.string().nullable(),
  status: z.enum(campaignStatuses).describe('draft → launched (audience snapshotted) → closed'),
  startsOn: dateSchema.nullable(),
  endsOn: dateSchema.nullable(),
  budgetMinor: z.number().int().describe('Budget in minor units of currency (IDR: sen)'),
  currency: z.string(),
  ownerId: idSchema.nullable(),
  launchedAt: timestampSchema.nullable(),
  closedAt: timestampSchema.nullable(),
  audienceContacts: z.number().int().describe('Contacts in the audience snapshot (0 before launch)'),
  responseCount: z.number().int(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Campaign = z.infer<typeof campaign>;

const fields = {
  name: z.string().trim().min(1).max(200),
  description: z.string().trim().max(4000).nullable(),
  type: z.enum(campaignTypes),
  channels: z
    .array(z.enum(campaignChannels))
    .max(campaignChannels.length)
    .refine((list) => new Set(list).size === list.length, 'must not repeat a channel'),
  solutionId: idSchema.nullable(),
  segmentId: idSchema.nullable().describe('The audience: its members are snapshotted when the campaign is launched'),
  startsOn: dateSchema.nullable(),
  endsOn: dateSchema.nullable(),
  budgetMinor: z.number().int().min(0).max(Number.MAX_SAFE_INTEGER),
  currency: currencySchema,
  ownerId: idSchema,
};

function datesInOrder(value: { startsOn?: string | null; endsOn?: string | null }, ctx: z.RefinementCtx) {
  if (value.startsOn && value.endsOn && value.endsOn < value.startsOn) {
    ctx.addIssue({ code: 'custom', path: ['endsOn'], message: 'must not be before startsOn' });
  }
}

export const campaignCreate = z
  .object({
    ...fields,
    description: fields.description.default(null),
    channels: fields.channels.default([]),
    solutionId: fields.solutionId.default(null),
    segmentId: fields.segmentId.default(null),
    startsOn: fields.startsOn.default(null),
    endsOn: fields.endsOn.default(null),
    budgetMinor: fields.budgetMinor.default(0),
    currency: fields.currency.default('IDR'),
    ownerId: fields.ownerId.optional().describe('Defaults to you'),
  })
  .superRefine(datesInOrder);
export type CampaignCreate = z.infer<typeof campaignCreate>;

export const campaignPatch = z
  .object({ ...fields, version: versionSchema })
  .partial()
  .required({ version: true })
  .superRefine(datesInOrder);
export type CampaignPatch = z.infer<typeof campaignPatch>;

export const MAX_CAMPAIGNS = 500;
export const campaignListQuery = z.object({
  status: z.enum(campaignStatuses).optional(),
  type: z.enum(campaignTypes).optional(),
  solutionId: idSchema.optional(),
});
export type CampaignListQuery = z.infer<typeof campaignListQuery>;
export const campaignList = z.object({ items: z.array(campaign) });

export const versionBody = z.object({ version: versionSchema });

export const audienceMember = z.object({
  contactId: idSchema,
  fullName: z.string(),
  title: z.string().nullable(),
  accountId: idSchema,
  accountName: z.string(),
  responses: z.array(z.enum(responseKinds)),
});
export type AudienceMember = z.infer<typeof audienceMember>;
export const audienceQuery = z.object({
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});
export const audiencePage = z.object({ items: z.array(audienceMember), nextCursor: z.string().nullable(), contacts: z.number().int(), accounts: z.number().int() });

export const campaignResponse = z.object({
  id: idSchema,
  campaignId: idSchema,
  contactId: idSchema,
  contactName: z.string(),
  accountId: idSchema,
  accountName: z.string(),
  kind: z.enum(responseKinds),
  at: timestampSchema,
  source: z.enum(responseSources),
  journeyId: idSchema.nullable(),
  journeyEffect: z.enum(['opened', 'touched']).nullable().describe('opened: this response opened the journey; touched: it was logged on an existing one'),
  createdAt: timestampSchema,
});
export type CampaignResponse = z.infer<typeof campaignResponse>;

export const responseCreate = z.object({
  contactId: idSchema,
  kind: z.enum(responseKinds),
  at: utcTimestampInput.optional().describe('When it happened; defaults to now'),
});
export type ResponseCreate = z.infer<typeof responseCreate>;

export const responseListQuery = z.object({
  kind: z.enum(responseKinds).optional(),
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50),
  cursor: z.string().max(500).optional().describe('nextCursor from the previous page'),
});
export type ResponseListQuery = z.infer<typeof responseListQuery>;
export const responsePage = z.object({ items: z.array(campaignResponse), nextCursor: z.string().nullable() });

export const MAX_IMPORT_ROWS = 5000;
export const responseImportJson = z.object({
  csv: z.string().min(1).max(2_000_000).describe('CSV text with a header row: email or phone or contact_id, kind, at (optional)'),
});
export const importRowError = z.object({ row: z.number().int().describe('1-based data row (the header is row 0)'), field: z.string(), reason: z.string() });
export const responseImportResult = z.object({
  imported: z.number().int().describe('Responses written'),
  skipped: z.number().int().describe('Rows already recorded (same contact and kind): left as they were'),
  journeysOpened: z.number().int(),
});

const amounts = z.object({ pipelineMinor: z.number().int(), wonMinor: z.number().int() });
export const campaignResults = z.object({
  currency: z.string().describe('The workspace currency every amount is converted into'),
  asOf: dateSchema,
  reach: z.object({ contacts: z.number().int(), accounts: z.number().int() }),
  responses: z.object(Object.fromEntries(responseKinds.map((k) => [k, z.number().int()])) as Record<(typeof responseKinds)[number], z.ZodNumber>),
  respondents: z.number().int().describe('Distinct contacts who engaged (any response but an invitation)'),
  journeys: z.object({
    opened: z.number().int().describe('Journeys this campaign’s responses opened'),
    touched: z.number().int().describe('Journeys its responses touched, opened ones included'),
    advanced: z.number().int().describe('Touched journeys that moved forward a stage after the campaign’s first touch'),
    adopted: z.number().int().describe('Touched journeys now adopted'),
  }),
  attribution: z.object(Object.fromEntries(attributionModels.map((m) => [m, amounts])) as Record<(typeof attributionModels)[number], typeof amounts>),
  budgetMinor: z.number().int(),
  costPerJourneyMinor: z.number().int().nullable().describe('Budget ÷ journeys opened'),
  roi: z
    .object(Object.fromEntries(attributionModels.map((m) => [m, z.number().nullable()])) as Record<(typeof attributionModels)[number], z.ZodNullable<z.ZodNumber>>)
    .describe('(attributed won value − budget) ÷ budget per attribution model; null without a budget'),
});
export type CampaignResults = z.infer<typeof campaignResults>;
