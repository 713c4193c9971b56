import { ApiError } from '../api/client';
import i18next from 'i18next';
import type { ApiErrorBody } from '../api/types';
import type {
  AdopterSummary,
  AdoptersReport,
  ApproachFirstReport,
  BassFitBody,
  BassFitResponse,
  BassPrior,
  BassPriorBody,
  DiffusionReport,
  FunnelReport,
  SellingPracticeReport,
} from '../../../src/shared/schemas/analytics';
import type { SurveySummary } from '../../../src/shared/schemas/surveys';

export type { SurveySummary };
export type { AdopterSummary, AdoptersReport, ApproachFirstReport, BassFitResponse, BassPrior, DiffusionReport, FunnelReport, SellingPracticeReport };

type Query = Record<string, string | number | undefined | null>;

/** The analytics endpoints (docs/analytics.md); errors come back as the app's ApiError. */
async function call<T>(method: string, path: string, query?: Query, body?: unknown): Promise<T> {
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

export const analyticsApi = {
  funnel: (query: Query) => call<FunnelReport>('GET', '/analytics/funnel', query),
  diffusion: (solutionId: string, query: Query) => call<DiffusionReport>('GET', `/analytics/diffusion/${encodeURIComponent(solutionId)}`, query),
  adopters: (solutionId: string) => call<AdoptersReport>('GET', '/analytics/adopters', { solutionId }),
  adopterCategories: () => call<AdopterSummary[]>('GET', '/analytics/adopter-categories', {}),
  approachFirst: (solutionId: string) => call<ApproachFirstReport>('GET', '/analytics/approach-first', { solutionId, limit: 20 }),
  sellingPractice: (query: Query) => call<SellingPracticeReport>('GET', '/analytics/selling-practice', query),
  surveySummary: (query: Query) => call<SurveySummary>('GET', '/surveys/summary', query),
  fit: (body: Partial<BassFitBody> & { series: number[] }) => call<BassFitResponse>('POST', '/analytics/bass/fit', undefined, body),
  prior: async (solutionId: string): Promise<BassPrior | null> => {
    try {
      return await call<BassPrior>('GET', `/solutions/${encodeURIComponent(solutionId)}/bass-prior`);
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    }
  },
  savePrior: (solutionId: string, body: Partial<BassPriorBody> & Pick<BassPriorBody, 'p' | 'q' | 'source'>) =>
    call<BassPrior>('PUT', `/solutions/${encodeURIComponent(solutionId)}/bass-prior`, undefined, body),
  removePrior: (solutionId: string, version: number) => call<{ deleted: true }>('DELETE', `/solutions/${encodeURIComponent(solutionId)}/bass-prior`, { version }),
};
