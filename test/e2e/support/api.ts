/** A signed-in API caller for arranging a story's data (the story itself goes through the UI). */
export class ApiSession {
  private cookie = '';

  constructor(readonly baseUrl: string) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const response = await fetch(`${this.baseUrl}/api${path}`, {
      method,
      headers: { ...(body !== undefined ? { 'content-type': 'application/json' } : {}), ...(this.cookie ? { cookie: this.cookie } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
    const setCookie = response.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await response.text();
    if (!response.ok) throw new Error(`${method} ${path} → ${response.status}: ${text}`);
    return JSON.parse(text) as T;
  }

  post<T>(path: string, body: unknown) {
    return this.request<T>('POST', path, body);
  }

  get<T>(path: string) {
    return this.request<T>('GET', path);
  }
}

export const PASSWORD = 'kata-sandi-rahasia';

interface Id {
  id: string;
}
export interface JourneyRef extends Id {
  version: number;
  accountId: string;
  accountName: string;
}

let counter = 0;

/**
 * A small workspace made through the API: an admin (first-run setup), an SMB team with an
 * account manager, a viewer, a principal, two solutions, accounts and journeys in knowledge.
 * With `knowledgeEvidence`, each journey also gets the evidence the default pipeline asks for
 * before it leaves knowledge (a contact persona on the account, a first visit logged on the
 * journey), so stories that move a journey to persuasion exercise a met gate.
 */
export async function makeWorkspace(baseUrl: string, options: { journeys?: number; knowledgeEvidence?: boolean } = {}) {
  const admin = new ApiSession(baseUrl);
  await admin.post('/setup', { email: 'admin@contoh.co.id', name: 'Admin Difusi', password: PASSWORD, locale: 'id' });
  const team = await admin.post<Id>('/teams', { name: 'SMB Team' });
  const am = await admin.post<Id & { email: string; name: string }>('/users', {
    email: 'andi@contoh.co.id',
    name: 'Andi Wijaya',
    role: 'account_manager',
    teamId: team.id,
    password: PASSWORD,
    locale: 'id',
  });
  const viewer = await admin.post<Id & { email: string }>('/users', { email: 'vina@contoh.co.id', name: 'Vina Lestari', role: 'viewer', password: PASSWORD, locale: 'id' });
  const principal = await admin.post<Id>('/principals', { name: 'Nusantara Systems' });
  const dataCenter = await admin.post<Id & { name: string }>('/solutions', { name: 'Data Center & Cloud Infrastructure', category: 'data_center', principalIds: [principal.id] });
  const security = await admin.post<Id & { name: string }>('/solutions', { name: 'Adaptive Security Architecture', category: 'security', principalIds: [principal.id] });
  const cities = ['Jakarta Selatan', 'Surabaya', 'Bandung', 'Medan'];
  const journeys: JourneyRef[] = [];
  for (let i = 0; i < (options.journeys ?? 3); i += 1) {
    counter += 1;
    const account = await admin.post<Id & { name: string }>('/accounts', {
      name: ['PT Bank Sejahtera', 'PT Logistik Andalan', 'PT Media Cakrawala', 'PT Energi Prima'][i % 4] + (i >= 4 ? ` ${i}` : ''),
      industry: 'banking',
      sizeBand: '250-999',
      tier: 'enterprise',
      city: cities[i % cities.length],
      province: 'DKI Jakarta',
      region: 'jabodetabek',
      relationship: 'new_logo',
      ownerId: am.id,
      teamId: team.id,
    });
    const journey = await admin.post<JourneyRef>('/journeys', {
      accountId: account.id,
      solutionId: i % 2 === 0 ? dataCenter.id : security.id,
      ownerId: am.id,
      valueMinor: (i + 1) * 150_000_000_00,
    });
    if (options.knowledgeEvidence) {
      await makeContact(admin, account.id, { fullName: `Budi Santoso ${counter}`, influence: 'recommender', whatsapp: null, channels: ['email'] });
      await admin.post('/activities', { type: 'visit', subject: 'Sapaan pertama', accountId: account.id, journeyId: journey.id });
    }
    journeys.push(journey);
  }
  return { admin, team, am, viewer, solutions: { dataCenter, security }, journeys };
}

/** A contact with a persona, made through the API (defaults: an advanced IT decision maker on WhatsApp). */
export function makeContact(session: ApiSession, accountId: string, overrides: Record<string, unknown> = {}) {
  return session.post<Id & { fullName: string; whatsapp: string | null }>('/contacts', {
    accountId,
    fullName: 'Sari Dewi',
    title: 'Head of IT',
    division: 'it',
    seniority: 'manager',
    techProficiency: 'advanced',
    influence: 'decision_maker',
    openness: 'high',
    whatsapp: '0812-3456-7890',
    channels: ['whatsapp', 'email'],
    ...overrides,
  });
}
