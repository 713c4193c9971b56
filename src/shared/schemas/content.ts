import { z } from 'zod';
import { divisions, stages, techProficiencies } from '../vocabulary.js';
import { idSchema, listQueryBase, pageOf, timestampSchema, versionSchema } from './common.js';

/**
 * Positioning (value pillars and persona messages per solution), the educational-content
 * library (uploads and links, tagged by solution, persona and stage, with share tracking) and
 * the playbook content per stage and persona (issue 4 §3, issue 5 §5; DESIGN.md §4).
 */

export const valuePillars = ['product_leadership', 'operational_excellence', 'customer_experience'] as const;
export type ValuePillar = (typeof valuePillars)[number];
export const contentLanguages = ['id', 'en'] as const;
export const contentKinds = ['upload', 'link'] as const;
export const playbookEntryKinds = ['talk_track', 'question', 'objection', 'tip'] as const;
export type PlaybookEntryKind = (typeof playbookEntryKinds)[number];
/** How a content item reached the contact; every share is logged as a `content_shared` activity. */
export const shareChannels = ['email', 'whatsapp', 'in_person', 'linkedin', 'other'] as const;

export { MAX_UPLOAD_BYTES, allowedUploadTypes } from '../contentFiles.js';
import { MAX_UPLOAD_BYTES } from '../contentFiles.js';

const proficiencySchema = z.enum(techProficiencies);
const divisionSchema = z.enum(divisions);
const stageSchema = z.enum(stages);
const text = (max: number) => z.string().trim().min(1).max(max);

// --- positioning ---------------------------------------------------------------------------

export const solutionParams = z.object({ id: idSchema.describe('Solution id') });
export const personaMessageParams = z.object({ id: idSchema.describe('Solution id'), messageId: idSchema });

export const pillarStatement = z.object({
  pillar: z.enum(valuePillars),
  statementId: text(1000).describe('The statement in Indonesian'),
  statementEn: text(1000).describe('The statement in English'),
});
export type PillarStatement = z.infer<typeof pillarStatement>;

const personaMessageFields = {
  proficiency: proficiencySchema.describe('Psychographic persona: beginner (business users) or advanced (IT teams)'),
  division: divisionSchema.nullable().describe('Division the message is for; null: every division'),
  textId: text(2000).describe('The message in Indonesian'),
  textEn: text(2000).describe('The message in English'),
  position: z.number().int().min(0).max(10_000),
};

export const personaMessage = z.object({ id: idSchema, solutionId: idSchema, ...personaMessageFields, version: z.number().int(), updatedAt: timestampSchema });
export type PersonaMessage = z.infer<typeof personaMessage>;
export const personaMessageCreate = z.object({ ...personaMessageFields, division: personaMessageFields.division.default(null), position: personaMessageFields.position.optional() });
export type PersonaMessageCreate = z.infer<typeof personaMessageCreate>;
export const personaMessagePatch = z.object({ ...personaMessageFields, version: versionSchema }).partial().required({ version: true });
export type PersonaMessagePatch = z.infer<typeof personaMessagePatch>;

export const positioning = z.object({
  solutionId: idSchema,
  version: z.number().int().min(0).describe('Version of the pillar set; 0 before the first save'),
  pillars: z.array(pillarStatement),
  messages: z.array(personaMessage),
});
export type Positioning = z.infer<typeof positioning>;

export const positioningPut = z.object({
  version: z.number().int().min(0).describe('The positioning version you last read (0 for a solution without pillars); a stale one gets 409'),
  pillars: z
    .array(pillarStatement)
    .max(valuePillars.length)
    .refine((items) => new Set(items.map((p) => p.pillar)).size === items.length, 'lists a pillar twice')
    .describe('Replaces every pillar statement; a pillar left out has no statement'),
});
export type PositioningPut = z.infer<typeof positioningPut>;

// --- content library -----------------------------------------------------------------------

export const contentParams = z.object({ id: idSchema.describe('Content item id') });

const tagFields = {
  solutionIds: z.array(idSchema).max(50).describe('Solutions the item is about; none: every solution'),
  proficiencies: z.array(proficiencySchema).max(2).describe('Personas it suits; none: every persona'),
  divisions: z.array(divisionSchema).max(divisions.length).describe('Divisions it suits; none: every division'),
  stages: z.array(stageSchema).max(stages.length).describe('Journey stages it helps in; none: every stage'),
};
const unique = <T>(items: T[]) => [...new Set(items)];

const metadataFields = {
  title: text(300),
  description: z.string().trim().max(4000).nullable(),
  language: z.enum(contentLanguages).describe('Language of the content'),
};

const httpUrl = z
  .url({ protocol: /^https?$/ })
  .max(2000)
  .describe('An http(s) address');

export const contentItem = z.object({
  id: idSchema,
  kind: z.enum(contentKinds),
  ...metadataFields,
  url: z.string().nullable().describe('The link (kind link)'),
  fileName: z.string().nullable().describe('The uploaded file’s name as sent (kind upload)'),
  mimeType: z.string().nullable(),
  sizeBytes: z.number().int().nullable(),
  sha256: z.string().nullable().describe('SHA-256 of the stored file, hex'),
  ...tagFields,
  shareCount: z.number().int().describe('How many times it was shared with a contact'),
  createdBy: idSchema.nullable(),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type ContentItem = z.infer<typeof contentItem>;
export type ContentTags = Pick<ContentItem, 'solutionIds' | 'proficiencies' | 'divisions' | 'stages'>;

const tagInputs = {
  solutionIds: tagFields.solutionIds.default([]).transform(unique),
  proficiencies: tagFields.proficiencies.default([]).transform(unique),
  divisions: tagFields.divisions.default([]).transform(unique),
  stages: tagFields.stages.default([]).transform(unique),
};

export const contentLinkCreate = z.object({ ...metadataFields, description: metadataFields.description.default(null), url: httpUrl, ...tagInputs });
export type ContentLinkCreate = z.infer<typeof contentLinkCreate>;

/** A comma-separated multipart field as a list (empty: none). */
function csvField<T extends z.ZodType<unknown, string>>(item: T, max: number) {
  return z
    .string()
    .default('')
    .transform((s) => unique(s.split(',').map((v) => v.trim()).filter(Boolean)))
    .pipe(z.array(item).max(max));
}

/** The text fields of a multipart upload (the file part is named `file`); lists are comma-separated. */
export const contentUploadFields = z.object({
  title: text(300),
  description: z
    .string()
    .trim()
    .max(4000)
    .default('')
    .transform((s) => (s === '' ? null : s)),
  language: z.enum(contentLanguages),
  solutionIds: csvField(idSchema, 50),
  proficiencies: csvField(proficiencySchema, 2),
  divisions: csvField(divisionSchema, divisions.length),
  stages: csvField(stageSchema, stages.length),
});
export type ContentUploadFields = z.infer<typeof contentUploadFields>;

/** Documents the multipart form in OpenAPI (validated by hand in the route: it streams a file). */
export const contentUploadForm = z.object({
  file: z.string().describe(`The file (binary), at most ${MAX_UPLOAD_BYTES / 1024 / 1024} MB: PDF, Word, Excel, PowerPoint, PNG, JPEG, GIF, WebP or MP4`),
  title: z.string(),
  description: z.string().optional(),
  language: z.enum(contentLanguages),
  solutionIds: z.string().optional().describe('Comma-separated solution ids'),
  proficiencies: z.string().optional().describe('Comma-separated: beginner, advanced'),
  divisions: z.string().optional().describe('Comma-separated divisions'),
  stages: z.string().optional().describe('Comma-separated stages'),
});

export const contentPatch = z
  .object({ ...metadataFields, url: httpUrl.describe('Only for links'), ...tagFields, version: versionSchema })
  .partial()
  .required({ version: true });
export type ContentPatch = z.infer<typeof contentPatch>;

export const contentListQuery = listQueryBase.extend({
  solutionId: idSchema.optional().describe('Items about this solution (or about every solution)'),
  proficiency: proficiencySchema.optional().describe('Items for this persona (or for every persona)'),
  division: divisionSchema.optional().describe('Items for this division (or for every division)'),
  stage: stageSchema.optional().describe('Items for this stage (or for every stage)'),
  language: z.enum(contentLanguages).optional(),
  kind: z.enum(contentKinds).optional(),
});
export type ContentListQuery = z.infer<typeof contentListQuery>;
export const contentPage = pageOf(contentItem);

export const shareCreate = z.object({
  contactId: idSchema.describe('The contact the item was shared with'),
  journeyId: idSchema.nullable().default(null).describe('A journey of the contact’s account'),
  channel: z.enum(shareChannels),
  note: z.string().trim().max(2000).nullable().default(null),
});
export type ShareCreate = z.infer<typeof shareCreate>;

export const contentShare = z.object({
  id: idSchema,
  contentItemId: idSchema,
  activityId: idSchema.describe('The content_shared activity logged for it'),
  contactId: idSchema,
  journeyId: idSchema.nullable(),
  channel: z.enum(shareChannels),
  at: timestampSchema,
  byUserId: idSchema.nullable(),
});
export type ContentShare = z.infer<typeof contentShare>;
export const contentShareList = z.object({ items: z.array(contentShare) });

// --- playbook content ------------------------------------------------------------------------

export const playbookEntryParams = z.object({ id: idSchema.describe('Playbook entry id') });

const entryFields = {
  stage: stageSchema,
  proficiency: proficiencySchema.nullable().describe('null: every proficiency'),
  division: divisionSchema.nullable().describe('null: every division'),
  kind: z.enum(playbookEntryKinds),
  titleId: text(300),
  titleEn: text(300),
  bodyId: text(10_000),
  bodyEn: text(10_000),
  contentItemIds: z.array(idSchema).max(20).describe('Linked educational content, in order'),
  position: z.number().int().min(0).max(100_000),
};

export const playbookEntry = z.object({ id: idSchema, ...entryFields, version: z.number().int(), createdAt: timestampSchema, updatedAt: timestampSchema });
export type PlaybookEntry = z.infer<typeof playbookEntry>;

export const playbookEntryCreate = z.object({
  ...entryFields,
  proficiency: entryFields.proficiency.default(null),
  division: entryFields.division.default(null),
  contentItemIds: entryFields.contentItemIds.default([]).transform(unique),
  position: entryFields.position.optional(),
});
export type PlaybookEntryCreate = z.infer<typeof playbookEntryCreate>;
export const playbookEntryPatch = z
  .object({ ...entryFields, contentItemIds: entryFields.contentItemIds.transform(unique), version: versionSchema })
  .partial()
  .required({ version: true });
export type PlaybookEntryPatch = z.infer<typeof playbookEntryPatch>;

export const playbookEntryListQuery = z.object({
  stage: stageSchema.optional(),
  kind: z.enum(playbookEntryKinds).optional(),
});
export type PlaybookEntryListQuery = z.infer<typeof playbookEntryListQuery>;
/** The whole playbook is small: at most this many entries come back. */
export const MAX_PLAYBOOK_ENTRIES = 1000;
export const playbookEntryList = z.object({ items: z.array(playbookEntry) });

export const contentSummary = contentItem.pick({ id: true, kind: true, title: true, language: true, url: true, fileName: true, mimeType: true });
export type ContentSummary = z.infer<typeof contentSummary>;

export const journeyPlaybook = z.object({
  journeyId: idSchema,
  stage: stageSchema,
  personas: z
    .array(z.object({ proficiency: proficiencySchema, division: divisionSchema, contacts: z.number().int() }))
    .describe('Personas of the journey’s contacts (those who took part in its activities, else every contact of the account)'),
  entries: z.array(playbookEntry.extend({ relevance: z.number().int().describe('Higher: more specific to the personas'), contentItems: z.array(contentSummary) })),
});
export type JourneyPlaybook = z.infer<typeof journeyPlaybook>;
