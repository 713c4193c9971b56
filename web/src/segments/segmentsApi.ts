import type { SegmentRule } from '../../../src/domain/segmentRules';
import { ApiError } from '../api/client';
import type { ApiErrorBody } from '../api/types';
import type { FieldInfo } from './ruleModel';

/** The segment endpoints the builder uses (kept beside the feature rather than in the shared client). */

export interface Segment {
  id: string;
  name: string;
  description: string | null;
  rule: SegmentRule;
  kind: 'dynamic' | 'static';
  ownerId: string | null;
  frozenAt: string | null;
  memberCount: number | null;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface SegmentCount {
  contacts: number;
  accounts: number;
}

export interface PreviewItem {
  contactId: string;
  fullName: string;
  title: string | null;
  division: string;
  seniority: string;
  accountId: string;
  accountName: string;
  city: string;
}

export type Preview = SegmentCount & { items: PreviewItem[] };

async function call<T>(method: string, path: string, body?: unknown, signal?: AbortSignal): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(signal ? { signal } : {}),
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText });
  return parsed as T;
}

const at = (id: string) => `/segments/${encodeURIComponent(id)}`;

export const segmentsApi = {
  fields: () => call<{ items: FieldInfo[] }>('GET', '/segments/fields'),
  list: () => call<{ items: Segment[] }>('GET', '/segments'),
  get: (id: string) => call<Segment>('GET', at(id)),
  members: (id: string, limit = 20) => call<Preview>('GET', `${at(id)}/members?limit=${limit}`),
  create: (body: { name: string; description: string | null; rule: SegmentRule }) => call<Segment>('POST', '/segments', body),
  update: (id: string, body: { name?: string; description?: string | null; rule?: SegmentRule; kind?: 'dynamic'; version: number }) => call<Segment>('PATCH', at(id), body),
  remove: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `${at(id)}?version=${version}`),
  freeze: (id: string, version: number) => call<Segment>('POST', `${at(id)}/freeze`, { version }),
  count: (rule: SegmentRule, signal?: AbortSignal) => call<SegmentCount>('POST', '/segments/count', { rule }, signal),
  preview: (rule: SegmentRule, limit = 20, signal?: AbortSignal) => call<Preview>('POST', '/segments/preview', { rule, limit }, signal),
  solutions: () => call<{ items: { id: string; name: string }[] }>('GET', '/solutions?limit=200&sort=name'),
};
