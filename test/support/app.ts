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
