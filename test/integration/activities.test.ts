import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import {
  accountInput,
  activityInput,
  contactInput,
  json,
  makeJourney,
  testApp,
  type Account,
  type Activity,
  type Caller,
  type Contact,
  type Journey,
  type TestApp,
} from '../support/app.js';

describeEachDatabase('activities API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function accountOf(owner: Caller): Promise<Account> {
    return json<Account>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
  }

  async function contactOn(caller: Caller, accountId: string): Promise<Contact> {
    return json<Contact>(await caller.request({ method: 'POST', url: '/api/contacts', payload: contactInput(accountId) }));
  }

  async function logActivity(caller: Caller, accountId: string, overrides: Record<string, unknown> = {}): Promise<Activity> {
    const response = await caller.request({ method: 'POST', url: '/api/activities', payload: activityInput(accountId, overrides) });
    expect(response.statusCode).toBe(201);
    return json<Activity>(response);
  }

  function fieldsOf(response: { json(): unknown }): string[] {
    return (response.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues.map((i) => i.field);
  }

  it('lets an account manager log a visit with participants and read it back', async () => {
    const am = await h.makeUser('account_manager');
    const sa = await h.makeUser('solution_architect');
    const account = await accountOf(am);
    const contact = await contactOn(am, account.id);
    const created = await am.request({
      method: 'POST',
      url: '/api/activities',
      payload: activityInput(account.id, {
        type: 'meeting',
        subject: 'Diskusi kebutuhan data center',
        occurredAt: '2025-04-10T14:00:00+07:00',
        outcome: 'Interested in a DR site',
        nextStep: 'Send the assessment questionnaire',
        participants: { userIds: [sa.user.id, sa.user.id], contactIds: [contact.id] },
      }),
    });
    expect(created.statusCode).toBe(201);
    const activity = json<Activity>(created);
    expect(activity).toMatchObject({
      type: 'meeting',
      occurredAt: '2025-04-10T07:00:00.000Z',
      accountId: account.id,
      journeyId: null,
      notes: null,
      participants: { userIds: [sa.user.id], contactIds: [contact.id] },
      createdBy: am.user.id,
      version: 1,
    });
    const read = await am.request({ method: 'GET', url: `/api/activities/${activity.id}` });
    expect(json<Activity>(read)).toEqual(activity);
  });

  it('refuses an invalid body with 400 naming the field', async () => {
    const admin = await h.makeUser('admin');
    const account = await accountOf(admin);
    const response = await admin.request({ method: 'POST', url: '/api/activities', payload: activityInput(account.id, { type: 'party' }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(fieldsOf(response)).toEqual(['body.type']);
  });

  it('refuses a journey of another account with 400 naming body.journeyId', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const otherAccount = await accountOf(am);
    const response = await am.request({ method: 'POST', url: '/api/activities', payload: activityInput(otherAccount.id, { journeyId: journey.id }) });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['body.journeyId']);
  });

  it('refuses a participating contact of another account with 400 naming it', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const mine = await contactOn(am, account.id);
    const stranger = await contactOn(am, (await accountOf(am)).id);
    const response = await am.request({
      method: 'POST',
      url: '/api/activities',
      payload: activityInput(account.id, { participants: { contactIds: [mine.id, stranger.id] } }),
    });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['body.participants.contactIds.1']);
  });

  it('refuses an activity on a missing account with 400 naming body.accountId', async () => {
    const admin = await h.makeUser('admin');
    const response = await admin.request({ method: 'POST', url: '/api/activities', payload: activityInput('no-such-account') });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['body.accountId']);
  });

  it('records the latest activity time on the journey it is linked to', async () => {
    const am = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, am);
    await logActivity(am, account.id, { journeyId: journey.id, occurredAt: '2025-05-02T03:00:00Z' });
    await logActivity(am, account.id, { journeyId: journey.id, occurredAt: '2025-05-01T03:00:00Z' });
    const after = json<Journey>(await am.request({ method: 'GET', url: `/api/journeys/${journey.id}` }));
    expect(after.lastActivityAt).toBe('2025-05-02T03:00:00.000Z');
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const am = await h.makeUser('account_manager');
    const activity = await logActivity(am, (await accountOf(am)).id, { subject: 'First call' });
    const first = await am.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { subject: 'Intro call', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await am.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { subject: 'Other', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = json<Activity>(await am.request({ method: 'GET', url: `/api/activities/${activity.id}` }));
    expect(after).toMatchObject({ subject: 'Intro call', version: 2 });
  });

  it('lets a solution architect log an activity on a journey they are assigned to, but not on another', async () => {
    const am = await h.makeUser('account_manager');
    const sa = await h.makeUser('solution_architect');
    const assigned = await makeJourney(h, am, { saId: sa.user.id });
    const other = await makeJourney(h, am);
    const allowed = await sa.request({
      method: 'POST',
      url: '/api/activities',
      payload: activityInput(assigned.account.id, { type: 'demo', journeyId: assigned.journey.id }),
    });
    expect(allowed.statusCode).toBe(201);
    const refused = await sa.request({ method: 'POST', url: '/api/activities', payload: activityInput(other.account.id, { type: 'demo', journeyId: other.journey.id }) });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.code).toBe('forbidden');
    const unlinked = await sa.request({ method: 'POST', url: '/api/activities', payload: activityInput(other.account.id) });
    expect(unlinked.statusCode).toBe(403);
  });

  it('forbids moving an activity to a journey the solution architect is not assigned to', async () => {
    const am = await h.makeUser('account_manager');
    const sa = await h.makeUser('solution_architect');
    const assigned = await makeJourney(h, am, { saId: sa.user.id });
    const activity = await logActivity(sa, assigned.account.id, { journeyId: assigned.journey.id });
    const response = await sa.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { journeyId: null, version: 1 } });
    expect(response.statusCode).toBe(403);
  });

  it('forbids a viewer from logging activities and an account manager from editing one they took no part in', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    const account = await accountOf(am);
    expect((await viewer.request({ method: 'POST', url: '/api/activities', payload: activityInput(account.id) })).statusCode).toBe(403);
    const activity = await logActivity(am, account.id);
    const response = await other.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { subject: 'Mine now', version: 1 } });
    expect(response.statusCode).toBe(403);
  });

  it('lets a participant edit the activity', async () => {
    const am = await h.makeUser('account_manager');
    const colleague = await h.makeUser('account_manager');
    const activity = await logActivity(am, (await accountOf(am)).id, { participants: { userIds: [colleague.user.id] } });
    const response = await colleague.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { outcome: 'Agreed on a demo', version: 1 } });
    expect(response.statusCode).toBe(200);
    expect(json<Activity>(response).participants.userIds).toEqual([colleague.user.id]);
  });

  it('pages through activities filtered by type, person and time, newest first', async () => {
    const am = await h.makeUser('account_manager');
    const colleague = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const contact = await contactOn(am, account.id);
    for (const day of [1, 2, 3, 4, 5]) {
      await logActivity(am, account.id, {
        type: day === 3 ? 'email' : 'call',
        subject: `Day ${day}`,
        occurredAt: `2025-06-0${day}T02:00:00Z`,
        participants: { userIds: day % 2 === 1 ? [colleague.user.id] : [], contactIds: [contact.id] },
      });
    }
    await logActivity(colleague, account.id, { subject: 'Other account manager', occurredAt: '2025-06-06T02:00:00Z' });

    const base = `/api/activities?accountId=${account.id}&type=call,visit&contactId=${contact.id}&from=2025-06-01T00:00:00Z&to=2025-06-05T00:00:00Z&limit=2`;
    const page1 = (await am.request({ method: 'GET', url: base })).json();
    expect(page1.items.map((a: Activity) => a.subject)).toEqual(['Day 4', 'Day 2']);
    const page2 = (await am.request({ method: 'GET', url: `${base}&cursor=${page1.nextCursor}` })).json();
    expect(page2.items.map((a: Activity) => a.subject)).toEqual(['Day 1']);
    expect(page2.nextCursor).toBeNull();

    const theirs = (await am.request({ method: 'GET', url: `/api/activities?participantUserId=${colleague.user.id}&sort=occurredAt` })).json();
    expect(theirs.items.map((a: Activity) => a.subject)).toEqual(['Day 1', 'Day 3', 'Day 5', 'Other account manager']);
  });

  it('hides a deleted activity from reads and lists', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const activity = await logActivity(am, account.id);
    const removed = await am.request({ method: 'DELETE', url: `/api/activities/${activity.id}?version=1` });
    expect(removed.statusCode).toBe(200);
    expect((await am.request({ method: 'GET', url: `/api/activities/${activity.id}` })).statusCode).toBe(404);
    expect((await am.request({ method: 'GET', url: `/api/activities?accountId=${account.id}` })).json().items).toEqual([]);
  });

  it('writes an audit entry for every change', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const activity = await logActivity(am, (await accountOf(am)).id);
    await am.request({ method: 'PATCH', url: `/api/activities/${activity.id}`, payload: { notes: 'Met the CIO', version: 1 } });
    await am.request({ method: 'DELETE', url: `/api/activities/${activity.id}?version=2` });
    const log = (await admin.request({ method: 'GET', url: `/api/audit?recordType=activity&recordId=${activity.id}` })).json();
    // Entries written in the same millisecond have no defined order, so compare them as a set.
    const entries = log.items as { action: string; actorId: string; after: unknown }[];
    expect(entries.map((e) => `${e.action} by ${e.actorId}`).sort()).toEqual(['create', 'delete', 'update'].map((a) => `${a} by ${am.user.id}`));
    expect(entries.find((e) => e.action === 'update')?.after).toMatchObject({ notes: 'Met the CIO', version: 2 });
  });
});
