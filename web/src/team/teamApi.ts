import i18next from 'i18next';
import { ApiError } from '../api/client';
import type { ApiErrorBody } from '../api/types';
import type { CoachingReport, Handoff, PrincipalContact, PrincipalContactPut, WorkloadResponse } from '../../../src/shared/schemas/team';

export type { CoachingReport, Handoff, PrincipalContact, WorkloadResponse };
export type SaWorkload = WorkloadResponse['items'][number];

type Query = Record<string, string | number | undefined | null>;

/** A call to the API; a refusal comes back as the app's ApiError (message in the user's language). */
export async function call<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query ?? {})) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const search = params.toString();
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': i18next.language === 'en' ? 'en' : 'id' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`/api${path}${search ? `?${search}` : ''}`, {
    method,
    headers,
    credentials: 'same-origin',
    ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
  });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) {
    const error = (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText };
    throw new ApiError(response.status, error);
  }
  return parsed as T;
}

const journeyPath = (id: string) => `/journeys/${encodeURIComponent(id)}`;

/** The team on a journey, the SA workload and the coaching view. */
export const teamApi = {
  handoffs: (journeyId: string) => call<{ items: Handoff[] }>('GET', `${journeyPath(journeyId)}/handoffs`),
  principalContact: (journeyId: string) => call<{ journeyId: string; contact: PrincipalContact | null }>('GET', `${journeyPath(journeyId)}/principal-contact`),
  putPrincipalContact: (journeyId: string, body: Partial<PrincipalContactPut> & { name: string }) =>
    call<PrincipalContact>('PUT', `${journeyPath(journeyId)}/principal-contact`, undefined, body),
  workload: (saId?: string) => call<WorkloadResponse>('GET', '/workload/sa', { saId }),
  coaching: (query: { teamId?: string; from?: string; to?: string }) => call<CoachingReport>('GET', '/coaching', query),
};
