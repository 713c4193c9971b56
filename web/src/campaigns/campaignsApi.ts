import type { AudienceMember, Campaign, CampaignResponse, CampaignResults } from '../../../src/shared/schemas/campaigns';
import type { CallEntry, CallList, CallListDetail } from '../../../src/shared/schemas/telemarketing';
import type { TargetingMatrix } from '../../../src/shared/schemas/targeting';
import type { CallOutcome, CampaignChannel, CampaignType, ResponseKind, SegmentRole } from '../../../src/domain/campaigns';
import { ApiError } from '../api/client';
import type { ApiErrorBody } from '../api/types';

export type { AudienceMember, Campaign, CampaignResponse, CampaignResults, CallEntry, CallList, CallListDetail, TargetingMatrix };

/** The campaign, targeting and telemarketing endpoints (kept beside the features rather than in the shared client). */

export async function call<T>(method: string, path: string, body?: unknown, options: { raw?: { contentType: string; text: string } } = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  let payload: string | undefined;
  if (options.raw) {
    headers['content-type'] = options.raw.contentType;
    payload = options.raw.text;
  } else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  const response = await fetch(`/api${path}`, { method, headers, credentials: 'same-origin', ...(payload !== undefined ? { body: payload } : {}) });
  const text = await response.text();
  const parsed: unknown = text ? JSON.parse(text) : null;
  if (!response.ok) throw new ApiError(response.status, (parsed as ApiErrorBody | null)?.error ?? { code: 'network', message: response.statusText });
  return parsed as T;
}

function query(params: Record<string, string | number | undefined>): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== '') q.set(k, String(v));
  const s = q.toString();
  return s ? `?${s}` : '';
}

export interface CampaignInput {
  name: string;
  description: string | null;
  type: CampaignType;
  channels: CampaignChannel[];
  solutionId: string | null;
  segmentId: string | null;
  startsOn: string | null;
  endsOn: string | null;
  budgetMinor: number;
}

const at = (id: string) => `/campaigns/${encodeURIComponent(id)}`;

export const campaignsApi = {
  list: () => call<{ items: Campaign[] }>('GET', '/campaigns'),
  get: (id: string) => call<Campaign>('GET', at(id)),
  create: (body: CampaignInput) => call<Campaign>('POST', '/campaigns', body),
  update: (id: string, body: Partial<CampaignInput> & { version: number }) => call<Campaign>('PATCH', at(id), body),
  remove: (id: string, version: number) => call<{ deleted: true }>('DELETE', `${at(id)}${query({ version })}`),
  launch: (id: string, version: number) => call<Campaign>('POST', `${at(id)}/launch`, { version }),
  close: (id: string, version: number) => call<Campaign>('POST', `${at(id)}/close`, { version }),
  audience: (id: string, cursor?: string) =>
    call<{ items: AudienceMember[]; nextCursor: string | null; contacts: number; accounts: number }>('GET', `${at(id)}/audience${query({ limit: 50, cursor })}`),
  responses: (id: string, cursor?: string) => call<{ items: CampaignResponse[]; nextCursor: string | null }>('GET', `${at(id)}/responses${query({ limit: 50, cursor })}`),
  respond: (id: string, body: { contactId: string; kind: ResponseKind }) => call<{ response: CampaignResponse; journeyOpened: boolean }>('POST', `${at(id)}/responses`, body),
  importCsv: (id: string, csv: string) =>
    call<{ imported: number; skipped: number; journeysOpened: number }>('POST', `${at(id)}/responses/import`, undefined, { raw: { contentType: 'text/csv', text: csv } }),
  results: (id: string) => call<CampaignResults>('GET', `${at(id)}/results`),
  segments: () => call<{ items: Array<{ id: string; name: string }> }>('GET', '/segments'),
};

export const targetingApi = {
  matrix: () => call<TargetingMatrix>('GET', '/targeting'),
  set: (solutionId: string, segmentId: string, role: SegmentRole) =>
    call<{ role: SegmentRole }>('PUT', `/targeting/${encodeURIComponent(solutionId)}/${encodeURIComponent(segmentId)}`, { role }),
  remove: (solutionId: string, segmentId: string) => call<{ deleted: true }>('DELETE', `/targeting/${encodeURIComponent(solutionId)}/${encodeURIComponent(segmentId)}`),
};

export interface CallListInput {
  name: string;
  segmentId: string;
  campaignId: string | null;
  solutionId: string | null;
  callerIds: string[];
  shares?: number[];
}

export interface Positioning {
  pillars: Array<{ pillar: string; statementId: string; statementEn: string }>;
  messages: Array<{ id: string; proficiency: string; division: string | null; textId: string; textEn: string }>;
}

export const telemarketingApi = {
  lists: (mine: boolean) => call<{ items: CallList[] }>('GET', `/call-lists${query({ mine: mine ? 'true' : undefined })}`),
  get: (id: string) => call<CallListDetail>('GET', `/call-lists/${encodeURIComponent(id)}`),
  create: (body: CallListInput) => call<CallListDetail>('POST', '/call-lists', body),
  close: (id: string, version: number) => call<CallList>('POST', `/call-lists/${encodeURIComponent(id)}/close`, { version }),
  entries: (id: string, params: { mine?: boolean; pending?: boolean; cursor?: string }) =>
    call<{ items: CallEntry[]; nextCursor: string | null }>(
      'GET',
      `/call-lists/${encodeURIComponent(id)}/entries${query({ limit: 100, callerId: params.mine ? 'me' : undefined, pending: params.pending ? 'true' : undefined, cursor: params.cursor })}`,
    ),
  outcome: (entryId: string, body: { outcome: CallOutcome; note: string | null; version: number }) =>
    call<CallEntry>('POST', `/call-list-entries/${encodeURIComponent(entryId)}/outcome`, body),
  /** The solution's positioning (another feature's endpoint): null when it does not answer, so the script panel is hidden. */
  positioning: async (solutionId: string): Promise<Positioning | null> => {
    try {
      return await call<Positioning>('GET', `/solutions/${encodeURIComponent(solutionId)}/positioning`);
    } catch {
      return null;
    }
  },
};
