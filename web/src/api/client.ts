import type {
  Account,
  AccountPatch,
  Activity,
  ActivityCreate,
  ApiErrorBody,
  Contact,
  Principal,
  Task,
  Team,
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
  GateChecklist,
  InventoryItem,
  InventoryCreate,
  InventoryPatch,
  Risk,
  RiskCreate,
  RiskPatch,
  JourneyCreate,
  TaskCreate,
  NextBestActions,
  Recommendations,
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

/** Query parameters of a list endpoint (filters, sort, keyset cursor); empty values are left out. */
export type ListParams = Query & { limit?: number; cursor?: string; sort?: string };

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

  gates: (id: string) => request<GateChecklist>('GET', `/journeys/${encodeURIComponent(id)}/gates`),
  tickGate: (id: string, gateId: string, note: string) =>
    request<{ checklist: GateChecklist }>('POST', `/journeys/${encodeURIComponent(id)}/gates/${encodeURIComponent(gateId)}/tick`, { note }),
  nextBestActions: (id: string) => request<NextBestActions>('GET', `/journeys/${encodeURIComponent(id)}/next-best-actions`),
  createJourney: (body: Partial<JourneyCreate> & Pick<JourneyCreate, 'accountId' | 'solutionId'>) => request<Journey>('POST', '/journeys', body),

  inventory: (accountId: string) => request<{ items: InventoryItem[] }>('GET', `/accounts/${encodeURIComponent(accountId)}/inventory`),
  createInventory: (accountId: string, body: Partial<InventoryCreate> & Pick<InventoryCreate, 'category' | 'vendor' | 'product'>) =>
    request<InventoryItem>('POST', `/accounts/${encodeURIComponent(accountId)}/inventory`, body),
  updateInventory: (accountId: string, itemId: string, body: InventoryPatch) =>
    request<InventoryItem>('PATCH', `/accounts/${encodeURIComponent(accountId)}/inventory/${encodeURIComponent(itemId)}`, body),
  deleteInventory: (accountId: string, itemId: string, version: number) =>
    request<{ id: string; deleted: true }>('DELETE', `/accounts/${encodeURIComponent(accountId)}/inventory/${encodeURIComponent(itemId)}`, undefined, { version }),
  risks: (accountId: string) => request<{ items: Risk[] }>('GET', `/accounts/${encodeURIComponent(accountId)}/risks`),
  createRisk: (accountId: string, body: Partial<RiskCreate> & Pick<RiskCreate, 'threat' | 'category' | 'likelihood' | 'impact'>) =>
    request<Risk>('POST', `/accounts/${encodeURIComponent(accountId)}/risks`, body),
  updateRisk: (accountId: string, itemId: string, body: RiskPatch) =>
    request<Risk>('PATCH', `/accounts/${encodeURIComponent(accountId)}/risks/${encodeURIComponent(itemId)}`, body),
  deleteRisk: (accountId: string, itemId: string, version: number) =>
    request<{ id: string; deleted: true }>('DELETE', `/accounts/${encodeURIComponent(accountId)}/risks/${encodeURIComponent(itemId)}`, undefined, { version }),
  recommendations: (accountId: string) => request<Recommendations>('GET', `/accounts/${encodeURIComponent(accountId)}/recommendations`),

  journeyList: (params: ListParams) => request<Page<Journey>>('GET', '/journeys', undefined, params),

  accounts: (params: ListParams) => request<Page<Account>>('GET', '/accounts', undefined, params),
  account: (id: string) => request<Account>('GET', `/accounts/${encodeURIComponent(id)}`),
  accountOverview: (id: string) =>
    request<{ account: Account; contacts: Page<Contact>; journeys: Page<Journey> }>('GET', `/accounts/${encodeURIComponent(id)}/overview`),
  updateAccount: (id: string, body: AccountPatch) => request<Account>('PATCH', `/accounts/${encodeURIComponent(id)}`, body),

  contacts: (params: ListParams) => request<Page<Contact>>('GET', '/contacts', undefined, params),

  activities: (params: ListParams) => request<Page<Activity>>('GET', '/activities', undefined, params),
  createActivity: (body: Partial<ActivityCreate> & Pick<ActivityCreate, 'type' | 'subject' | 'accountId'>) => request<Activity>('POST', '/activities', body),

  tasks: (params: ListParams) => request<Page<Task>>('GET', '/tasks', undefined, params),
  createTask: (body: Partial<TaskCreate> & Pick<TaskCreate, 'title'>) => request<Task>('POST', '/tasks', body),
  updateTask: (id: string, body: { status?: Task['status']; title?: string; dueAt?: string | null; version: number }) =>
    request<Task>('PATCH', `/tasks/${encodeURIComponent(id)}`, body),

  search: (q: string, limit = 5) =>
    request<{ accounts: Account[]; contacts: Contact[]; journeys: Journey[] }>('GET', '/search', undefined, { q, limit }),

  users: () => request<Page<User>>('GET', '/users', undefined, { limit: 200 }),
  createUser: (body: { email: string; name: string; role: User['role']; teamId: string | null; password: string; locale: Locale }) =>
    request<User>('POST', '/users', body),
  updateUser: (id: string, body: { role?: User['role']; teamId?: string | null; active?: boolean; version: number }) =>
    request<User>('PATCH', `/users/${encodeURIComponent(id)}`, body),
  teams: () => request<{ items: Team[] }>('GET', '/teams'),
  createTeam: (body: { name: string }) => request<Team>('POST', '/teams', body),
  updateTeam: (id: string, body: { name: string; version: number }) => request<Team>('PATCH', `/teams/${encodeURIComponent(id)}`, body),

  solutions: () => request<Page<Solution>>('GET', '/solutions', undefined, { limit: 200 }),
  solutionList: (params: ListParams) => request<Page<Solution>>('GET', '/solutions', undefined, params),
  solution: (id: string) => request<Solution>('GET', `/solutions/${encodeURIComponent(id)}`),
  createSolution: (body: SolutionInput) => request<Solution>('POST', '/solutions', body),
  updateSolution: (id: string, body: SolutionInput & { version: number }) => request<Solution>('PATCH', `/solutions/${encodeURIComponent(id)}`, body),
  principals: (params: ListParams = { limit: 200 }) => request<Page<Principal>>('GET', '/principals', undefined, params),
  principal: (id: string) => request<Principal>('GET', `/principals/${encodeURIComponent(id)}`),
  createPrincipal: (body: PrincipalInput) => request<Principal>('POST', '/principals', body),
  updatePrincipal: (id: string, body: PrincipalInput & { version: number }) => request<Principal>('PATCH', `/principals/${encodeURIComponent(id)}`, body),
};

export interface SolutionInput {
  name: string;
  category: Solution['category'];
  description: string | null;
  launchDate: string | null;
  principalIds: string[];
}

export interface PrincipalInput {
  name: string;
  website: string | null;
  country: string | null;
}
