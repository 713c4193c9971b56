import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import {
  accountInput,
  activityInput,
  contactInput,
  json,
  makeJourney,
  taskInput,
  testApp,
  type Account,
  type Activity,
  type Caller,
  type Contact,
  type Task,
  type TestApp,
} from '../support/app.js';

describeEachDatabase('tasks API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function accountOf(owner: Caller): Promise<Account> {
    return json<Account>(await owner.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
  }

  async function createTask(caller: Caller, overrides: Record<string, unknown> = {}): Promise<Task> {
    const response = await caller.request({ method: 'POST', url: '/api/tasks', payload: taskInput(overrides) });
    expect(response.statusCode).toBe(201);
    return json<Task>(response);
  }

  function fieldsOf(response: { json(): unknown }): string[] {
    return (response.json() as { error: { details: { issues: { field: string }[] } } }).error.details.issues.map((i) => i.field);
  }

  it('creates a task for the caller about a contact and reads it back', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const contact = json<Contact>(await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id) }));
    const created = await am.request({
      method: 'POST',
      url: '/api/tasks',
      payload: taskInput({ title: 'Call back about the DR proposal', dueAt: '2025-07-01T09:00:00+07:00', relatedType: 'contact', relatedId: contact.id }),
    });
    expect(created.statusCode).toBe(201);
    const task = json<Task>(created);
    expect(task).toMatchObject({
      title: 'Call back about the DR proposal',
      assigneeId: am.user.id,
      createdBy: am.user.id,
      dueAt: '2025-07-01T02:00:00.000Z',
      status: 'open',
      completedAt: null,
      relatedType: 'contact',
      relatedId: contact.id,
      accountId: account.id,
      source: 'manual',
      version: 1,
    });
    expect(json<Task>(await am.request({ method: 'GET', url: `/api/tasks/${task.id}` }))).toEqual(task);
  });

  it('takes the account from a related journey or activity', async () => {
    const am = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, am);
    const activity = json<Activity>(await am.request({ method: 'POST', url: '/api/activities', payload: activityInput(account.id) }));
    expect(await createTask(am, { relatedType: 'journey', relatedId: journey.id })).toMatchObject({ accountId: account.id });
    expect(await createTask(am, { relatedType: 'activity', relatedId: activity.id })).toMatchObject({ accountId: account.id });
    expect(await createTask(am)).toMatchObject({ relatedType: null, relatedId: null, accountId: null });
  });

  it('refuses an invalid body with 400 naming the field', async () => {
    const am = await h.makeUser('account_manager');
    const response = await am.request({ method: 'POST', url: '/api/tasks', payload: taskInput({ status: 'later' }) });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.code).toBe('validation_failed');
    expect(fieldsOf(response)).toEqual(['body.status']);
    const half = await am.request({ method: 'POST', url: '/api/tasks', payload: taskInput({ relatedType: 'account' }) });
    expect(half.statusCode).toBe(400);
    expect(fieldsOf(half)).toEqual(['body.relatedId']);
  });

  it('refuses a related record that does not exist with 400 naming body.relatedId', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    const response = await am.request({ method: 'POST', url: '/api/tasks', payload: taskInput({ relatedType: 'contact', relatedId: account.id }) });
    expect(response.statusCode).toBe(400);
    expect(fieldsOf(response)).toEqual(['body.relatedId']);
  });

  it('answers 409 to a stale update and changes nothing', async () => {
    const am = await h.makeUser('account_manager');
    const task = await createTask(am, { title: 'Prepare demo' });
    const first = await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { title: 'Prepare the demo rig', version: 1 } });
    expect(first.statusCode).toBe(200);
    const stale = await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'done', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('version_conflict');
    const after = json<Task>(await am.request({ method: 'GET', url: `/api/tasks/${task.id}` }));
    expect(after).toMatchObject({ title: 'Prepare the demo rig', status: 'open', completedAt: null, version: 2 });
  });

  it('lets an account manager complete a task assigned to them, and clears the completion when reopened', async () => {
    const team = await h.makeTeam();
    const manager = await h.makeUser('sales_manager', { teamId: team.id });
    const am = await h.makeUser('account_manager', { teamId: team.id });
    const task = await createTask(manager, { assigneeId: am.user.id, relatedType: 'account', relatedId: (await accountOf(am)).id });
    const done = await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'done', version: 1 } });
    expect(done.statusCode).toBe(200);
    const completed = json<Task>(done);
    expect(completed.status).toBe('done');
    expect(completed.completedAt).not.toBeNull();

    const reopened = await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'open', version: 2 } });
    expect(json<Task>(reopened)).toMatchObject({ status: 'open', completedAt: null, version: 3 });
  });

  it('forbids writing a task the caller neither owns nor is assigned, and forbids viewers', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    const task = await createTask(am);
    const response = await other.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'done', version: 1 } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.code).toBe('forbidden');
    expect((await viewer.request({ method: 'POST', url: '/api/tasks', payload: taskInput() })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'DELETE', url: `/api/tasks/${task.id}?version=1` })).statusCode).toBe(403);
  });

  it('forbids an account manager from handing their task to someone else', async () => {
    const manager = await h.makeUser('sales_manager');
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const task = await createTask(manager, { assigneeId: am.user.id });
    const response = await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { assigneeId: other.user.id, version: 1 } });
    expect(response.statusCode).toBe(403);
  });

  it('lists open overdue tasks of one assignee', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    await createTask(am, { title: 'Late', dueAt: '2020-01-01T00:00:00Z' });
    await createTask(am, { title: 'Late but done', dueAt: '2020-01-02T00:00:00Z', status: 'done' });
    await createTask(am, { title: 'Upcoming', dueAt: '2999-01-01T00:00:00Z' });
    await createTask(am, { title: 'Whenever' });
    await createTask(other, { title: 'Late for someone else', dueAt: '2020-01-01T00:00:00Z' });
    const overdue = (await am.request({ method: 'GET', url: `/api/tasks?assigneeId=${am.user.id}&overdue=true` })).json();
    expect(overdue.items.map((task: Task) => task.title)).toEqual(['Late']);
    const done = (await am.request({ method: 'GET', url: `/api/tasks?assigneeId=${am.user.id}&status=done,cancelled` })).json();
    expect(done.items.map((task: Task) => task.title)).toEqual(['Late but done']);
    const before = (await am.request({ method: 'GET', url: `/api/tasks?assigneeId=${am.user.id}&dueBefore=2021-01-01T00:00:00Z` })).json();
    expect(before.items.map((task: Task) => task.title)).toEqual(['Late', 'Late but done']);
  });

  it('lists the tasks about one record', async () => {
    const am = await h.makeUser('account_manager');
    const account = await accountOf(am);
    await createTask(am, { title: 'About the account', relatedType: 'account', relatedId: account.id });
    await createTask(am, { title: 'About nothing' });
    const found = (await am.request({ method: 'GET', url: `/api/tasks?relatedType=account&relatedId=${account.id}` })).json();
    expect(found.items.map((task: Task) => task.title)).toEqual(['About the account']);
  });

  it('pages by due date with undated tasks last in either direction', async () => {
    const am = await h.makeUser('account_manager');
    await createTask(am, { title: 'Undated A' });
    await createTask(am, { title: 'Third', dueAt: '2025-03-01T00:00:00Z' });
    await createTask(am, { title: 'First', dueAt: '2025-01-01T00:00:00Z' });
    await createTask(am, { title: 'Undated B' });
    await createTask(am, { title: 'Second', dueAt: '2025-02-01T00:00:00Z' });

    async function walk(sort: string): Promise<string[]> {
      const titles: string[] = [];
      let cursor: string | null = null;
      do {
        const url: string = `/api/tasks?sort=${sort}&limit=2${cursor ? `&cursor=${cursor}` : ''}`;
        const page = (await am.request({ method: 'GET', url })).json() as { items: Task[]; nextCursor: string | null };
        titles.push(...page.items.map((task) => task.title));
        cursor = page.nextCursor;
      } while (cursor);
      return titles;
    }

    const ascending = await walk('dueAt');
    expect(ascending.slice(0, 3)).toEqual(['First', 'Second', 'Third']);
    expect(ascending.slice(3).sort()).toEqual(['Undated A', 'Undated B']);
    const descending = await walk('-dueAt');
    expect(descending.slice(0, 3)).toEqual(['Third', 'Second', 'First']);
    expect(descending.slice(3).sort()).toEqual(['Undated A', 'Undated B']);
  });

  it('hides a deleted task from reads and lists', async () => {
    const am = await h.makeUser('account_manager');
    const task = await createTask(am);
    const removed = await am.request({ method: 'DELETE', url: `/api/tasks/${task.id}?version=1` });
    expect(removed.statusCode).toBe(200);
    expect((await am.request({ method: 'GET', url: `/api/tasks/${task.id}` })).statusCode).toBe(404);
    expect((await am.request({ method: 'GET', url: `/api/tasks?assigneeId=${am.user.id}` })).json().items).toEqual([]);
  });

  it('writes an audit entry for every change', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const task = await createTask(am);
    await am.request({ method: 'PATCH', url: `/api/tasks/${task.id}`, payload: { status: 'done', version: 1 } });
    await am.request({ method: 'DELETE', url: `/api/tasks/${task.id}?version=2` });
    const log = (await admin.request({ method: 'GET', url: `/api/audit?recordType=task&recordId=${task.id}` })).json();
    // Entries written in the same millisecond have no defined order, so compare them as a set.
    const entries = log.items as { action: string; actorId: string; after: unknown }[];
    expect(entries.map((e) => `${e.action} by ${e.actorId}`).sort()).toEqual(['create', 'delete', 'update'].map((a) => `${a} by ${am.user.id}`));
    expect(entries.find((e) => e.action === 'update')?.after).toMatchObject({ status: 'done', version: 2 });
  });
});
