import type { Actor } from '../domain/policy.js';
import { isAdmin } from '../domain/policy.js';
import {
  clickToChatUrl,
  isStopMessage,
  parseWebhookPayload,
  renderTemplate,
  senderE164,
  templatePlaceholders,
  unknownPlaceholders,
  verifySignature,
  type InboundWhatsapp,
  type TemplateValues,
} from '../domain/whatsapp.js';
import type { Page } from '../db/keyset.js';
import type { StoredSmtpSettings, StoredWhatsappSettings } from '../db/repositories/channels.repository.js';
import type { Repositories } from '../db/repositories/index.js';
import { isUniqueViolation } from '../db/dialect.js';
import { AppError, invalidField } from '../shared/errors.js';
import type { Activity } from '../shared/schemas/activities.js';
import {
  consentChannels,
  type Channel,
  type ConsentEntry,
  type ConsentState,
  type ConsentsInput,
  type ContactConsents,
  type ContactEmailInput,
  type InboundListQuery,
  type InboundMessage,
  type SmtpSettingsInput,
  type SmtpSettingsView,
  type WhatsappLinkQuery,
  type WhatsappSettingsInput,
  type WhatsappSettingsView,
  type WhatsappTemplate,
  type WhatsappTemplateCreate,
  type WhatsappTemplatePatch,
} from '../shared/schemas/channels.js';
import type { Contact } from '../shared/schemas/contacts.js';
import { contactChannels } from '../shared/vocabulary.js';
import { activitySubject } from './activities.service.js';
import { recordResponse } from './campaigns.service.js';
import { audit, authorize, notFound, nowIso, read, transact, versionConflict, type Deps } from './context.js';
import { sendEmail } from './mail.js';

export type { Channel } from '../shared/schemas/channels.js';

export const WHATSAPP_WEBHOOK_PATH = '/api/hooks/whatsapp';

// ---------------------------------------------------------------------------------------
// Consent
// ---------------------------------------------------------------------------------------

/**
 * The consent in force for one channel. Two records can speak for it: the consent log
 * (`contact_consents`, written by the consent screen, the API and STOP messages) and the consent
 * stored on the contact itself (`contacts.consents`, from imports and the contact API). The newer
 * one wins; on a tie the log wins. With neither, nothing is allowed: under UU 27/2022 Difusi
 * only messages a contact whose consent is on record (opt-in), so an unknown consent is a no.
 */
export function consentInForce(contact: Pick<Contact, 'consents'>, latest: ConsentEntry | null, channel: Channel): ConsentState {
  const onContact = contact.consents.find((c) => c.channel === channel) ?? null;
  const fromLog = latest ? { status: latest.status, source: latest.source, at: latest.at } : null;
  const fromContact = onContact ? { status: onContact.granted ? ('opted_in' as const) : ('opted_out' as const), source: onContact.source, at: onContact.recordedAt } : null;
  const winner = fromLog && fromContact ? (Date.parse(fromContact.at) > Date.parse(fromLog.at) ? fromContact : fromLog) : (fromLog ?? fromContact);
  if (!winner) return { channel, status: 'unknown', allowed: false, source: null, at: null };
  return { channel, status: winner.status, allowed: winner.status === 'opted_in', source: winner.source, at: winner.at };
}

/**
 * Whether an outbound message on `channel` may be sent to the contact now. Every outbound path
 * (email to a contact, click-to-chat, surveys, automation) asks this right before sending; an
 * opt-out counts from the moment it is recorded. A missing or deleted contact is never allowed.
 */
export async function consentAllows(repos: Repositories, contactId: string, channel: Channel): Promise<boolean> {
  const contact = await repos.contacts.findById(contactId);
  if (!contact) return false;
  return consentInForce(contact, await repos.channels.latestConsent(contactId, channel), channel).allowed;
}

/** Throws `consent_refused` (422, naming the channel) unless the contact may be messaged there. */
export async function requireConsent(repos: Repositories, contactId: string, channel: Channel): Promise<void> {
  if (!(await consentAllows(repos, contactId, channel))) throw new AppError('consent_refused', { channel, contactId }, `The contact has not consented to ${channel} messages.`);
}

// ---------------------------------------------------------------------------------------
// Settings views (secrets are write-only)
// ---------------------------------------------------------------------------------------

function smtpView(stored: { value: StoredSmtpSettings; updatedAt: string } | null): SmtpSettingsView {
  if (!stored) {
    return { configured: false, host: null, port: null, security: null, username: null, passwordSet: false, fromAddress: null, fromName: null, updatedAt: null };
  }
  const s = stored.value;
  return {
    configured: true,
    host: s.host,
    port: s.port,
    security: s.security,
    username: s.username,
    passwordSet: s.password !== null && s.password.length > 0,
    fromAddress: s.fromAddress,
    fromName: s.fromName,
    updatedAt: stored.updatedAt,
  };
}

function whatsappView(stored: { value: StoredWhatsappSettings; updatedAt: string } | null): WhatsappSettingsView {
  return {
    appSecretSet: Boolean(stored?.value.appSecret),
    verifyTokenSet: Boolean(stored?.value.verifyToken),
    webhookPath: WHATSAPP_WEBHOOK_PATH,
    updatedAt: stored?.updatedAt ?? null,
  };
}

function requireAdmin(actor: Actor): void {
  if (!isAdmin(actor)) throw new AppError('forbidden', { action: 'write', record: 'workspace' });
}

/** Equal-length constant-time string comparison for the verify token. */
function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  if (x.length !== y.length) return false;
  let diff = 0;
  for (let i = 0; i < x.length; i += 1) diff |= (x[i] as number) ^ (y[i] as number);
  return diff === 0;
}

/** Channels the contact record itself can hold a consent for (its vocabulary has no sms). */
const mirroredChannels = new Set<string>(contactChannels);

/** Records a consent change: appends it to the log and mirrors it onto the contact record. */
/** Appends a consent change to the log and mirrors it onto the contact record. */
export async function applyConsent(repos: Repositories, contact: Contact, entry: ConsentEntry, now: string): Promise<Contact> {
  await repos.channels.appendConsent(contact.id, entry);
  if (!mirroredChannels.has(entry.channel)) return contact;
  const consents = [
    ...contact.consents.filter((c) => c.channel !== entry.channel),
    { channel: entry.channel as Contact['consents'][number]['channel'], granted: entry.status === 'opted_in', source: entry.source, recordedAt: entry.at },
  ];
  await repos.channels.mirrorOnContact(contact.id, consents, now);
  return { ...contact, consents };
}

export function channelsService(deps: Deps) {
  async function loadContact(repos: Repositories, id: string): Promise<Contact> {
    const contact = await repos.contacts.findById(id);
    if (!contact) throw notFound('contact', id);
    return contact;
  }

  async function consentsOf(repos: Repositories, contact: Contact): Promise<ContactConsents> {
    const history = await repos.channels.consentLog(contact.id);
    const channels = consentChannels.map((channel) => consentInForce(contact, history.find((e) => e.channel === channel) ?? null, channel));
    return { contactId: contact.id, channels, history };
  }

  async function loadTemplate(repos: Repositories, id: string): Promise<WhatsappTemplate> {
    const template = await repos.channels.findTemplate(id);
    if (!template) throw notFound('whatsapp_template', id);
    return template;
  }

  function checkPlaceholders(body: string): void {
    const unknown = unknownPlaceholders(body);
    if (unknown.length > 0) throw invalidField('body.body', `uses unknown placeholders: ${unknown.map((p) => `{{${p}}}`).join(', ')}; use name, firstName, account, sender or solution`);
  }

  /** Stores one inbound WhatsApp message (and what it causes) in its own transaction. */
  /** A STOP (or BERHENTI) message opts its senders out of WhatsApp at once. */
  async function honourStop(repos: Repositories, message: InboundWhatsapp, contactIds: readonly string[], now: string): Promise<void> {
    if (!isStopMessage(message.body)) return;
    for (const contactId of contactIds) {
      const contact = await repos.contacts.findById(contactId);
      if (!contact) continue;
      const entry: ConsentEntry = {
        id: deps.ids.next(),
        channel: 'whatsapp',
        status: 'opted_out',
        source: 'whatsapp_stop_message',
        note: message.body.slice(0, 1000),
        at: message.receivedAt > now ? message.receivedAt : now,
        recordedBy: null,
      };
      await applyConsent(repos, contact, entry, now);
      await audit(repos, deps, null, 'record_consent', 'contact', contactId, null, entry);
    }
  }

  async function recordInbound(message: InboundWhatsapp): Promise<boolean> {
    try {
      return await transact(deps, async (repos) => {
        if (await repos.channels.inboundByProviderId(message.providerMessageId)) return false;
        const phone = senderE164(message.from);
        const fromPhone = phone.ok ? phone.e164 : message.from.slice(0, 40);
        const matches = phone.ok ? await repos.channels.contactsByPhone(phone.e164) : [];
        const accountIds = [...new Set(matches.map((m) => m.accountId))];
        const now = nowIso(deps);
        const base: InboundMessage = {
          id: deps.ids.next(),
          channel: 'whatsapp',
          fromPhone,
          body: message.body,
          receivedAt: message.receivedAt,
          providerMessageId: message.providerMessageId,
          contactId: null,
          accountId: null,
          activityId: null,
          status: 'unmatched',
        };
        // One account: log it there. None, or the same number at several accounts: keep it for review.
        if (accountIds.length !== 1) {
          await repos.channels.insertInbound(base);
          await audit(repos, deps, null, 'receive', 'inbound_message', base.id, null, base);
          return true;
        }
        const accountId = accountIds[0] as string;
        const contactIds = matches.map((m) => m.id);
        const firstLine = message.body.split('\n')[0]?.trim() ?? '';

        // A reply from someone a running WhatsApp campaign reached is that campaign's `replied`
        // response: it opens (or touches) the journey for the campaign's solution, and its touch
        // is this message's activity.
        const sender = contactIds[0] as string;
        const campaign = isStopMessage(message.body) ? undefined : (await repos.campaigns.runningWithAudienceMember(sender)).find((c) => c.channels.includes('whatsapp_business'));
        if (campaign) {
          const replied = await recordResponse(repos, deps, null, {
            campaignId: campaign.id,
            contactId: sender,
            kind: 'replied',
            at: message.receivedAt,
            source: 'hook',
            touch: { type: 'whatsapp', subject: `WhatsApp ${fromPhone}: ${firstLine}`.slice(0, 300), notes: message.body, outcome: 'replied' },
          });
          if (replied.activityId) {
            const stored: InboundMessage = { ...base, contactId: sender, accountId, activityId: replied.activityId, status: 'matched' };
            await repos.channels.insertInbound(stored);
            await audit(repos, deps, null, 'receive', 'inbound_message', stored.id, null, stored);
            await honourStop(repos, message, contactIds, now);
            return true;
          }
        }

        const openJourneys = await repos.channels.openJourneyIds(accountId);
        const journeyId = openJourneys.length === 1 ? (openJourneys[0] as string) : null;
        const activity = await repos.activities.insert(
          {
            id: deps.ids.next(),
            type: 'whatsapp',
            subject: `WhatsApp ${fromPhone}: ${firstLine}`.slice(0, 300),
            notes: message.body,
            occurredAt: message.receivedAt,
            accountId,
            journeyId,
            outcome: null,
            nextStep: null,
            participants: { userIds: [], contactIds },
            createdBy: null,
          },
          now,
        );
        if (journeyId) await repos.journeys.touch(journeyId, activity.occurredAt);
        await repos.events.append({
          id: deps.ids.next(),
          type: 'activity.logged',
          subjectType: 'activity',
          subjectId: activity.id,
          payload: { activityType: activity.type, accountId, journeyId, contactIds, inbound: true },
          actorId: null,
          occurredAt: now,
        });
        await audit(repos, deps, null, 'create', 'activity', activity.id, null, activity);
        const stored: InboundMessage = { ...base, contactId: contactIds[0] ?? null, accountId, activityId: activity.id, status: 'matched' };
        await repos.channels.insertInbound(stored);
        await audit(repos, deps, null, 'receive', 'inbound_message', stored.id, null, stored);

        await honourStop(repos, message, contactIds, now);
        return true;
      });
    } catch (error) {
      // A concurrent delivery of the same message won the unique key: nothing of ours was kept.
      if (isUniqueViolation(error)) return false;
      throw error;
    }
  }

  return {
    // --- SMTP -----------------------------------------------------------------------------

    async smtpSettings(actor: Actor): Promise<SmtpSettingsView> {
      requireAdmin(actor);
      return smtpView(await read(deps).channels.smtpSettings());
    },

    saveSmtpSettings(actor: Actor, input: SmtpSettingsInput): Promise<SmtpSettingsView> {
      authorize(actor, 'write', { type: 'workspace' });
      return transact(deps, async (repos) => {
        const current = await repos.channels.smtpSettings();
        const password = input.password === undefined ? (current?.value.password ?? null) : input.password;
        if (password !== null && input.username === null) throw invalidField('body.username', 'is required when a password is set');
        const next: StoredSmtpSettings = {
          host: input.host,
          port: input.port,
          security: input.security,
          username: input.username,
          password,
          fromAddress: input.fromAddress,
          fromName: input.fromName,
        };
        const now = nowIso(deps);
        await repos.channels.saveSmtpSettings(next, now);
        const view = smtpView({ value: next, updatedAt: now });
        await audit(repos, deps, actor, 'update', 'settings', 'smtp', current ? smtpView(current) : null, view);
        return view;
      });
    },

    /** Sends a test email to the signed-in admin through the stored SMTP settings. */
    async sendTestEmail(actor: Actor): Promise<{ messageId: string; to: string }> {
      requireAdmin(actor);
      const repos = read(deps);
      const user = await repos.users.findById(actor.userId);
      if (!user) throw notFound('user', actor.userId);
      const stored = await repos.channels.smtpSettings();
      if (!stored && !deps.mailer) throw new AppError('channel_not_configured', { channel: 'email' });
      const { messageId } = await sendEmail(deps, {
        to: user.email,
        subject: 'Difusi: test email / email uji',
        text:
          `Hello ${user.name},\n\nThis test email shows that Difusi can send email through ${stored?.value.host ?? 'the configured mailer'}.\n\n` +
          `Halo ${user.name},\n\nEmail uji ini menunjukkan bahwa Difusi dapat mengirim email melalui ${stored?.value.host ?? 'pengirim yang diatur'}.\n`,
      });
      await transact(deps, (trx) => audit(trx, deps, actor, 'send_test_email', 'settings', 'smtp', null, { to: user.email, messageId }));
      return { messageId, to: user.email };
    },

    // --- WhatsApp settings ------------------------------------------------------------------

    async whatsappSettings(actor: Actor): Promise<WhatsappSettingsView> {
      requireAdmin(actor);
      return whatsappView(await read(deps).channels.whatsappSettings());
    },

    saveWhatsappSettings(actor: Actor, input: WhatsappSettingsInput): Promise<WhatsappSettingsView> {
      authorize(actor, 'write', { type: 'workspace' });
      return transact(deps, async (repos) => {
        const current = await repos.channels.whatsappSettings();
        const next: StoredWhatsappSettings = {
          appSecret: input.appSecret === undefined ? (current?.value.appSecret ?? null) : input.appSecret,
          verifyToken: input.verifyToken === undefined ? (current?.value.verifyToken ?? null) : input.verifyToken,
        };
        const now = nowIso(deps);
        await repos.channels.saveWhatsappSettings(next, now);
        const view = whatsappView({ value: next, updatedAt: now });
        await audit(repos, deps, actor, 'update', 'settings', 'whatsapp', current ? whatsappView(current) : null, view);
        return view;
      });
    },

    // --- consent ----------------------------------------------------------------------------

    async consents(contactId: string): Promise<ContactConsents> {
      const repos = read(deps);
      return consentsOf(repos, await loadContact(repos, contactId));
    },

    /** Appends each change to the consent log; it is in force from this moment. */
    recordConsents(actor: Actor, contactId: string, input: ConsentsInput): Promise<ContactConsents> {
      return transact(deps, async (repos) => {
        const contact = await loadContact(repos, contactId);
        const account = await repos.accounts.findById(contact.accountId);
        authorize(actor, 'write', { type: 'contact', account: { ownerId: account?.ownerId ?? null, teamId: account?.teamId ?? null } });
        const now = nowIso(deps);
        let current = contact;
        for (const change of input.changes) {
          const entry: ConsentEntry = { id: deps.ids.next(), ...change, at: now, recordedBy: actor.userId };
          current = await applyConsent(repos, current, entry, now);
          await audit(repos, deps, actor, 'record_consent', 'contact', contactId, null, entry);
        }
        return consentsOf(repos, current);
      });
    },

    // --- email to a contact -----------------------------------------------------------------

    /**
     * Emails a contact and logs the email as an activity on the contact's account (and journey).
     * Order: permission, address, consent, send, log — nothing is logged when sending fails.
     */
    async emailContact(actor: Actor, contactId: string, input: ContactEmailInput): Promise<{ messageId: string; activity: Activity }> {
      const repos = read(deps);
      const contact = await loadContact(repos, contactId);
      const account = await repos.accounts.findById(contact.accountId);
      if (!account) throw notFound('account', contact.accountId);
      const journey = input.journeyId ? await repos.journeys.findById(input.journeyId) : null;
      if (input.journeyId && !journey) throw invalidField('body.journeyId', 'is not a journey');
      if (journey && journey.accountId !== account.id) throw invalidField('body.journeyId', 'is a journey of another account');
      const participants = { userIds: [actor.userId], contactIds: [contact.id] };
      authorize(actor, 'write', activitySubject({ createdBy: actor.userId, participants }, account, journey));
      if (!contact.email) throw new AppError('contact_unreachable', { channel: 'email', contactId }, 'The contact has no email address.');
      await requireConsent(repos, contact.id, 'email');

      const { messageId } = await sendEmail(deps, { to: contact.email, subject: input.subject, text: input.text });

      const activity = await transact(deps, async (trx) => {
        const now = nowIso(deps);
        const logged = await trx.activities.insert(
          {
            id: deps.ids.next(),
            type: 'email',
            subject: input.subject,
            notes: input.text,
            occurredAt: now,
            accountId: account.id,
            journeyId: journey?.id ?? null,
            outcome: null,
            nextStep: null,
            participants,
            createdBy: actor.userId,
          },
          now,
        );
        if (logged.journeyId) await trx.journeys.touch(logged.journeyId, logged.occurredAt);
        await trx.events.append({
          id: deps.ids.next(),
          type: 'activity.logged',
          subjectType: 'activity',
          subjectId: logged.id,
          payload: { activityType: logged.type, accountId: logged.accountId, journeyId: logged.journeyId, contactIds: logged.participants.contactIds },
          actorId: actor.userId,
          occurredAt: now,
        });
        await audit(trx, deps, actor, 'create', 'activity', logged.id, null, { ...logged, messageId, to: contact.email });
        return logged;
      });
      return { messageId, activity };
    },

    // --- WhatsApp templates -----------------------------------------------------------------

    listTemplates: (): Promise<WhatsappTemplate[]> => read(deps).channels.listTemplates(),

    getTemplate: (id: string): Promise<WhatsappTemplate> => loadTemplate(read(deps), id),

    createTemplate(actor: Actor, input: WhatsappTemplateCreate): Promise<WhatsappTemplate> {
      authorize(actor, 'write', { type: 'whatsapp_template' });
      checkPlaceholders(input.body);
      return transact(deps, async (repos) => {
        const template = await repos.channels.insertTemplate({ id: deps.ids.next(), ...input }, nowIso(deps));
        if (!template) throw new AppError('already_exists', { record: 'whatsapp_template', field: 'body.name' }, 'A template with this name and language already exists.');
        await audit(repos, deps, actor, 'create', 'whatsapp_template', template.id, null, template);
        return template;
      });
    },

    updateTemplate(actor: Actor, id: string, patch: WhatsappTemplatePatch): Promise<WhatsappTemplate> {
      authorize(actor, 'write', { type: 'whatsapp_template' });
      if (patch.body !== undefined) checkPlaceholders(patch.body);
      return transact(deps, async (repos) => {
        const current = await loadTemplate(repos, id);
        if (patch.version !== current.version) throw versionConflict('whatsapp_template', id, current.version);
        const { version, ...changes } = patch;
        const next = { ...current, ...changes };
        const saved = await repos.channels.updateTemplate(next, version, nowIso(deps));
        if (saved === 'conflict') throw versionConflict('whatsapp_template', id, null);
        if (saved === 'duplicate') throw new AppError('already_exists', { record: 'whatsapp_template', field: 'body.name' }, 'A template with this name and language already exists.');
        await audit(repos, deps, actor, 'update', 'whatsapp_template', id, current, saved);
        return saved;
      });
    },

    removeTemplate(actor: Actor, id: string, version: number): Promise<void> {
      authorize(actor, 'write', { type: 'whatsapp_template' });
      return transact(deps, async (repos) => {
        const current = await loadTemplate(repos, id);
        if (version !== current.version) throw versionConflict('whatsapp_template', id, current.version);
        if (!(await repos.channels.deleteTemplate(id, version))) throw versionConflict('whatsapp_template', id, null);
        await audit(repos, deps, actor, 'delete', 'whatsapp_template', id, current, null);
      });
    },

    /**
     * A wa.me click-to-chat link to the contact's WhatsApp number, prefilled with a rendered
     * template. The seller sends the message by hand from their own WhatsApp, one person to another,
     * so the link is refused (422 consent_refused) only when the contact opted out of WhatsApp;
     * messages Difusi sends by itself need a recorded opt-in (consentAllows).
     */
    async whatsappLink(actor: Actor, contactId: string, query: WhatsappLinkQuery): Promise<{ url: string; phone: string; text: string }> {
      const repos = read(deps);
      const contact = await loadContact(repos, contactId);
      if (!contact.whatsapp) throw new AppError('contact_unreachable', { channel: 'whatsapp', contactId }, 'The contact has no WhatsApp number.');
      const whatsappConsent = consentInForce(contact, await repos.channels.latestConsent(contact.id, 'whatsapp'), 'whatsapp');
      if (whatsappConsent.status === 'opted_out') throw new AppError('consent_refused', { channel: 'whatsapp', contactId }, 'The contact opted out of WhatsApp messages.');
      let text = '';
      if (query.templateId) {
        const template = await repos.channels.findTemplate(query.templateId);
        if (!template) throw invalidField('query.templateId', 'is not a WhatsApp template');
        const values: TemplateValues = {
          name: contact.fullName,
          firstName: contact.fullName.split(/\s+/)[0] ?? contact.fullName,
          account: (await repos.accounts.findById(contact.accountId))?.name ?? '',
          sender: (await repos.users.findById(actor.userId))?.name ?? '',
        };
        if (query.journeyId) {
          const journey = await repos.journeys.findById(query.journeyId);
          if (!journey) throw invalidField('query.journeyId', 'is not a journey');
          if (journey.accountId !== contact.accountId) throw invalidField('query.journeyId', 'is a journey of another account');
          values.solution = journey.solutionName;
        }
        if (templatePlaceholders(template.body).includes('solution') && values.solution === undefined) {
          throw invalidField('query.journeyId', 'is required: the template uses {{solution}}');
        }
        text = renderTemplate(template.body, values);
      } else if (query.journeyId) {
        throw invalidField('query.journeyId', 'is only used with a templateId');
      }
      return { url: clickToChatUrl(contact.whatsapp, text), phone: contact.whatsapp, text };
    },

    // --- inbound WhatsApp (Cloud API webhook) -------------------------------------------------

    /** The `hub.challenge` to echo when Meta verifies the webhook with our verify token. */
    async verifyWebhook(mode: string | undefined, token: string | undefined, challenge: string | undefined): Promise<string> {
      const stored = await read(deps).channels.whatsappSettings();
      const expected = stored?.value.verifyToken ?? null;
      if (mode !== 'subscribe' || !expected || typeof token !== 'string' || !sameSecret(token, expected) || !challenge) {
        throw new AppError('forbidden', { reason: 'the webhook verification did not match' });
      }
      return challenge;
    },

    /**
     * A webhook delivery: the signature over the raw body first (401 and nothing written when it
     * is missing or wrong, or no app secret is configured), then each message in its own
     * transaction, idempotent on the provider message id.
     */
    async receiveWhatsapp(rawBody: Buffer, signature: string | undefined): Promise<{ received: number; recorded: number }> {
      const stored = await read(deps).channels.whatsappSettings();
      const secret = stored?.value.appSecret ?? null;
      if (!secret) throw new AppError('invalid_signature', { reason: 'no WhatsApp app secret is configured' });
      if (!verifySignature(rawBody, signature, secret)) throw new AppError('invalid_signature', { header: 'X-Hub-Signature-256' });
      let payload: unknown;
      try {
        payload = JSON.parse(rawBody.toString('utf8'));
      } catch {
        throw invalidField('body', 'is not JSON');
      }
      const messages = parseWebhookPayload(payload, nowIso(deps));
      let recorded = 0;
      for (const message of messages) if (await recordInbound(message)) recorded += 1;
      return { received: messages.length, recorded };
    },

    inbound: (query: InboundListQuery): Promise<Page<InboundMessage>> => read(deps).channels.listInbound(query),
  };
}
