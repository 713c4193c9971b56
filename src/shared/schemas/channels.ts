import { z } from 'zod';
import { activity } from './activities.js';
import { idSchema, listQueryBase, pageOf, timestampSchema, versionSchema } from './common.js';

/**
 * Channels (issue 4, capability 6): SMTP and WhatsApp settings, per-channel consent,
 * outbound email to a contact, WhatsApp templates and click-to-chat links, inbound
 * WhatsApp messages.
 */

/** Channels a contact gives or withdraws consent for (UU 27/2022: consent is per purpose and channel). */
export const consentChannels = ['email', 'whatsapp', 'phone', 'sms'] as const;
export type Channel = (typeof consentChannels)[number];
export const consentStatuses = ['opted_in', 'opted_out'] as const;
export type ConsentStatus = (typeof consentStatuses)[number];

// ---------------------------------------------------------------------------------------
// Settings (write-only secrets: the API says whether one is set, never what it is)
// ---------------------------------------------------------------------------------------

export const smtpSecurities = ['tls', 'starttls', 'none'] as const;

export const smtpSettingsInput = z.object({
  host: z.string().trim().min(1).max(253).describe('SMTP server host name or address'),
  port: z.number().int().min(1).max(65535).describe('465 for TLS, 587 for STARTTLS, 25 inside a trusted network'),
  security: z
    .enum(smtpSecurities)
    .describe('tls: TLS from the first byte (port 465); starttls: upgrade required (port 587); none: plain text, for a relay on a trusted network only'),
  username: z.string().trim().min(1).max(320).nullable().default(null),
  password: z.string().min(1).max(1000).nullable().optional().describe('Write-only. Leave out to keep the stored one; null removes it'),
  fromAddress: z.email().max(320).describe('The sender address of every email Difusi sends'),
  fromName: z.string().trim().min(1).max(200).nullable().default(null),
});
export type SmtpSettingsInput = z.infer<typeof smtpSettingsInput>;

export const smtpSettingsView = z.object({
  configured: z.boolean(),
  host: z.string().nullable(),
  port: z.number().int().nullable(),
  security: z.enum(smtpSecurities).nullable(),
  username: z.string().nullable(),
  passwordSet: z.boolean().describe('Whether a password is stored; the password itself is never returned'),
  fromAddress: z.string().nullable(),
  fromName: z.string().nullable(),
  updatedAt: timestampSchema.nullable(),
});
export type SmtpSettingsView = z.infer<typeof smtpSettingsView>;

export const smtpTestResult = z.object({ messageId: z.string(), to: z.string() });

export const whatsappSettingsInput = z.object({
  appSecret: z.string().min(8).max(500).nullable().optional().describe('Write-only: the Meta app secret that signs webhook calls. Leave out to keep; null removes'),
  verifyToken: z.string().min(8).max(500).nullable().optional().describe('Write-only: the token Meta echoes when the webhook is verified. Leave out to keep; null removes'),
});
export type WhatsappSettingsInput = z.infer<typeof whatsappSettingsInput>;

export const whatsappSettingsView = z.object({
  appSecretSet: z.boolean(),
  verifyTokenSet: z.boolean(),
  webhookPath: z.string().describe('Path to give Meta as the callback URL (after this server’s public origin)'),
  updatedAt: timestampSchema.nullable(),
});
export type WhatsappSettingsView = z.infer<typeof whatsappSettingsView>;

// ---------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------

export const consentEntry = z.object({
  id: idSchema,
  channel: z.enum(consentChannels),
  status: z.enum(consentStatuses),
  source: z.string(),
  note: z.string().nullable(),
  at: timestampSchema,
  recordedBy: idSchema.nullable(),
});
export type ConsentEntry = z.infer<typeof consentEntry>;

export const consentState = z.object({
  channel: z.enum(consentChannels),
  status: z.enum([...consentStatuses, 'unknown']).describe('unknown: nothing recorded, which does not allow messages'),
  allowed: z.boolean().describe('Whether outbound messages on this channel may be sent now'),
  source: z.string().nullable(),
  at: timestampSchema.nullable(),
});
export type ConsentState = z.infer<typeof consentState>;

export const contactConsents = z.object({
  contactId: idSchema,
  channels: z.array(consentState).describe('One entry per channel, in the order email, whatsapp, phone, sms'),
  history: z.array(consentEntry).describe('Every recorded change, newest first'),
});
export type ContactConsents = z.infer<typeof contactConsents>;

export const consentChange = z.object({
  channel: z.enum(consentChannels),
  status: z.enum(consentStatuses),
  source: z.string().trim().min(1).max(200).describe('Where the consent was given or withdrawn, e.g. "webinar registration form"'),
  note: z.string().trim().max(1000).nullable().default(null),
});

export const consentsInput = z.object({
  changes: z
    .array(consentChange)
    .min(1)
    .max(consentChannels.length)
    .superRefine((changes, ctx) => {
      const seen = new Set<string>();
      changes.forEach((c, index) => {
        if (seen.has(c.channel)) ctx.addIssue({ code: 'custom', path: [index, 'channel'], message: 'appears twice; record one change per channel' });
        seen.add(c.channel);
      });
    })
    .describe('Changes to record; each becomes a new entry in the consent log and takes effect at once'),
});
export type ConsentsInput = z.infer<typeof consentsInput>;

// ---------------------------------------------------------------------------------------
// Email to a contact
// ---------------------------------------------------------------------------------------

export const contactEmailInput = z.object({
  subject: z.string().trim().min(1).max(300),
  text: z.string().trim().min(1).max(20_000).describe('Plain-text body'),
  journeyId: idSchema.nullable().default(null).describe('A journey of the contact’s account to log the email on'),
});
export type ContactEmailInput = z.infer<typeof contactEmailInput>;

export const contactEmailResult = z.object({ messageId: z.string(), activity });

// ---------------------------------------------------------------------------------------
// WhatsApp templates and click-to-chat
// ---------------------------------------------------------------------------------------

export const templateLanguages = ['id', 'en'] as const;

export const templateFields = {
  name: z.string().trim().min(1).max(120),
  language: z.enum(templateLanguages),
  body: z.string().trim().min(1).max(4096).describe('Text with {{placeholders}}: name, firstName, account, sender, solution'),
};

export const whatsappTemplateCreate = z.object(templateFields);
export type WhatsappTemplateCreate = z.infer<typeof whatsappTemplateCreate>;

export const whatsappTemplatePatch = z.object({ ...templateFields, version: versionSchema }).partial().required({ version: true });
export type WhatsappTemplatePatch = z.infer<typeof whatsappTemplatePatch>;

export const whatsappTemplate = z.object({
  id: idSchema,
  ...templateFields,
  placeholders: z.array(z.string()).describe('Placeholders the body uses'),
  version: z.number().int(),
  createdAt: timestampSchema,
  updatedAt: timestampSchema,
});
export type WhatsappTemplate = z.infer<typeof whatsappTemplate>;

export const whatsappTemplateList = z.object({ items: z.array(whatsappTemplate) });

export const whatsappLinkQuery = z.object({
  templateId: idSchema.optional().describe('A template to prefill the message with'),
  journeyId: idSchema.optional().describe('A journey of the contact’s account: fills {{solution}}'),
});
export type WhatsappLinkQuery = z.infer<typeof whatsappLinkQuery>;

export const whatsappLink = z.object({
  url: z.string().describe('https://wa.me/<digits>?text=…'),
  phone: z.string().describe('E.164'),
  text: z.string().describe('The rendered message; empty without a template'),
});

// ---------------------------------------------------------------------------------------
// Inbound messages
// ---------------------------------------------------------------------------------------

export const inboundStatuses = ['matched', 'unmatched'] as const;

export const inboundMessage = z.object({
  id: idSchema,
  channel: z.literal('whatsapp'),
  fromPhone: z.string().describe('E.164'),
  body: z.string(),
  receivedAt: timestampSchema,
  providerMessageId: z.string(),
  contactId: idSchema.nullable(),
  accountId: idSchema.nullable(),
  activityId: idSchema.nullable(),
  status: z.enum(inboundStatuses),
});
export type InboundMessage = z.infer<typeof inboundMessage>;

export const inboundListQuery = listQueryBase.omit({ q: true }).extend({
  status: z.enum(inboundStatuses).optional(),
});
export type InboundListQuery = z.infer<typeof inboundListQuery>;

export const inboundPage = pageOf(inboundMessage);

export const webhookVerifyQuery = z.object({
  'hub.mode': z.string().max(100).optional(),
  'hub.verify_token': z.string().max(500).optional(),
  'hub.challenge': z.string().max(500).optional(),
});

export const webhookResult = z.object({
  received: z.number().int().describe('Messages in the payload'),
  recorded: z.number().int().describe('Messages stored now (repeats of earlier deliveries are skipped)'),
});
