import i18next from 'i18next';
import { ApiError } from '../api/client';
import type { ApiErrorBody } from '../api/types';
import type { SavedView, SavedViewScreen } from '../../../src/shared/schemas/saved-views';

export type { SavedView, SavedViewScreen };

/** The saved-view endpoints (kept beside the board rather than in the shared client). */
async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language === 'en' ? 'en' : 'id' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', ...(body !== undefined ? { body: JSON.stringify(body) } : {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText });
  return parsed as T;
}

const viewPath = (id: string) => `/saved-views/${encodeURIComponent(id)}`;

export const savedViewsApi = {
  list: (screen: SavedViewScreen) => call<{ items: SavedView[] }>('GET', `/saved-views?screen=${screen}`),
  create: (body: { screen: SavedViewScreen; name: string; query: Record<string, string>; shared: boolean }) => call<SavedView>('POST', '/saved-views', body),
  update: (id: string, body: { name?: string; query?: Record<string, string>; shared?: boolean; version: number }) => call<SavedView>('PATCH', viewPath(id), body),
  remove: (id: string, version: number) => call<{ id: string; deleted: true }>('DELETE', `${viewPath(id)}?version=${version}`),
};
