import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, testApp, type Account, type TestApp } from '../support/app.js';

describeEachDatabase('accounts API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('lets an account manager create an account they own and read it back', async () => {
    const am = await h.makeUser('account_manager');
    const created = await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ name: 'PT Bank Nusantara' }) });
    expect(created.statusCode).toBe(201);
    const account = json<Account>(created);
    expect(account).toMatchObject({ name: 'PT Bank Nusantara', ownerId: am.user.id, version: 1 });

    const read = await am.request({ method: 'GET', url: `/api/accounts/${account.id}` });
    expect(json<Account>(read)).toEqual(account);
  });

  it('refuses an invalid body with 400 naming the field', async () => {
    const admin = await h.makeUser('admin');
    const response = await admin.request({ method: 'POST', url: '/api/accounts', payload: { ...accountInput(), tier: 'huge' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(body.error.code).toBe('validation_failed');
    expect(body.error.details.issues).toEqual([expect.objectContaining({ field: 'body.tier' })]);
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const am = await h.makeUser('account_manager');
    const account = json<Account>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city: 'Bandung' }) }));
    const first = await am.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { city: 'Surabaya', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await am.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { city: 'Medan', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = json<Account>(await am.request({ method: 'GET', url: `/api/accounts/${account.id}` }));
    expect(after).toMatchObject({ city: 'Surabaya', version: 2 });
  });

  it('forbids an account manager from editing another account manager’s account', async () => {
    const owner = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const account = json<Account>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const response = await other.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { city: 'Medan', version: 1 } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
  });

  it('pages through a filtered, sorted list with a cursor', async () => {
    const admin = await h.makeUser('admin');
    for (const name of ['PT Alfa', 'PT Beta', 'PT Gamma', 'PT Delta', 'PT Epsilon']) {
      await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ name, city: name === 'PT Beta' ? 'Medan' : 'Jakarta' }) });
    }
    const first = await admin.request({ method: 'GET', url: '/api/accounts?city=Jakarta&sort=name&limit=2' });
    const page1 = first.json();
    expect(page1.items.map((a: Account) => a.name)).toEqual(['PT Alfa', 'PT Delta']);
    const page2 = (await admin.request({ method: 'GET', url: `/api/accounts?city=Jakarta&sort=name&limit=2&cursor=${page1.nextCursor}` })).json();
    expect(page2.items.map((a: Account) => a.name)).toEqual(['PT Epsilon', 'PT Gamma']);
    expect(page2.nextCursor).toBeNull();
  });

  it('finds accounts by part of their name, ignoring case', async () => {
    const admin = await h.makeUser('admin');
    await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ name: 'PT Telekomunikasi Maju' }) });
    await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ name: 'CV Sinar 100%' }) });
    const found = (await admin.request({ method: 'GET', url: '/api/accounts?q=KOMUNIKASI' })).json();
    expect(found.items.map((a: Account) => a.name)).toEqual(['PT Telekomunikasi Maju']);
    const literal = (await admin.request({ method: 'GET', url: `/api/accounts?q=${encodeURIComponent('100%')}` })).json();
    expect(literal.items).toHaveLength(1);
  });
});
