import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeEach, expect, it } from 'vitest';
import { buildApp } from '../../src/http/app.js';
import { errorCatalogue } from '../../src/shared/errors.js';
import { describeEachDatabase } from '../support/databases.js';
import { testApp, type TestApp } from '../support/app.js';

const run = promisify(execFile);

interface OpenApi {
  openapi: string;
  paths: Record<string, Record<string, { requestBody?: unknown; operationId?: string }>>;
}

describeEachDatabase('the API contract', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('publishes an OpenAPI 3.1 document that passes redocly lint without warnings', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = response.json() as OpenApi;
    expect(doc.openapi).toBe('3.1.0');
    const file = join(mkdtempSync(join(tmpdir(), 'difusi-openapi-')), 'openapi.json');
    writeFileSync(file, response.body);
    const { stdout, stderr } = await run(process.execPath, ['node_modules/@redocly/cli/bin/cli.js', 'lint', '--config', 'redocly.yaml', file], {
      env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
    });
    const out = stdout + stderr;
    expect(out).toMatch(/valid/);
    expect(out).not.toMatch(/You have \d+ (warning|error)/);
  }, 60_000);

  it('serves a docs page at /api/docs', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toMatch(/html/);
  });

  it('answers 400 naming a field to an empty body on every create route', async () => {
    const admin = await h.makeUser('admin');
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as OpenApi;
    const createRoutes = Object.entries(doc.paths)
      .filter(([path, ops]) => !path.includes('{') && ops.post?.requestBody !== undefined)
      .map(([path]) => path);
    expect(createRoutes).toEqual(expect.arrayContaining(['/api/accounts', '/api/journeys', '/api/solutions', '/api/principals', '/api/users', '/api/teams']));
    for (const url of createRoutes) {
      const response = await admin.request({ method: 'POST', url, payload: {} });
      expect(response.statusCode, url).toBe(400);
      const issues = response.json().error.details.issues as { field: string; reason: string }[];
      expect(issues.length, url).toBeGreaterThan(0);
      expect(issues[0]?.field, url).toMatch(/^body\.\w+/);
    }
  });

  it('answers 400 to malformed JSON and 404 to an unknown route, in the one error shape', async () => {
    const admin = await h.makeUser('admin');
    const malformed = await admin.request({ method: 'POST', url: '/api/accounts', payload: '{"name": ', headers: { 'content-type': 'application/json' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().error).toMatchObject({ code: 'validation_failed', details: { issues: [{ field: 'body' }] } });
    const unknown = await admin.request({ method: 'GET', url: '/api/nothing-here' });
    expect(unknown.statusCode).toBe(404);
    expect(unknown.json().error.code).toBe('not_found');
  });

  it('reports health: database reachable and migrations current', async () => {
    const response = await h.app.inject({ method: 'GET', url: '/api/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ ok: true, database: 'up', dialect: t.dialect, pendingMigrations: [] });
  });

  it('serves the web app’s index page for client-side routes and keeps JSON 404s under /api', async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'difusi-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><title>Difusi</title>');
    const app = await buildApp({ deps: h.deps, webRoot });
    const page = await app.inject({ method: 'GET', url: '/journeys/some-id' });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('<title>Difusi</title>');
    const api = await app.inject({ method: 'GET', url: '/api/nope' });
    expect(api.statusCode).toBe(404);
    expect(api.json().error.code).toBe('not_found');
    await app.close();
  });

  it('gives every error code a status and a message in both languages', () => {
    for (const [code, entry] of Object.entries(errorCatalogue)) {
      expect(entry.status, code).toBeGreaterThanOrEqual(400);
      expect(entry.en.length, code).toBeGreaterThan(0);
      expect(entry.id.length, code).toBeGreaterThan(0);
    }
  });
});
