import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, makeJourney, testApp, type Account, type TestApp } from '../support/app.js';

/** For each role, one write it may make and one it may not (DESIGN.md §6). */
describeEachDatabase('permissions by role', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('lets an admin create users and refuses to demote the last admin', async () => {
    const admin = await h.makeUser('admin');
    const created = await admin.request({ method: 'POST', url: '/api/users', payload: { email: 'new.am@example.test', name: 'New AM', role: 'account_manager', password: 'long enough pw' } });
    expect(created.statusCode).toBe(201);
    const demote = await admin.request({ method: 'PATCH', url: `/api/users/${admin.user.id}`, payload: { role: 'viewer', version: admin.user.version } });
    expect(demote.statusCode).toBe(400);
    expect(demote.json().error.details.issues[0].field).toBe('body.role');
  });

  it('lets a sales manager edit an account of their team but not of another team, nor create users', async () => {
    const smb = await h.makeTeam('SMB Team');
    const enterprise = await h.makeTeam('Enterprise Team');
    const manager = await h.makeUser('sales_manager', { teamId: smb.id });
    const amSmb = await h.makeUser('account_manager', { teamId: smb.id });
    const amEnt = await h.makeUser('account_manager', { teamId: enterprise.id });
    const ours = json<Account>(await amSmb.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const theirs = json<Account>(await amEnt.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    expect(ours.teamId).toBe(smb.id);
    expect((await manager.request({ method: 'PATCH', url: `/api/accounts/${ours.id}`, payload: { tier: 'smb', version: 1 } })).statusCode).toBe(200);
    expect((await manager.request({ method: 'PATCH', url: `/api/accounts/${theirs.id}`, payload: { tier: 'smb', version: 1 } })).statusCode).toBe(403);
    expect((await manager.request({ method: 'POST', url: '/api/users', payload: { email: 'x@example.test', name: 'X', role: 'admin', password: 'long enough pw' } })).statusCode).toBe(403);
  });

  it('lets an account manager edit their own account but not another account manager’s (403)', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const mine = json<Account>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const notMine = json<Account>(await other.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    expect((await am.request({ method: 'PATCH', url: `/api/accounts/${mine.id}`, payload: { city: 'Makassar', version: 1 } })).statusCode).toBe(200);
    const refused = await am.request({ method: 'PATCH', url: `/api/accounts/${notMine.id}`, payload: { city: 'Makassar', version: 1 } });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
  });

  it('keeps an account manager from handing their account to someone else', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const mine = json<Account>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const handOver = await am.request({ method: 'PATCH', url: `/api/accounts/${mine.id}`, payload: { ownerId: other.user.id, version: 1 } });
    expect(handOver.statusCode).toBe(403);
  });

  it('lets a solution architect change their own profile but not create accounts', async () => {
    const sa = await h.makeUser('solution_architect');
    expect((await sa.request({ method: 'PATCH', url: '/api/auth/me', payload: { locale: 'en', version: sa.user.version } })).statusCode).toBe(200);
    expect((await sa.request({ method: 'POST', url: '/api/accounts', payload: accountInput() })).statusCode).toBe(403);
  });

  it('lets a product specialist create solutions but not principals', async () => {
    const ps = await h.makeUser('product_specialist');
    const solution = await ps.request({ method: 'POST', url: '/api/solutions', payload: { name: 'Hybrid Cloud Storage', category: 'data_center' } });
    expect(solution.statusCode).toBe(201);
    expect((await ps.request({ method: 'POST', url: '/api/principals', payload: { name: 'NetApp' } })).statusCode).toBe(403);
  });

  it('lets marcomm change their own profile but not move journeys', async () => {
    const marcomm = await h.makeUser('marcomm');
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    expect((await marcomm.request({ method: 'PATCH', url: '/api/auth/me', payload: { timeZone: 'Asia/Makassar', version: marcomm.user.version } })).statusCode).toBe(200);
    expect((await marcomm.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } })).statusCode).toBe(403);
  });

  it('lets a viewer read everything and write nothing', async () => {
    const viewer = await h.makeUser('viewer');
    const am = await h.makeUser('account_manager');
    const { journey, account } = await makeJourney(h, am);
    expect((await viewer.request({ method: 'GET', url: `/api/journeys/${journey.id}` })).json().permissions).toEqual({ write: false, overrideGate: false });
    for (const write of [
      { method: 'POST' as const, url: '/api/accounts', payload: accountInput() },
      { method: 'PATCH' as const, url: `/api/accounts/${account.id}`, payload: { city: 'Medan', version: 1 } },
      { method: 'POST' as const, url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } },
      { method: 'POST' as const, url: '/api/solutions', payload: { name: 'X', category: 'security' } },
      { method: 'PUT' as const, url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-01-01', rate: 16000 } },
    ]) {
      const response = await viewer.request(write);
      expect(response.statusCode, `${write.method} ${write.url}`).toBe(403);
    }
  });

  it('shows the audit log to admins only, with before and after of each change', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const account = json<Account>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city: 'Bandung' }) }));
    await am.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { city: 'Semarang', version: 1 } });
    expect((await am.request({ method: 'GET', url: '/api/audit' })).statusCode).toBe(403);
    const log = (await admin.request({ method: 'GET', url: `/api/audit?recordType=account&recordId=${account.id}` })).json();
    expect(log.items.map((e: { action: string }) => e.action)).toEqual(['update', 'create']);
    expect(log.items[0]).toMatchObject({ actorId: am.user.id, before: { city: 'Bandung' }, after: { city: 'Semarang' } });
  });
});
