import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { json, testApp, type Caller, type TestApp } from '../support/app.js';
import type { SavedView } from '../../src/shared/schemas/saved-views.js';

describeEachDatabase('Saved views', (t) => {
  let h: TestApp;
  let manager: Caller;
  let am: Caller;

  beforeEach(async () => {
    h = await testApp(t.db);
    manager = await h.makeUser('sales_manager', { name: 'Rina Manajer' });
    am = await h.makeUser('account_manager');
  });

  const save = (caller: Caller, body: Record<string, unknown>) => caller.request({ method: 'POST', url: '/api/saved-views', payload: body });
  const list = async (caller: Caller, screen = 'pipeline') => json<{ items: SavedView[] }>(await caller.request({ method: 'GET', url: `/api/saved-views?screen=${screen}` })).items;

  it('saves the board’s filters under a name, lists the user’s own and the shared ones, and audits it', async () => {
    const mine = await save(manager, { screen: 'pipeline', name: 'Surabaya SMB', query: { city: 'Surabaya', tier: 'smb' } });
    expect(mine.statusCode).toBe(201);
    expect(mine.json()).toMatchObject({ screen: 'pipeline', name: 'Surabaya SMB', query: { city: 'Surabaya', tier: 'smb' }, shared: false, version: 1, userId: manager.user.id, userName: 'Rina Manajer' });
    const shared = json<SavedView>(await save(manager, { screen: 'pipeline', name: 'Enterprise team', query: { tier: 'enterprise' }, shared: true }));
    await save(am, { screen: 'pipeline', name: 'My own', query: { owner: am.user.id } });
    await save(am, { screen: 'journeys', name: 'Elsewhere', query: { stage: 'decision' } });

    expect((await list(manager)).map((v) => v.name)).toEqual(['Enterprise team', 'Surabaya SMB']);
    expect((await list(am)).map((v) => v.name)).toEqual(['Enterprise team', 'My own']);
    expect((await list(am, 'journeys')).map((v) => v.name)).toEqual(['Elsewhere']);
    expect((await am.request({ method: 'GET', url: `/api/saved-views/${shared.id}` })).statusCode).toBe(200);
    expect((await am.request({ method: 'GET', url: `/api/saved-views/${mine.json().id}` })).statusCode).toBe(404);

    const audit = await t.db.kysely.selectFrom('audit_log').select(['action', 'actor_id']).where('record_type', '=', 'saved_view').where('record_id', '=', shared.id).execute();
    expect(audit).toEqual([{ action: 'create', actor_id: manager.user.id }]);
  });

  it('refuses a second view with the same name (any case) on the same screen with 409, but not on another screen or for another user', async () => {
    expect((await save(manager, { screen: 'pipeline', name: 'Surabaya', query: {} })).statusCode).toBe(201);
    const again = await save(manager, { screen: 'pipeline', name: '  surabaya ', query: { tier: 'smb' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error).toMatchObject({ code: 'already_exists', details: { field: 'body.name' } });
    expect((await save(manager, { screen: 'journeys', name: 'Surabaya', query: {} })).statusCode).toBe(201);
    expect((await save(am, { screen: 'pipeline', name: 'Surabaya', query: {} })).statusCode).toBe(201);

    const other = json<SavedView>(await save(manager, { screen: 'pipeline', name: 'Jakarta', query: {} }));
    const rename = await manager.request({ method: 'PATCH', url: `/api/saved-views/${other.id}`, payload: { name: 'SURABAYA', version: 1 } });
    expect(rename.statusCode).toBe(409);
    expect(rename.json().error.code).toBe('already_exists');
  });

  it('lets only the owner (or an admin) rename, re-share or delete a view, with versions', async () => {
    const view = json<SavedView>(await save(manager, { screen: 'pipeline', name: 'Team board', query: { team: 't1' }, shared: true }));
    const patch = (caller: Caller, payload: Record<string, unknown>) => caller.request({ method: 'PATCH', url: `/api/saved-views/${view.id}`, payload });

    expect((await patch(am, { name: 'Mine now', version: 1 })).statusCode).toBe(403);
    const renamed = await patch(manager, { name: 'Team board (Q3)', query: { team: 't1', tier: 'smb' }, version: 1 });
    expect(renamed.json()).toMatchObject({ name: 'Team board (Q3)', query: { team: 't1', tier: 'smb' }, version: 2 });
    expect((await patch(manager, { shared: false, version: 1 })).statusCode).toBe(409);

    expect((await am.request({ method: 'DELETE', url: `/api/saved-views/${view.id}?version=2` })).statusCode).toBe(403);
    expect((await manager.request({ method: 'DELETE', url: `/api/saved-views/${view.id}?version=1` })).statusCode).toBe(409);
    expect((await manager.request({ method: 'DELETE', url: `/api/saved-views/${view.id}?version=2` })).statusCode).toBe(200);
    expect(await list(manager)).toEqual([]);

    const admin = await h.makeUser('admin');
    const amView = json<SavedView>(await save(am, { screen: 'pipeline', name: 'Private', query: {} }));
    expect((await admin.request({ method: 'DELETE', url: `/api/saved-views/${amView.id}?version=1` })).statusCode).toBe(200);
  });

  it('keeps viewers to the views others share: they write nothing', async () => {
    const viewer = await h.makeUser('viewer');
    await save(manager, { screen: 'pipeline', name: 'Shared', query: {}, shared: true });
    expect((await save(viewer, { screen: 'pipeline', name: 'Mine', query: {} })).statusCode).toBe(403);
    expect((await list(viewer)).map((v) => v.name)).toEqual(['Shared']);
  });

  it('names the field when a view is not valid', async () => {
    const field = async (body: Record<string, unknown>) => {
      const response = await save(manager, body);
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues[0].field as string;
    };
    expect(await field({ screen: 'kanban', name: 'x', query: {} })).toBe('body.screen');
    expect(await field({ screen: 'pipeline', name: '   ', query: {} })).toBe('body.name');
    expect(await field({ screen: 'pipeline', name: 'x'.repeat(81), query: {} })).toBe('body.name');
    expect(await field({ screen: 'pipeline', name: 'x', query: { tier: 3 } })).toMatch(/^body\.query/);
    expect(await field({ screen: 'pipeline', name: 'x', query: { 'drop table': 'x' } })).toMatch(/^body\.query/);
    const badScreen = await manager.request({ method: 'GET', url: '/api/saved-views?screen=kanban' });
    expect(badScreen.statusCode).toBe(400);
    expect(badScreen.json().error.details.issues[0].field).toBe('query.screen');
    expect((await manager.request({ method: 'GET', url: '/api/saved-views/nope' })).statusCode).toBe(404);
  });
});
