import type {
  ApiErrorBody,
  HistoryEntry,
  Journey,
  JourneyPatch,
  JourneyWithPermissions,
  Locale,
  Me,
  Page,
  Solution,
  Stage,
  TransitionBody,
  User,
} from './types';

/** A refused request, carrying the API's error (its message is already in the user's language). */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: NonNullable<ApiErrorBody['error']['details']>;

  constructor(status: number, body: ApiErrorBody['error']) {
    super(body.message);
    this.name = 'ApiError';
    this.status = status;
    this.code = body.code;
    this.details = body.details ?? {};
  }
}

let currentLocale: Locale = 'id';
/** The language asked of the server for messages before the user is known (after sign-in it uses the profile). */
export function setRequestLocale(locale: Locale): void {
  currentLocale = locale;
}

type Query = Record<string, string | number | undefined | null>;

function withQuery(path: string, query?: Query): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  const text = params.toString();
  return text ? `${path}?${text}` : path;
}

async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json', 'accept-language': currentLocale };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(withQuery(`/api${path}`, query), {
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

export interface JourneyListParams {
  stage?: Stage;
  outcome?: string;
  solutionId?: string;
  ownerId?: string;
  limit?: number;
  cursor?: string;
  sort?: string;
}

/** Typed calls to the Difusi API, one per endpoint the web app uses. */
export const api = {
  setupStatus: () => request<{ needsSetup: boolean }>('GET', '/setup'),
  setup: (input: { email: string; name: string; password: string; locale: Locale }) => request<{ user: User }>('POST', '/setup', input),
  login: (input: { email: string; password: string }) => request<{ user: User }>('POST', '/auth/login', input),
  logout: () => request<{ ok: true }>('POST', '/auth/logout'),
  me: () => request<Me>('GET', '/auth/me'),
  updateMe: (input: { locale?: Locale; timeZone?: string; name?: string; version: number }) => request<User>('PATCH', '/auth/me', input),

  journeys: (params: JourneyListParams) => request<Page<Journey>>('GET', '/journeys', undefined, { ...params }),
  journeySummary: (params: { outcome?: string; solutionId?: string; ownerId?: string }) =>
    request<{ currency: string; count: number; totalMinor: number; byStage: { stage: Stage; count: number; totalMinor: number }[] }>(
      'GET',
      '/journeys/summary',
      undefined,
      { ...params },
    ),
  journey: (id: string) => request<JourneyWithPermissions>('GET', `/journeys/${encodeURIComponent(id)}`),
  history: (id: string) => request<{ items: HistoryEntry[] }>('GET', `/journeys/${encodeURIComponent(id)}/history`),
  transition: (id: string, body: TransitionBody) =>
    request<{ journey: Journey; entry: HistoryEntry }>('POST', `/journeys/${encodeURIComponent(id)}/transitions`, body),
  updateJourney: (id: string, body: JourneyPatch) => request<Journey>('PATCH', `/journeys/${encodeURIComponent(id)}`, body),

  users: () => request<Page<User>>('GET', '/users', undefined, { limit: 200 }),
  solutions: () => request<Page<Solution>>('GET', '/solutions', undefined, { limit: 200 }),
};
