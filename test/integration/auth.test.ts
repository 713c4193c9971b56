import { beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { argon2Hasher, systemClock, uuidIds } from '../../src/services/ports.js';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, testApp, type TestApp } from '../support/app.js';

const password = 'correct horse battery';

function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const header = response.headers['set-cookie'];
  const cookies = Array.isArray(header) ? header : [header];
  const found = cookies.find((c): c is string => typeof c === 'string' && c.startsWith('difusi_session='));
  if (!found) throw new Error('no session cookie');
  return found;
}

describeEachDatabase('sign-in, sessions and tokens', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('signs in with email and password and sets an HttpOnly, SameSite=Lax session cookie', async () => {
    const am = await h.makeUser('account_manager', { email: 'sari@example.test' });
    const response = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'Sari@Example.test', password } });
    expect(response.statusCode).toBe(200);
    expect(response.json().user.id).toBe(am.user.id);
    const cookie = sessionCookie(response);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const token = cookie.split(';')[0];
    const me = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: token } });
    expect(me.json().user.email).toBe('sari@example.test');
  });

  it('gives the same answer for a wrong password and an unknown email', async () => {
    await h.makeUser('account_manager', { email: 'budi@example.test' });
    const wrong = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'budi@example.test', password: 'not the password' } });
    const unknown = await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'nobody@example.test', password: 'not the password' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('rotates the session on sign-in: the previous session stops working', async () => {
    await h.makeUser('admin', { email: 'rina@example.test' });
    const first = sessionCookie(await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rina@example.test', password } })).split(';')[0] ?? '';
    const second = sessionCookie(
      await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'rina@example.test', password }, headers: { cookie: first } }),
    ).split(';')[0] ?? '';
    expect(second).not.toBe(first);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: first } })).statusCode).toBe(401);
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie: second } })).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    await h.makeUser('admin', { email: 'dewi@example.test' });
    const cookie = sessionCookie(await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'dewi@example.test', password } })).split(';')[0] ?? '';
    await h.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect((await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('refuses a cross-site write made with the session cookie and accepts a same-origin one', async () => {
    await h.makeUser('admin', { email: 'agus@example.test' });
    const cookie = sessionCookie(await h.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'agus@example.test', password } })).split(';')[0] ?? '';
    const crossSite = await h.app.inject({ method: 'POST', url: '/api/accounts', payload: accountInput(), headers: { cookie, 'sec-fetch-site': 'cross-site' } });
    expect(crossSite.statusCode).toBe(403);
    expect(crossSite.json().error.code).toBe('cross_site_request');
    const foreignOrigin = await h.app.inject({ method: 'POST', url: '/api/accounts', payload: accountInput(), headers: { cookie, origin: 'https://evil.example', host: 'localhost:3000' } });
    expect(foreignOrigin.statusCode).toBe(403);
    const sameOrigin = await h.app.inject({ method: 'POST', url: '/api/accounts', payload: accountInput(), headers: { cookie, 'sec-fetch-site': 'same-origin' } });
    expect(sameOrigin.statusCode).toBe(201);
  });

  it('accepts an API token until it is revoked', async () => {
    const admin = await h.makeUser('admin');
    expect((await admin.request({ method: 'GET', url: '/api/auth/me' })).statusCode).toBe(200);
    const [token] = await h.app.services.auth.listTokens(admin.user.id);
    await h.app.services.auth.revokeToken(token?.id ?? '', null);
    const after = await admin.request({ method: 'GET', url: '/api/auth/me' });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.code).toBe('unauthenticated');
  });

  it('records when a token was last used without writing on every request', async () => {
    const admin = await h.makeUser('admin');
    await admin.request({ method: 'GET', url: '/api/auth/me' });
    const [first] = await h.app.services.auth.listTokens(admin.user.id);
    expect(first?.lastUsedAt).not.toBeNull();
    await new Promise((resolve) => setTimeout(resolve, 5));
    await admin.request({ method: 'GET', url: '/api/auth/me' });
    const [second] = await h.app.services.auth.listTokens(admin.user.id);
    expect(second?.lastUsedAt).toBe(first?.lastUsedAt);
  });

  it('rate-limits sign-in attempts without saying whether the email exists', async () => {
    const app = await buildApp({ deps: { db: t.db, clock: systemClock, ids: uuidIds, hasher: argon2Hasher }, loginRateLimit: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) {
      statuses.push((await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: `x${i}@example.test`, password: 'whatever' } })).statusCode);
    }
    expect(statuses).toEqual([401, 401, 401, 429]);
    await app.close();
  });

  it('marks the cookie Secure when the request came over HTTPS through a trusted proxy', async () => {
    await h.makeUser('admin', { email: 'eko@example.test' });
    const app = await buildApp({ deps: h.deps, trustProxy: true });
    const response = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'eko@example.test', password }, headers: { 'x-forwarded-proto': 'https' } });
    expect(sessionCookie(response)).toMatch(/Secure/);
    await app.close();
  });

  it('lets the first visitor of an empty workspace create the administrator, once', async () => {
    expect((await h.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
    const created = await h.app.inject({ method: 'POST', url: '/api/setup', payload: { email: 'owner@example.test', name: 'Pemilik', password: 'a long enough password' } });
    expect(created.statusCode).toBe(201);
    expect(created.json().user).toMatchObject({ role: 'admin', email: 'owner@example.test' });
    expect(sessionCookie(created)).toMatch(/HttpOnly/);
    expect((await h.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
    const again = await h.app.inject({ method: 'POST', url: '/api/setup', payload: { email: 'intruder@example.test', name: 'X', password: 'a long enough password' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('setup_done');
  });

  it('answers in the caller’s language: Indonesian by default, English when asked', async () => {
    const id = await h.app.inject({ method: 'GET', url: '/api/auth/me' });
    expect(id.json().error.message).toBe('Silakan masuk untuk melanjutkan.');
    const en = await h.app.inject({ method: 'GET', url: '/api/auth/me', headers: { 'accept-language': 'en-US,en;q=0.9' } });
    expect(en.json().error.message).toBe('Sign in to continue.');
  });
});
