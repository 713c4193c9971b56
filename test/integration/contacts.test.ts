import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, contactInput, json, testApp, type Account, type Caller, type Contact, type TestApp } from '../support/app.js';

describeEachDatabase('contacts API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function accountOf(owner: Caller, overrides: Partial<Account> = {}): Promise<Account> {
    return json<Account>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput(overrides) }));
  }

  async function createContact(caller: Caller, accountId: string, overrides: Record<string, unknown> = {}): Promise<Contact> {
    const response = await caller.request({ method: 'POST', url: '/api/contacts', payload: contactInput(accountId, overrides) });
    expect(response.statusCode).toBe(201);
    return json<Contact>(response);
  }

  function issuesOf(response: { json(): unknown }) {
    return (response.json() as { error: { code: string; details: { issues: { field: string }[] } } }).error;
  }

  it('lets an account manager add a contact to their account and read it back with numbers in E.164', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const created = await am.request({
      method: 'POST',
      url: '/api/contacts',
      payload: contactInput(account.id, {
        fullName: 'Siti Rahayu',
        email: 'siti.rahayu@example.co.id',
        phone: '(021) 5550 1234',
        whatsapp: '0812-3456-7890',
        channels: ['whatsapp', 'email', 'whatsapp'],
        consents: [{ channel: 'email', granted: true, source: 'webinar registration', recordedAt: '2025-03-01T09:00:00+07:00' }],
      }),
    });
    expect(created.statusCode).toBe(201);
    const contact = json<Contact>(created);
    expect(contact).toMatchObject({
      accountId: account.id,
      fullName: 'Siti Rahayu',
      phone: '+622155501234',
      whatsapp: '+6281234567890',
      channels: ['whatsapp', 'email'],
      consents: [{ channel: 'email', granted: true, source: 'webinar registration', recordedAt: '2025-03-01T02:00:00.000Z' }],
      ageBand: null,
      version: 1,
    });

    const read = await am.request({ method: 'GET', url: `/api/contacts/${contact.id}` });
    expect(read.statusCode).toBe(200);
    expect(json<Contact>(read)).toEqual(contact);
  });

  it('refuses an invalid body with 400 naming the field', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    const response = await admin.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { division: 'marketing' }) });
    expect(response.statusCode).toBe(400);
    const error = issuesOf(response);
    expect(error.code).toBe('validation_failed');
    expect(error.details.issues).toEqual([expect.objectContaining({ field: 'body.division' })]);
  });

  it('refuses a phone number that is not one with 400 naming the field', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    const junk = await admin.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { whatsapp: 'ask the secretary' }) });
    expect(junk.statusCode).toBe(400);
    expect(issuesOf(junk).details.issues).toEqual([expect.objectContaining({ field: 'body.whatsapp' })]);

    const contact = await createContact(admin, account.id);
    const patch = await admin.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { phone: '0812', version: 1 } });
    expect(patch.statusCode).toBe(400);
    expect(issuesOf(patch).details.issues).toEqual([expect.objectContaining({ field: 'body.phone' })]);
  });

  it('refuses a second consent for the same channel with 400 naming it', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    const consent = { channel: 'whatsapp', granted: true, source: 'visit', recordedAt: '2025-01-01T00:00:00Z' };
    const response = await admin.request({
      method: 'POST',
      url: '/api/contacts',
      payload: contactInput(account.id, { consents: [consent, { ...consent, granted: false }] }),
    });
    expect(response.statusCode).toBe(400);
    expect(issuesOf(response).details.issues).toEqual([expect.objectContaining({ field: 'body.consents.1.channel' })]);
  });

  it('refuses a contact on a missing or deleted account with 400 naming body.accountId', async () => {
    const admin = await h.makeUser('admin');
    const missing = await admin.request({ method: 'POST', url: '/api/contacts', payload: contactInput('no-such-account') });
    expect(missing.statusCode).toBe(400);
    expect(issuesOf(missing).details.issues).toEqual([expect.objectContaining({ field: 'body.accountId' })]);

    const account = await accountOf(admin);
    expect((await admin.request({ method: 'DELETE', url: `/api/accounts/${account.id}?version=1` })).statusCode).toBe(200);
    const deleted = await admin.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id) });
    expect(deleted.statusCode).toBe(400);
    expect(issuesOf(deleted).details.issues).toEqual([expect.objectContaining({ field: 'body.accountId' })]);
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const am = await h.makeUser('account_manager');
    const contact = await createContact(am, (await accountOf(am)).id, { title: 'CIO' });
    const first = await am.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { title: 'CTO', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await am.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { title: 'CEO', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = json<Contact>(await am.request({ method: 'GET', url: `/api/contacts/${contact.id}` }));
    expect(after).toMatchObject({ title: 'CTO', version: 2 });
  });

  it('forbids an account manager from editing a contact of another account manager’s account', async () => {
    const owner = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const contact = await createContact(owner, (await accountOf(owner)).id);
    const response = await other.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { title: 'CIO', version: 1 } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    const create = await other.request({ method: 'POST', url: '/api/contacts', payload: contactInput(contact.accountId) });
    expect(create.statusCode).toBe(403);
  });

  it('forbids moving a contact to an account the caller may not write', async () => {
    const owner = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const contact = await createContact(owner, (await accountOf(owner)).id);
    const elsewhere = await accountOf(other);
    const response = await owner.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { accountId: elsewhere.id, version: 1 } });
    expect(response.statusCode).toBe(403);
    const moved = await owner.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { accountId: (await accountOf(owner)).id, version: 1 } });
    expect(moved.statusCode).toBe(200);
  });

  it('lets a sales manager edit contacts of their team’s accounts', async () => {
    const team = await h.makeTeam();
    const manager = await h.makeUser('sales_manager', { teamId: team.id });
    const am = await h.makeUser('account_manager', { teamId: team.id });
    const contact = await createContact(am, (await accountOf(am)).id);
    const response = await manager.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { influence: 'decision_maker', version: 1 } });
    expect(response.statusCode).toBe(200);
  });

  it('forbids a viewer from writing contacts', async () => {
    const admin = await h.makeUser('admin');
    const viewer = await h.makeUser('viewer');
    const account = await accountOf(admin);
    const create = await viewer.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id) });
    expect(create.statusCode).toBe(403);
    const contact = await createContact(admin, account.id);
    const remove = await viewer.request({ method: 'DELETE', url: `/api/contacts/${contact.id}?version=1` });
    expect(remove.statusCode).toBe(403);
  });

  it('pages through the contacts of one account, filtered by division and sorted by name', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    const elsewhere = await accountOf(admin);
    for (const [fullName, division] of [
      ['Agus', 'it'],
      ['Bambang', 'hr'],
      ['Citra', 'it'],
      ['Dewi', 'it'],
      ['Eko', 'finance'],
      ['Fajar', 'it'],
    ] as const) {
      await createContact(admin, account.id, { fullName, division });
    }
    await createContact(admin, elsewhere.id, { fullName: 'Ani', division: 'it' });

    const base = `/api/contacts?accountId=${account.id}&division=it,finance&sort=fullName&limit=2`;
    const page1 = (await admin.request({ method: 'GET', url: base })).json();
    expect(page1.items.map((c: Contact) => c.fullName)).toEqual(['Agus', 'Citra']);
    const page2 = (await admin.request({ method: 'GET', url: `${base}&cursor=${page1.nextCursor}` })).json();
    expect(page2.items.map((c: Contact) => c.fullName)).toEqual(['Dewi', 'Eko']);
    const page3 = (await admin.request({ method: 'GET', url: `${base}&cursor=${page2.nextCursor}` })).json();
    expect(page3.items.map((c: Contact) => c.fullName)).toEqual(['Fajar']);
    expect(page3.nextCursor).toBeNull();

    const descending = (await admin.request({ method: 'GET', url: `/api/contacts?accountId=${account.id}&seniority=manager&sort=-fullName&limit=1` })).json();
    expect(descending.items.map((c: Contact) => c.fullName)).toEqual(['Fajar']);
  });

  it('finds contacts by part of their name, title or email, ignoring case and accents', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    await createContact(admin, account.id, { fullName: 'Andréas Wijaya', title: 'Head of Procurement', email: null });
    await createContact(admin, account.id, { fullName: 'Rina Kusuma', title: 'CFO', email: 'rina@bank-nusantara.co.id' });
    const search = async (q: string) =>
      (await admin.request({ method: 'GET', url: `/api/contacts?q=${encodeURIComponent(q)}` })).json().items.map((c: Contact) => c.fullName);
    expect(await search('andreas')).toEqual(['Andréas Wijaya']);
    expect(await search('PROCUREMENT')).toEqual(['Andréas Wijaya']);
    expect(await search('bank-nusantara')).toEqual(['Rina Kusuma']);
    expect(await search('nobody')).toEqual([]);
  });

  it('hides a deleted contact from reads and lists', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const contact = await createContact(am, account.id);
    const stale = await am.request({ method: 'DELETE', url: `/api/contacts/${contact.id}?version=2` });
    expect(stale.statusCode).toBe(409);
    const removed = await am.request({ method: 'DELETE', url: `/api/contacts/${contact.id}?version=1` });
    expect(removed.statusCode).toBe(200);
    expect(removed.json()).toEqual({ id: contact.id, deleted: true });
    expect((await am.request({ method: 'GET', url: `/api/contacts/${contact.id}` })).statusCode).toBe(404);
    expect((await am.request({ method: 'GET', url: `/api/contacts?accountId=${account.id}` })).json().items).toEqual([]);
  });

  it('writes an audit entry for every change', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const contact = await createContact(am, (await accountOf(am)).id);
    await am.request({ method: 'PATCH', url: `/api/contacts/${contact.id}`, payload: { title: 'CIO', version: 1 } });
    await am.request({ method: 'DELETE', url: `/api/contacts/${contact.id}?version=2` });
    const log = (await admin.request({ method: 'GET', url: `/api/audit?recordType=contact&recordId=${contact.id}` })).json();
    // Entries written in the same millisecond have no defined order, so compare them as a set.
    const entries = log.items as { action: string; actorId: string; before: unknown; after: unknown }[];
    expect(entries.map((e) => `${e.action} by ${e.actorId}`).sort()).toEqual(['create', 'delete', 'update'].map((a) => `${a} by ${am.user.id}`));
    const update = entries.find((e) => e.action === 'update');
    expect(update?.before).toMatchObject({ title: 'IT Infrastructure Manager' });
    expect(update?.after).toMatchObject({ title: 'CIO', version: 2 });
  });
});
