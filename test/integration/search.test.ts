import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { contactInput, makeJourney, testApp, type Account, type TestApp } from '../support/app.js';

describeEachDatabase('search and the account overview', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('finds accounts, contacts and journeys by one word, ignoring case and accents', async () => {
    const am = await h.makeUser('account_manager');
    const { account } = await makeJourney(h, am);
    await am.request({ method: 'PATCH', url: `/api/accounts/${account.id}`, payload: { name: 'PT Sumber Énergi Nusantara', version: 1 } });
    await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { fullName: 'Rina Energiwati' }) });
    const found = (await am.request({ method: 'GET', url: '/api/search?q=energi' })).json();
    expect(found.accounts.map((a: Account) => a.name)).toEqual(['PT Sumber Énergi Nusantara']);
    expect(found.contacts.map((c: { fullName: string }) => c.fullName)).toEqual(['Rina Energiwati']);
    // The journey carries its account's new name in its search text.
    expect(found.journeys.map((j: { accountName: string }) => j.accountName)).toEqual(['PT Sumber Énergi Nusantara']);
  });

  it('returns an account with its contacts and journeys in one read', async () => {
    const am = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, am);
    await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id) });
    const overview = (await am.request({ method: 'GET', url: `/api/accounts/${account.id}/overview` })).json();
    expect(overview.account.id).toBe(account.id);
    expect(overview.contacts.items).toHaveLength(1);
    expect(overview.journeys.items.map((j: { id: string }) => j.id)).toEqual([journey.id]);
    expect((await am.request({ method: 'GET', url: '/api/accounts/missing/overview' })).statusCode).toBe(404);
  });

  it('refuses an empty search with 400 naming q', async () => {
    const am = await h.makeUser('viewer');
    const response = await am.request({ method: 'GET', url: '/api/search?q=' });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.details.issues[0].field).toBe('query.q');
  });
});
