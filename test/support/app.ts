import type { InjectOptions, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../src/http/app.js';
import type { Database } from '../../src/db/database.js';
import type { Deps } from '../../src/services/context.js';
import { argon2Hasher, systemClock, uuidIds } from '../../src/services/ports.js';
import type { Account } from '../../src/shared/schemas/accounts.js';
import type { Journey } from '../../src/shared/schemas/journeys.js';
import type { User } from '../../src/shared/schemas/users.js';
import type { Role } from '../../src/shared/vocabulary.js';

type App = Awaited<ReturnType<typeof buildApp>>;

export interface Caller {
  user: User;
  token: string;
  /** Sends a request as this user (Bearer token). */
  request(options: InjectOptions): Promise<LightMyRequestResponse>;
}

let counter = 0;

/** An app over a test database plus factories that make records through the real services. */
export async function testApp(db: Database) {
  const deps: Deps = { db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher };
  const app: App = await buildApp({ deps, loginRateLimit: 1000 });

  async function makeUser(role: Role, overrides: { teamId?: string | null; email?: string; password?: string; name?: string } = {}): Promise<Caller> {
    counter += 1;
    const user = await app.services.users.createAsSystem({
      email: overrides.email ?? `${role}.${counter}@example.test`,
      name: overrides.name ?? `${role} ${counter}`,
      role,
      teamId: overrides.teamId ?? null,
      password: overrides.password ?? 'correct horse battery',
    });
    const { token } = await app.services.auth.createToken(user.id, 'test', null);
    return {
      user,
      token,
      request: (options) =>
        app.inject({ ...options, headers: { authorization: `Bearer ${token}`, ...(options.headers ?? {}) } } as InjectOptions),
    };
  }

  async function makeTeam(name = `Team ${++counter}`) {
    return app.services.users.createTeam(null, { name, managerId: null });
  }

  return { app, deps, makeUser, makeTeam };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

export function accountInput(overrides: Partial<Account> = {}) {
  counter += 1;
  return {
    name: `PT Contoh Sejahtera ${counter}`,
    industry: 'banking',
    sizeBand: '250-999',
    tier: 'enterprise',
    city: 'Jakarta Selatan',
    province: 'DKI Jakarta',
    region: 'jabodetabek',
    relationship: 'new_logo',
    ...overrides,
  };
}

export function json<T>(response: LightMyRequestResponse): T {
  return response.json() as T;
}

export type { Account, Journey, User };

/** A principal and a solution created through the API as an admin. */
export async function makeSolution(h: TestApp, name = `Solution ${++counter}`) {
  return h.app.services.catalogue.createSolution(null, { name, category: 'data_center', description: null, launchDate: '2020-01-01', principalIds: [] });
}

/** An account owned by `owner` (in the owner's team) and a journey on it, through the services. */
export async function makeJourney(h: TestApp, owner: Caller, overrides: Record<string, unknown> = {}) {
  const account = json<Account>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
  const solution = await makeSolution(h);
  const response = await owner.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: solution.id, ...overrides } });
  if (response.statusCode !== 201) throw new Error(`journey not created: ${response.body}`);
  return { account, solution, journey: json<Journey>(response) };
}

export type { Contact } from '../../src/shared/schemas/contacts.js';
export type { Activity } from '../../src/shared/schemas/activities.js';
export type { Task } from '../../src/shared/schemas/tasks.js';

/** A body for POST /api/contacts on `accountId`. */
export function contactInput(accountId: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return {
    accountId,
    fullName: `Budi Santoso ${counter}`,
    title: 'IT Infrastructure Manager',
    division: 'it',
    seniority: 'manager',
    techProficiency: 'advanced',
    influence: 'recommender',
    openness: 'high',
    ...overrides,
  };
}

/** A body for POST /api/activities on `accountId`. */
export function activityInput(accountId: string, overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { type: 'visit', subject: `Kunjungan perkenalan ${counter}`, accountId, ...overrides };
}

/** A body for POST /api/tasks. */
export function taskInput(overrides: Record<string, unknown> = {}) {
  counter += 1;
  return { title: `Kirim proposal ${counter}`, ...overrides };
}

/**
 * The evidence the default pipeline asks for before a journey leaves knowledge (DESIGN.md §3),
 * made through the API as `caller`: a contact persona on the account and a first personal touch
 * (a visit) logged on the journey.
 */
export async function meetKnowledgeGates(caller: Caller, journey: { id: string; accountId: string }) {
  const contact = await caller.request({ method: 'POST', url: '/api/contacts', payload: contactInput(journey.accountId) });
  if (contact.statusCode !== 201) throw new Error(`contact not created: ${contact.body}`);
  const visit = await caller.request({ method: 'POST', url: '/api/activities', payload: activityInput(journey.accountId, { journeyId: journey.id }) });
  if (visit.statusCode !== 201) throw new Error(`activity not created: ${visit.body}`);
  return { contact: json<{ id: string }>(contact), activity: json<{ id: string }>(visit) };
}
