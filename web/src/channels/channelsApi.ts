import { ApiError } from '../api/client';
import type { Activity, ApiErrorBody } from '../api/types';
import type {
  ConsentsInput,
  ContactConsents,
  ContactEmailInput,
  InboundMessage,
  SmtpSettingsView,
  WhatsappSettingsView,
  WhatsappTemplate,
  WhatsappTemplateCreate,
} from '../../../src/shared/schemas/channels';

export type { Channel, ConsentState, ContactConsents, SmtpSettingsView, WhatsappSettingsView, WhatsappTemplate } from '../../../src/shared/schemas/channels';

/** The channel endpoints (kept beside the feature rather than in the shared client). */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText });
  return parsed as T;
}

/** The SMTP form as sent: a password of undefined keeps the stored one. */
export interface SmtpSettingsBody {
  host: string;
  port: number;
  security: 'tls' | 'starttls' | 'none';
  username: string | null;
  password?: string | null;
  fromAddress: string;
  fromName: string | null;
}

const contact = (id: string) => `/contacts/${encodeURIComponent(id)}`;
const template = (id: string) => `/whatsapp-templates/${encodeURIComponent(id)}`;

export const channelsApi = {
  smtp: () => call<SmtpSettingsView>('GET', '/admin/smtp'),
  saveSmtp: (body: SmtpSettingsBody) => call<SmtpSettingsView>('PUT', '/admin/smtp', body),
  testSmtp: () => call<{ messageId: string; to: string }>('POST', '/admin/smtp/test'),
  whatsapp: () => call<WhatsappSettingsView>('GET', '/admin/whatsapp'),
  saveWhatsapp: (body: { appSecret?: string | null; verifyToken?: string | null }) => call<WhatsappSettingsView>('PUT', '/admin/whatsapp', body),

  consents: (contactId: string) => call<ContactConsents>('GET', `${contact(contactId)}/consents`),
  recordConsents: (contactId: string, body: { changes: (Omit<ConsentsInput['changes'][number], 'note'> & { note?: string | null })[] }) =>
    call<ContactConsents>('PUT', `${contact(contactId)}/consents`, body),
  emailContact: (contactId: string, body: Omit<ContactEmailInput, 'journeyId'> & { journeyId?: string | null }) =>
    call<{ messageId: string; activity: Activity }>('POST', `${contact(contactId)}/email`, body),
  whatsappLink: (contactId: string, templateId?: string, journeyId?: string) => {
    const query = new URLSearchParams();
    if (templateId) query.set('templateId', templateId);
    if (journeyId) query.set('journeyId', journeyId);
    const text = query.toString();
    return call<{ url: string; phone: string; text: string }>('GET', `${contact(contactId)}/whatsapp-link${text ? `?${text}` : ''}`);
  },

  templates: () => call<{ items: WhatsappTemplate[] }>('GET', '/whatsapp-templates'),
  createTemplate: (body: WhatsappTemplateCreate) => call<WhatsappTemplate>('POST', '/whatsapp-templates', body),
  updateTemplate: (id: string, body: Partial<WhatsappTemplateCreate> & { version: number }) => call<WhatsappTemplate>('PATCH', template(id), body),
  deleteTemplate: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `${template(id)}?version=${version}`),

  inbound: (status?: 'matched' | 'unmatched') => call<{ items: InboundMessage[]; nextCursor: string | null }>('GET', `/inbound-messages?limit=50${status ? `&status=${status}` : ''}`),
};
