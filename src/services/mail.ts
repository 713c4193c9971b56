import nodemailer from 'nodemailer';
import type { StoredSmtpSettings } from '../db/repositories/channels.repository.js';
import { AppError } from '../shared/errors.js';
import { read, type Deps } from './context.js';
import type { Mailer, OutboundEmail } from './ports.js';

export type { OutboundEmail } from './ports.js';

/** How long a send may wait on the SMTP server, so a dead server is a 502 and not a hung request. */
const TIMEOUT_MS = 15_000;

/** A nodemailer SMTP transport for the stored settings. */
export function smtpMailer(settings: StoredSmtpSettings): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    auth: settings.username ? { user: settings.username, pass: settings.password ?? '' } : undefined,
    connectionTimeout: TIMEOUT_MS,
    greetingTimeout: TIMEOUT_MS,
    socketTimeout: TIMEOUT_MS,
  });
  const from = settings.fromName ? { name: settings.fromName, address: settings.fromAddress } : settings.fromAddress;
  return {
    async send(message) {
      try {
        const info = await transport.sendMail({ from, to: message.to, subject: message.subject, text: message.text, html: message.html });
        return { messageId: info.messageId };
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new AppError('delivery_failed', { channel: 'email', reason });
      } finally {
        transport.close();
      }
    },
  };
}

/**
 * Sends one email: through `deps.mailer` when one is given (tests, the CLI), otherwise through the
 * SMTP server of the admin settings. Throws `channel_not_configured` (422) when SMTP is not set up
 * and `delivery_failed` (502) when the server refuses or cannot be reached.
 * Consent is the caller's job: check `consentAllows` (channels.service.ts) before emailing a contact.
 */
export async function sendEmail(deps: Deps, message: OutboundEmail): Promise<{ messageId: string }> {
  if (deps.mailer) return deps.mailer.send(message);
  const stored = await read(deps).channels.smtpSettings();
  if (!stored) throw new AppError('channel_not_configured', { channel: 'email' });
  return smtpMailer(stored.value).send(message);
}
