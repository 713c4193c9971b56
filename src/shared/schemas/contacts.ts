import { z } from 'zod';
import { ageBands, contactChannels, divisions, influences, opennessLevels, seniorities, techProficiencies } from '../vocabulary.js';
import { csvEnum, idSchema, listQueryBase, pageOf, sortParam, timestampSchema, utcTimestampInput, versionSchema } from './common.js';

/**
 * An ISO-8601 timestamp with any offset, stored as UTC (`…Z`) so both databases compare
 * and sort it the same way (SQLite compares timestamps as text).
 */

const channelSchema = z.enum(contactChannels);

/** Marketing consent for one channel, with where it came from and when (UU 27/2022). */
export const consent = z.object({
  channel: channelSchema,
  granted: z.boolean(),
  source: z.string().trim().min(1).max(200).describe('Where the consent was given, e.g. "webinar registration form"'),
  recordedAt: timestampSchema,
});
export type Consent = z.infer<typeof consent>;

const consentsInput = z
  .array(consent.extend({ recordedAt: utcTimestampInput }))
  .max(contactChannels.length)
  .superRefine((consents, ctx) => {
    const seen = new Set<string>();
    consents.forEach((c, index) => {
      if (seen.has(c.channel)) ctx.addIssue({ code: 'custom', path: [index, 'channel'], message: 'already has a consent; record at most one per channel' });
      seen.add(c.channel);
    });
  })
  .describe('At most one consent per channel');

const channelsInput = z
  .array(channelSchema)
  .max(contactChannels.length * 2)
  .transform((channels) => [...new Set(channels)])
  .describe('Channels the contact can be reached on; duplicates are dropped');

const phoneInput = z.string().trim().min(1).max(40).describe('Stored in E.164; Indonesian numbers may be written 0812… or 62812…');

export const contactFields = {
  accountId: idSchema,
  fullName: z.string().trim().min(1).max(200),
  title: z.string().trim().min(1).max(200).nullable().describe('Job title'),
  division: z.enum(divisions),
  seniority: z.enum(seniorities),
  ageBand: z.enum(ageBands).nullable(),
  techProficiency: z.enum(techProficiencies).describe('Psychographic: beginner or advanced with technology'),
  influence: z.enum(influences).describe('Behavioural: role in the buying decision'),
  openness: z.enum(opennessLevels).describe('Openness to new technology'),
  email: z.email().max(320).nullable(),
  phone: phoneInput.nullable(),
  whatsapp: phoneInput.nullable(),
  linkedin: z.string().trim().min(1).max(300).nullable().describe('Profile URL or handle'),
};

export const contactCreate = z.object({
  ...contactFields,
  title: contactFields.title.default(null),
  ageBand: contactFields.ageBand.default(null),
  email: contactFields.email.default(null),
  phone: contactFields.phone.default(null),
  whatsapp: contactFields.whatsapp.default(null),
  linkedin: contactFields.linkedin.default(null),
  channels: channelsInput.default([]),
  consents: consentsInput.default([]),
});
export type ContactCreate = z.infer<typeof contactCreate>;

export const contactPatch = z
  .object({ ...contactFields, channels: channelsInput, consents: consentsInput.describe('Replaces every consent'), version: versionSchema })
  .partial()
  .required({ version: true });
export type ContactPatch = z.infer<typeof contactPatch>;

export const contact = z.object({
  id: idSchema,
  ...contactFields,
  phone: z.string().nullable().describe('E.164'),
  whatsapp: z.string().nullable().describe('E.164'),
  channels: z.array(channelSchema),
  consents: z.array(consent),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type Contact = z.infer<typeof contact>;

export const contactListQuery = listQueryBase.extend({
  sort: sortParam(['fullName', 'createdAt', 'updatedAt'], 'fullName'),
  accountId: idSchema.optional(),
  division: csvEnum(divisions).optional(),
  seniority: csvEnum(seniorities).optional(),
  techProficiency: csvEnum(techProficiencies).optional(),
  influence: csvEnum(influences).optional(),
});
export type ContactListQuery = z.infer<typeof contactListQuery>;

export const contactPage = pageOf(contact);
