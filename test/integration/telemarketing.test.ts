import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, contactInput, json, makeSolution, testApp, type Caller, type Journey } from '../support/app.js';

interface Entry {
  id: string;
  contactId: string;
  accountId: string;
  callerId: string;
  outcome: string | null;
  doNotCall: boolean;
  version: number;
}

async function accountsIn(am: Caller, city: string, count: number, contacts: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    const account = json<{ id: string }>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city }) }));
    for (let c = 0; c < contacts; c += 1) await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { phone: `08123456${String(i).padStart(2, '0')}${c}` }) });
    ids.push(account.id);
  }
  return ids;
}

async function segmentOfCity(marketer: Caller, city: string): Promise<string> {
  return json<{ id: string }>(await marketer.request({ method: 'POST', url: '/api/segments', payload: { name: `Kota ${city}`, rule: { field: 'account.city', op: 'eq', value: city } } })).id;
}

async function entriesOf(caller: Caller, listId: string, query = ''): Promise<Entry[]> {
  return json<{ items: Entry[] }>(await caller.request({ method: 'GET', url: `/api/call-lists/${listId}/entries?limit=200${query}` })).items;
}

describeEachDatabase('telemarketing', (t) => {
  it('splits a segment among callers by account, round-robin, and each caller sees their own entries', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const ani = await h.makeUser('marcomm', { name: 'Ani' });
    const budi = await h.makeUser('account_manager', { name: 'Budi' });
    await accountsIn(am, 'Surabaya', 3, 2);
    const segmentId = await segmentOfCity(marketer, 'Surabaya');

    const created = await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Telemarketing DC Surabaya', segmentId, callerIds: [ani.user.id, budi.user.id] } });
    expect(created.statusCode).toBe(201);
    const list = created.json();
    expect(list).toMatchObject({ total: 6, called: 0, status: 'open' });
    expect(list.progress.map((p: { callerName: string; total: number }) => [p.callerName, p.total])).toEqual([
      ['Ani', 4],
      ['Budi', 2],
    ]);

    const mine = await entriesOf(budi, list.id, '&callerId=me');
    expect(mine).toHaveLength(2);
    expect(new Set(mine.map((e) => e.accountId)).size).toBe(1);
    expect(mine.every((e) => e.callerId === budi.user.id)).toBe(true);
    const lists = json<{ items: Array<{ id: string }> }>(await budi.request({ method: 'GET', url: '/api/call-lists?mine=true' }));
    expect(lists.items.map((l) => l.id)).toEqual([list.id]);
    expect(json<{ items: unknown[] }>(await am.request({ method: 'GET', url: '/api/call-lists?mine=true' })).items).toHaveLength(0);
  });

  it('turns a do-not-call outcome into a phone opt-out and leaves that contact off the next list', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const caller = await h.makeUser('account_manager', { name: 'Citra' });
    await accountsIn(am, 'Medan', 1, 2);
    const segmentId = await segmentOfCity(marketer, 'Medan');
    const first = json<{ id: string }>(await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Medan 1', segmentId, callerIds: [caller.user.id] } }));
    const [entry] = await entriesOf(caller, first.id);

    const recorded = await caller.request({ method: 'POST', url: `/api/call-list-entries/${entry!.id}/outcome`, payload: { outcome: 'do_not_call', note: 'Minta tidak ditelepon lagi', version: entry!.version } });
    expect(recorded.statusCode).toBe(200);
    const consents = (await am.request({ method: 'GET', url: `/api/contacts/${entry!.contactId}/consents` })).json();
    expect(consents.channels.find((c: { channel: string }) => c.channel === 'phone')).toMatchObject({ status: 'opted_out', allowed: false, source: 'Telemarketing: Medan 1' });

    // On the list it came from, the entry now says not to call; the other contact is unaffected.
    const flagged = await entriesOf(caller, first.id);
    expect(flagged.map((e) => [e.contactId === entry!.contactId, e.doNotCall])).toEqual(expect.arrayContaining([[true, true], [false, false]]));
    expect(recorded.json().doNotCall).toBe(true);

    const second = json<{ id: string; total: number }>(await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Medan 2', segmentId, callerIds: [caller.user.id] } }));
    expect(second.total).toBe(1);
    expect((await entriesOf(caller, second.id)).map((e) => e.contactId)).not.toContain(entry!.contactId);
  });

  it('splits by the given shares', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const ani = await h.makeUser('marcomm', { name: 'Ani' });
    const budi = await h.makeUser('marcomm', { name: 'Budi' });
    await accountsIn(am, 'Medan', 4, 1);
    const segmentId = await segmentOfCity(marketer, 'Medan');
    const created = await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Medan', segmentId, callerIds: [ani.user.id, budi.user.id], shares: [3, 1] } });
    expect(created.json().progress.map((p: { total: number }) => p.total)).toEqual([3, 1]);
  });

  it('records an outcome as a telemarketing call on the account’s journey, and counts progress per caller', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const caller = await h.makeUser('account_manager', { name: 'Citra' });
    const solution = await makeSolution(h);
    const [accountId] = await accountsIn(am, 'Bandung', 1, 2);
    const journey = json<Journey>(await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId, solutionId: solution.id } }));
    const segmentId = await segmentOfCity(marketer, 'Bandung');
    const list = json<{ id: string; version: number }>(
      await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Bandung', segmentId, solutionId: solution.id, callerIds: [caller.user.id] } }),
    );
    const [first, second] = await entriesOf(caller, list.id, '&callerId=me&pending=true');

    const recorded = await caller.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'meeting_booked', note: 'Rapat Selasa depan', version: first!.version } });
    expect(recorded.statusCode).toBe(200);
    expect(recorded.json()).toMatchObject({ outcome: 'meeting_booked', note: 'Rapat Selasa depan', version: 2 });
    expect(recorded.json().calledAt).toEqual(expect.any(String));
    const stale = await caller.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'no_answer', version: 1 } });
    expect(stale.statusCode).toBe(409);
    await caller.request({ method: 'POST', url: `/api/call-list-entries/${second!.id}/outcome`, payload: { outcome: 'no_answer', version: second!.version } });

    const activities = json<{ items: Array<{ type: string; outcome: string; journeyId: string }> }>(await am.request({ method: 'GET', url: `/api/activities?journeyId=${journey.id}` })).items;
    expect(activities.map((a) => [a.type, a.outcome]).sort()).toEqual([
      ['telemarketing_call', 'meeting_booked'],
      ['telemarketing_call', 'no_answer'],
    ]);
    expect(await entriesOf(caller, list.id, '&pending=true')).toHaveLength(0);

    const detail = json<{ called: number; progress: Array<{ callerName: string; total: number; called: number; outcomes: Record<string, number> }> }>(
      await marketer.request({ method: 'GET', url: `/api/call-lists/${list.id}` }),
    );
    expect(detail.called).toBe(2);
    expect(detail.progress).toHaveLength(1);
    expect(detail.progress[0]).toMatchObject({ callerName: 'Citra', total: 2, called: 2, outcomes: { meeting_booked: 1, no_answer: 1, interested: 0 } });

    const closed = await marketer.request({ method: 'POST', url: `/api/call-lists/${list.id}/close`, payload: { version: list.version } });
    expect(closed.json().status).toBe('closed');
    const afterClose = await caller.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'interested', version: 2 } });
    expect(afterClose.statusCode).toBe(409);
    expect(afterClose.json().error.code).toBe('call_list_closed');
  });

  it('counts a positive call on a list tied to a running campaign as a reply that opens the journey', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const caller = await h.makeUser('marcomm', { name: 'Dian' });
    const solution = await makeSolution(h);
    const [accountId] = await accountsIn(am, 'Solo', 1, 2);
    const segmentId = await segmentOfCity(marketer, 'Solo');
    const campaign = json<{ id: string; version: number }>(
      await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'Telemarketing Solo', type: 'telemarketing', channels: ['phone'], solutionId: solution.id, segmentId } }),
    );
    await marketer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/launch`, payload: { version: campaign.version } });
    const list = json<{ id: string; solutionId: string }>(
      await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Solo', segmentId, campaignId: campaign.id, callerIds: [caller.user.id] } }),
    );
    expect(list.solutionId).toBe(solution.id);
    const [first, second] = await entriesOf(caller, list.id);

    await caller.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'meeting_booked', note: 'Kamis pagi', version: 1 } });
    await caller.request({ method: 'POST', url: `/api/call-list-entries/${second!.id}/outcome`, payload: { outcome: 'not_interested', version: 1 } });

    const responses = json<{ items: Array<{ kind: string; contactId: string; journeyEffect: string; journeyId: string }> }>(
      await marketer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/responses` }),
    ).items;
    expect(responses).toHaveLength(1);
    expect(responses[0]).toMatchObject({ kind: 'replied', contactId: first!.contactId, journeyEffect: 'opened' });
    const activities = json<{ items: Array<{ type: string; outcome: string; notes: string | null; journeyId: string | null }> }>(
      await am.request({ method: 'GET', url: `/api/activities?accountId=${accountId}` }),
    ).items;
    expect(activities.map((a) => [a.type, a.outcome, a.notes, a.journeyId]).sort()).toEqual(
      [
        ['telemarketing_call', 'meeting_booked', 'Kamis pagi', responses[0]!.journeyId],
        ['telemarketing_call', 'not_interested', null, responses[0]!.journeyId],
      ].sort(),
    );
  });

  it('lets only the entry’s caller or a campaign manager record its outcome', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const caller = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    await accountsIn(am, 'Bogor', 2, 1);
    const segmentId = await segmentOfCity(marketer, 'Bogor');
    const list = json<{ id: string }>(await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Bogor', segmentId, callerIds: [caller.user.id] } }));
    const [first, second] = await entriesOf(viewer, list.id);

    for (const other of [am, viewer]) {
      expect((await other.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'interested', version: 1 } })).statusCode).toBe(403);
      expect((await other.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'X', segmentId, callerIds: [other.user.id] } })).statusCode).toBe(403);
    }
    expect((await caller.request({ method: 'POST', url: `/api/call-list-entries/${first!.id}/outcome`, payload: { outcome: 'interested', version: 1 } })).statusCode).toBe(200);
    expect((await marketer.request({ method: 'POST', url: `/api/call-list-entries/${second!.id}/outcome`, payload: { outcome: 'wrong_number', version: 1 } })).statusCode).toBe(200);
  });

  it('refuses bad call lists and outcomes with 400s naming the fields', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const viewer = await h.makeUser('viewer');
    await accountsIn(am, 'Depok', 1, 1);
    const segmentId = await segmentOfCity(marketer, 'Depok');
    const empty = await segmentOfCity(marketer, 'Ternate');

    const issues = async (payload: Record<string, unknown>) =>
      (await marketer.request({ method: 'POST', url: '/api/call-lists', payload })).json().error.details.issues as Array<{ field: string; reason: string }>;
    expect((await issues({ name: 'X', segmentId, callerIds: [] }))[0]!.field).toBe('body.callerIds');
    expect(await issues({ name: 'X', segmentId, callerIds: [am.user.id], shares: [1, 2] })).toEqual([{ field: 'body.shares', reason: 'must give one share per caller' }]);
    expect(await issues({ name: 'X', segmentId, callerIds: [am.user.id, 'nobody'] })).toEqual([{ field: 'body.callerIds.1', reason: 'is not an active user' }]);
    expect(await issues({ name: 'X', segmentId, callerIds: [viewer.user.id] })).toEqual([{ field: 'body.callerIds.0', reason: 'is a viewer, who cannot record calls' }]);
    expect(await issues({ name: 'X', segmentId: 'nope', callerIds: [am.user.id] })).toEqual([{ field: 'body.segmentId', reason: 'is not a segment' }]);
    expect(await issues({ name: 'X', segmentId: empty, callerIds: [am.user.id] })).toEqual([{ field: 'body.segmentId', reason: 'has no members to call' }]);

    const list = json<{ id: string }>(await marketer.request({ method: 'POST', url: '/api/call-lists', payload: { name: 'Depok', segmentId, callerIds: [am.user.id] } }));
    const [entry] = await entriesOf(am, list.id);
    const bad = await am.request({ method: 'POST', url: `/api/call-list-entries/${entry!.id}/outcome`, payload: { outcome: 'hung_up', version: 1 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.details.issues[0].field).toBe('body.outcome');
  });
});
