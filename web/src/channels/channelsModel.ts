import type { SmtpSettingsBody, SmtpSettingsView } from './channelsApi';

/** View logic of the channel screens, kept free of React so it is tested on its own. */

export const smtpSecurities = ['tls', 'starttls', 'none'] as const;
export type SmtpSecurity = (typeof smtpSecurities)[number];

/** The SMTP form as typed: every field a string; an empty password keeps the stored one. */
export interface SmtpForm {
  host: string;
  port: string;
  security: SmtpSecurity;
  username: string;
  password: string;
  clearPassword: boolean;
  fromAddress: string;
  fromName: string;
}

export const emptySmtpForm: SmtpForm = { host: '', port: '587', security: 'starttls', username: '', password: '', clearPassword: false, fromAddress: '', fromName: '' };

export function smtpFormFrom(view: SmtpSettingsView): SmtpForm {
  if (!view.configured) return emptySmtpForm;
  return {
    host: view.host ?? '',
    port: String(view.port ?? ''),
    security: view.security ?? 'starttls',
    username: view.username ?? '',
    password: '',
    clearPassword: false,
    fromAddress: view.fromAddress ?? '',
    fromName: view.fromName ?? '',
  };
}

/** The usual port of each security mode, offered when the mode changes. */
export const defaultPort: Record<SmtpSecurity, string> = { tls: '465', starttls: '587', none: '25' };

export type SmtpErrors = Partial<Record<'host' | 'port' | 'username' | 'fromAddress', string>>;

/** Errors as translation keys; the server checks the same rules again. */
export function validateSmtp(form: SmtpForm, passwordStored: boolean): SmtpErrors {
  const errors: SmtpErrors = {};
  if (!form.host.trim()) errors.host = 'channels.smtp.required';
  const port = Number(form.port);
  if (!/^\d+$/.test(form.port.trim()) || port < 1 || port > 65535) errors.port = 'channels.smtp.badPort';
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(form.fromAddress.trim())) errors.fromAddress = 'channels.smtp.badEmail';
  const willHavePassword = form.password.length > 0 || (passwordStored && !form.clearPassword);
  if (willHavePassword && !form.username.trim()) errors.username = 'channels.smtp.usernameNeeded';
  return errors;
}

export function smtpBody(form: SmtpForm): SmtpSettingsBody {
  const body: SmtpSettingsBody = {
    host: form.host.trim(),
    port: Number(form.port),
    security: form.security,
    username: form.username.trim() || null,
    fromAddress: form.fromAddress.trim(),
    fromName: form.fromName.trim() || null,
  };
  if (form.clearPassword) body.password = null;
  else if (form.password.length > 0) body.password = form.password;
  return body;
}

export type ConsentStatus = 'opted_in' | 'opted_out' | 'unknown';

export const consentColor: Record<ConsentStatus, string> = { opted_in: 'teal', opted_out: 'red', unknown: 'gray' };

/** Sample values for previewing a template while it is written. */
export const sampleValues: Record<string, string> = {
  name: 'Sari Dewi',
  firstName: 'Sari',
  account: 'PT Maju Bersama',
  sender: 'Budi Hartono',
  solution: 'Adaptive Security Architecture',
};
