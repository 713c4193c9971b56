import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { activityInput, json, makeJourney, taskInput, testApp, type Caller, type Journey, type TestApp } from '../support/app.js';

describeEachDatabase('the team on a journey', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function teamOf() {
    const team = await h.makeTeam();
    const manager = await h.makeUser('sales_manager', { teamId: team.id });
    const am = await h.makeUser('account_manager', { teamId: team.id });
    return { team, manager, am };
  }

  async function patch(caller: Caller, journey: { id: string }, payload: Record<string, unknown>) {
    return caller.request({ method: 'PATCH', url: `/api/journeys/${journey.id}`, payload });
  }

  it('records one handoff with from, to, by and the note when a sales manager reassigns the SA', async () => {
    const { manager, am } = await teamOf();
    const first = await h.makeUser('solution_architect');
    const second = await h.makeUser('solution_architect');
    const { journey } = await makeJourney(h, am, { saId: first.user.id });

    const reassigned = await patch(manager, journey, { saId: second.user.id, handoffNote: 'Budi takes over: he knows the customer’s storage', version: journey.version });
    expect(reassigned.statusCode).toBe(200);
    expect(reassigned.json()).toMatchObject({ saId: second.user.id, version: journey.version + 1 });

    const handoffs = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/handoffs` })).json().items;
    expect(handoffs).toHaveLength(1);
    expect(handoffs[0]).toMatchObject({
      journeyId: journey.id,
      role: 'sa',
      fromUserId: first.user.id,
      toUserId: second.user.id,
      byUserId: manager.user.id,
      note: 'Budi takes over: he knows the customer’s storage',
    });
  });

  it('writes no handoff for other edits, and one per role when several change at once', async () => {
    const { manager, am } = await teamOf();
    const otherAm = await h.makeUser('account_manager', { teamId: manager.user.teamId });
    const marcomm = await h.makeUser('marcomm');
    const { journey } = await makeJourney(h, am);

    const valued = json<Journey>(await patch(am, journey, { valueMinor: 150_000_000, version: journey.version }));
    expect((await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/handoffs` })).json().items).toEqual([]);

    const moved = await patch(manager, valued, { ownerId: otherAm.user.id, marcommId: marcomm.user.id, version: valued.version });
    expect(moved.statusCode).toBe(200);
    const handoffs = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/handoffs` })).json().items;
    expect(handoffs.map((x: { role: string; fromUserId: string | null; toUserId: string | null; note: string | null }) => [x.role, x.fromUserId, x.toUserId, x.note]).sort()).toEqual([
      ['am', am.user.id, otherAm.user.id, null],
      ['marcomm', null, marcomm.user.id, null],
    ]);
  });

  it('keeps no handoff when the reassignment is refused, and names a bad handoff note', async () => {
    const { am } = await teamOf();
    const outsider = await h.makeUser('account_manager');
    const sa = await h.makeUser('solution_architect');
    const { journey } = await makeJourney(h, am);
    expect((await patch(outsider, journey, { saId: sa.user.id, version: journey.version })).statusCode).toBe(403);
    const blank = await patch(am, journey, { saId: sa.user.id, handoffNote: '   ', version: journey.version });
    expect(blank.statusCode).toBe(400);
    expect(blank.json().error.details.issues[0].field).toBe('body.handoffNote');
    expect((await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/handoffs` })).json().items).toEqual([]);
    expect((await am.request({ method: 'GET', url: '/api/journeys/nope/handoffs' })).statusCode).toBe(404);
  });

  it('records the principal’s contact person, versioned, and reads it back', async () => {
    const { am } = await teamOf();
    const viewer = await h.makeUser('viewer');
    const principal = await h.app.services.catalogue.createPrincipal(null, { name: 'Fortinet', website: null, country: 'US' });
    const { journey } = await makeJourney(h, am);
    const url = `/api/journeys/${journey.id}/principal-contact`;

    expect((await viewer.request({ method: 'GET', url })).json()).toEqual({ journeyId: journey.id, contact: null });

    const first = await am.request({ method: 'PUT', url, payload: { principalId: principal.id, name: 'Rina Wijaya', email: 'rina@vendor.example', phone: '0812-3456-7890', title: 'Channel Account Manager' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ journeyId: journey.id, principalId: principal.id, name: 'Rina Wijaya', phone: '+6281234567890', version: 1 });

    expect((await am.request({ method: 'PUT', url, payload: { name: 'Someone else' } })).statusCode).toBe(409);
    const second = await am.request({ method: 'PUT', url, payload: { name: 'Rina Wijaya', title: 'Partner Manager', version: 1 } });
    expect(second.json()).toMatchObject({ title: 'Partner Manager', principalId: null, email: null, version: 2 });
    expect((await am.request({ method: 'PUT', url, payload: { name: 'Rina', version: 1 } })).statusCode).toBe(409);

    expect((await viewer.request({ method: 'GET', url })).json().contact).toMatchObject({ name: 'Rina Wijaya', title: 'Partner Manager', version: 2 });
    expect((await viewer.request({ method: 'PUT', url, payload: { name: 'Rina', version: 2 } })).statusCode).toBe(403);
  });

  it('names the field when the principal contact is not valid', async () => {
    const { am } = await teamOf();
    const { journey } = await makeJourney(h, am);
    const url = `/api/journeys/${journey.id}/principal-contact`;
    const field = async (payload: Record<string, unknown>) => {
      const response = await am.request({ method: 'PUT', url, payload });
      expect(response.statusCode).toBe(400);
      return response.json().error.details.issues[0].field;
    };
    expect(await field({ email: 'rina@vendor.example' })).toBe('body.name');
    expect(await field({ name: 'Rina', email: 'not an email' })).toBe('body.email');
    expect(await field({ name: 'Rina', phone: 'call me' })).toBe('body.phone');
    expect(await field({ name: 'Rina', principalId: 'no-such-principal' })).toBe('body.principalId');
    expect((await am.request({ method: 'PUT', url: '/api/journeys/nope/principal-contact', payload: { name: 'Rina' } })).statusCode).toBe(404);
  });

  it('lists an SA’s open journeys by stage, the demos and meetings of the next 14 days and open tasks', async () => {
    const { manager, am } = await teamOf();
    const sa = await h.makeUser('solution_architect', { name: 'Sari SA' });
    const otherSa = await h.makeUser('solution_architect', { name: 'Tono SA' });
    const mine = await makeJourney(h, am, { saId: sa.user.id });
    const alsoMine = await makeJourney(h, am, { saId: sa.user.id });
    const theirs = await makeJourney(h, am, { saId: otherSa.user.id });
    const closed = await makeJourney(h, am, { saId: sa.user.id });
    expect((await am.request({ method: 'POST', url: `/api/journeys/${closed.journey.id}/transitions`, payload: { kind: 'reject', reason: 'budget', version: 1 } })).statusCode).toBe(200);

    const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();
    const log = async (journey: { id: string; accountId: string }, overrides: Record<string, unknown>) => {
      const response = await am.request({ method: 'POST', url: '/api/activities', payload: activityInput(journey.accountId, { journeyId: journey.id, ...overrides }) });
      expect(response.statusCode).toBe(201);
      return json<{ id: string }>(response);
    };
    const demo = await log(mine.journey, { type: 'demo', occurredAt: inDays(3), participants: { userIds: [sa.user.id], contactIds: [] } });
    const unlisted = await log(alsoMine.journey, { type: 'meeting', occurredAt: inDays(5) });
    const helping = await log(theirs.journey, { type: 'demo', occurredAt: inDays(2), participants: { userIds: [sa.user.id], contactIds: [] } });
    await log(mine.journey, { type: 'demo', occurredAt: inDays(20), participants: { userIds: [sa.user.id], contactIds: [] } });
    await log(mine.journey, { type: 'demo', occurredAt: inDays(-2), participants: { userIds: [sa.user.id], contactIds: [] } });
    await log(mine.journey, { type: 'call', occurredAt: inDays(1), participants: { userIds: [sa.user.id], contactIds: [] } });

    const task = json<{ id: string }>(await manager.request({ method: 'POST', url: '/api/tasks', payload: taskInput({ assigneeId: sa.user.id, dueAt: inDays(4) }) }));
    const done = json<{ id: string; version: number }>(await manager.request({ method: 'POST', url: '/api/tasks', payload: taskInput({ assigneeId: sa.user.id }) }));
    expect((await manager.request({ method: 'PATCH', url: `/api/tasks/${done.id}`, payload: { status: 'done', version: done.version } })).statusCode).toBe(200);

    const own = await sa.request({ method: 'GET', url: '/api/workload/sa' });
    expect(own.statusCode).toBe(200);
    expect(own.json().items).toHaveLength(1);
    const workload = own.json().items[0];
    expect(workload).toMatchObject({ saId: sa.user.id, name: 'Sari SA', openJourneys: 2 });
    expect(workload.byStage).toContainEqual({ stage: 'knowledge', count: 2 });
    expect(workload.journeys.map((j: { id: string }) => j.id).sort()).toEqual([mine.journey.id, alsoMine.journey.id].sort());
    expect(workload.upcoming.map((m: { id: string; saTakesPart: boolean }) => [m.id, m.saTakesPart])).toEqual([
      [helping.id, true],
      [demo.id, true],
      [unlisted.id, false],
    ]);
    expect(workload.openTasks.map((x: { id: string }) => x.id)).toEqual([task.id]);

    const all = (await manager.request({ method: 'GET', url: '/api/workload/sa' })).json().items;
    expect(all.map((w: { name: string; openJourneys: number }) => [w.name, w.openJourneys])).toEqual([
      ['Sari SA', 2],
      ['Tono SA', 1],
    ]);
    const one = (await manager.request({ method: 'GET', url: `/api/workload/sa?saId=${otherSa.user.id}` })).json().items;
    expect(one.map((w: { saId: string }) => w.saId)).toEqual([otherSa.user.id]);
  });

  it('lets an SA see only their own workload, refuses account managers, and names a bad saId', async () => {
    const { manager, am } = await teamOf();
    const sa = await h.makeUser('solution_architect');
    const otherSa = await h.makeUser('solution_architect');
    expect((await sa.request({ method: 'GET', url: `/api/workload/sa?saId=${otherSa.user.id}` })).statusCode).toBe(403);
    expect((await sa.request({ method: 'GET', url: `/api/workload/sa?saId=${sa.user.id}` })).statusCode).toBe(200);
    expect((await am.request({ method: 'GET', url: '/api/workload/sa' })).statusCode).toBe(403);
    const notSa = await manager.request({ method: 'GET', url: `/api/workload/sa?saId=${am.user.id}` });
    expect(notSa.statusCode).toBe(400);
    expect(notSa.json().error.details.issues[0]).toMatchObject({ field: 'query.saId', reason: 'is not a solution architect' });
  });

  it('lets the team’s sales manager choose a journey’s pipeline, bumping its version, and refuses the AM', async () => {
    const { manager, am } = await teamOf();
    const admin = await h.makeUser('admin');
    const { journey } = await makeJourney(h, am);
    const before = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/pipeline` })).json();
    expect(before).toMatchObject({ journeyId: journey.id, chosenPipelineId: null, journeyVersion: 1, pipeline: { isDefault: true } });

    const created = await admin.request({
      method: 'POST',
      url: '/api/pipelines',
      payload: { name: 'Security line', solutionCategory: 'security', stages: before.pipeline.stages.map((s: { gates: unknown[] }) => ({ ...s, gates: [] })) },
    });
    expect(created.statusCode).toBe(201);
    const pipelineId = created.json().id;

    expect((await am.request({ method: 'PUT', url: `/api/journeys/${journey.id}/pipeline`, payload: { pipelineId, version: 1 } })).statusCode).toBe(403);
    const chosen = await manager.request({ method: 'PUT', url: `/api/journeys/${journey.id}/pipeline`, payload: { pipelineId, version: 1 } });
    expect(chosen.statusCode).toBe(200);
    expect(chosen.json()).toMatchObject({ chosenPipelineId: pipelineId, journeyVersion: 2, pipeline: { id: pipelineId } });
    expect((await manager.request({ method: 'PUT', url: `/api/journeys/${journey.id}/pipeline`, payload: { pipelineId: null, version: 1 } })).statusCode).toBe(409);
    const bad = await manager.request({ method: 'PUT', url: `/api/journeys/${journey.id}/pipeline`, payload: { pipelineId: 'nope', version: 2 } });
    expect(bad.json().error.details.issues[0].field).toBe('body.pipelineId');
    const gates = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json();
    expect(gates).toMatchObject({ pipelineId, unmet: [] });
  });
});
