import { ApiError } from '../api/client';
import type { ApiErrorBody, Contact, Journey, Page } from '../api/types';
import type { Stage } from '../api/types';

/** The content-library, positioning and playbook-content endpoints (kept beside the features). */

export type Proficiency = 'beginner' | 'advanced';
export type Language = 'id' | 'en';
export const shareChannels = ['email', 'whatsapp', 'in_person', 'linkedin', 'other'] as const;
export type ShareChannel = (typeof shareChannels)[number];

export interface ContentItem {
  id: string;
  kind: 'upload' | 'link';
  title: string;
  description: string | null;
  language: Language;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
  sizeBytes: number | null;
  sha256: string | null;
  solutionIds: string[];
  proficiencies: Proficiency[];
  divisions: string[];
  stages: Stage[];
  shareCount: number;
  createdBy: string | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ContentTagsInput {
  solutionIds: string[];
  proficiencies: Proficiency[];
  divisions: string[];
  stages: Stage[];
}

export interface ContentFilters {
  q?: string;
  solutionId?: string;
  proficiency?: string;
  division?: string;
  stage?: string;
  language?: string;
}

export interface ContentShare {
  id: string;
  contentItemId: string;
  activityId: string;
  contactId: string;
  journeyId: string | null;
  channel: ShareChannel;
  at: string;
  byUserId: string | null;
}

export interface ContentSummary {
  id: string;
  kind: 'upload' | 'link';
  title: string;
  language: Language;
  url: string | null;
  fileName: string | null;
  mimeType: string | null;
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText });
  return parsed as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') search.set(k, String(v));
  const text = search.toString();
  return text ? `?${text}` : '';
}

const item = (id: string) => `/content/${encodeURIComponent(id)}`;

export interface UploadInput extends ContentTagsInput {
  file: File;
  title: string;
  description: string;
  language: Language;
}

/**
 * Uploads through XMLHttpRequest, which reports progress (fetch does not); the text fields go
 * before the file so the server can read them as it streams the file to disk.
 */
export function uploadContent(input: UploadInput, onProgress: (fraction: number) => void): Promise<ContentItem> {
  const form = new FormData();
  form.append('title', input.title);
  form.append('description', input.description);
  form.append('language', input.language);
  form.append('solutionIds', input.solutionIds.join(','));
  form.append('proficiencies', input.proficiencies.join(','));
  form.append('divisions', input.divisions.join(','));
  form.append('stages', input.stages.join(','));
  form.append('file', input.file, input.file.name);
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', '/api/content/uploads');
    xhr.setRequestHeader('accept', 'application/json');
    xhr.upload.onprogress = (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    };
    xhr.onload = () => {
      let parsed: unknown = null;
      try {
        parsed = xhr.responseText ? JSON.parse(xhr.responseText) : null;
      } catch {
        parsed = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) resolve(parsed as ContentItem);
      else reject(new ApiError(xhr.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: xhr.statusText }));
    };
    xhr.onerror = () => reject(new ApiError(0, { code: 'network', message: 'network' }));
    xhr.send(form);
  });
}

export const contentApi = {
  list: (filters: ContentFilters, cursor?: string, limit = 30) => call<Page<ContentItem>>('GET', `/content${query({ ...filters, cursor, limit })}`),
  get: (id: string) => call<ContentItem>('GET', item(id)),
  createLink: (input: ContentTagsInput & { title: string; description: string | null; url: string; language: Language }) => call<ContentItem>('POST', '/content', input),
  update: (id: string, patch: Partial<ContentTagsInput & { title: string; description: string | null; url: string; language: Language }> & { version: number }) =>
    call<ContentItem>('PATCH', item(id), patch),
  remove: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `${item(id)}?version=${version}`),
  fileUrl: (id: string) => `/api${item(id)}/file`,
  shares: (id: string) => call<{ items: ContentShare[] }>('GET', `${item(id)}/shares`),
  share: (id: string, body: { contactId: string; journeyId: string | null; channel: ShareChannel; note: string | null }) =>
    call<{ share: ContentShare; activity: { id: string } }>('POST', `${item(id)}/shares`, body),
  searchContacts: (q: string) => call<Page<Contact>>('GET', `/contacts${query({ q, limit: 20 })}`),
  accountContacts: (accountId: string) => call<Page<Contact>>('GET', `/contacts${query({ accountId, limit: 200 })}`),
  accountJourneys: (accountId: string) => call<Page<Journey>>('GET', `/journeys${query({ accountId, outcome: 'open', limit: 100 })}`),
};

export { call as contentCall };
