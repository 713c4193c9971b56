import { beforeEach, expect, it } from 'vitest';
import { replay } from '../../src/domain/stages.js';
import { describeEachDatabase } from '../support/databases.js';
import { activityInput, json, makeJourney, meetKnowledgeGates, testApp, type Caller, type Journey, type TestApp } from '../support/app.js';

const move = (to: string, version: number, extra: Record<string, unknown> = {}) => ({ kind: 'move', to, version, ...extra });

describeEachDatabase('stage gates and the playbook', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function transition(caller: Caller, journeyId: string, payload: Record<string, unknown>) {
    return caller.request({ method: 'POST', url: `/api/journeys/${journeyId}/transitions`, payload });
  }

  it('refuses to leave knowledge with 422 naming the unmet gates, then moves once the evidence exists', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);

    const refused = await transition(am, journey.id, move('persuasion', 1));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.code).toBe('gates_unmet');
    expect(refused.json().error.details.unmet.map((g: { stage: string; gateId: string }) => `${g.stage}/${g.gateId}`)).toEqual([
      'knowledge/contact-persona',
      'knowledge/first-touch',
    ]);
    expect(refused.json().error.message).toBe('Perjalanan ini belum memenuhi syarat tahap yang akan ditinggalkan.');
    expect((await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items).toHaveLength(1);

    await meetKnowledgeGates(am, journey);
    const moved = await transition(am, journey.id, move('persuasion', 1));
    expect(moved.statusCode).toBe(200);
    expect(moved.json().entry).toMatchObject({ kind: 'move', toStage: 'persuasion', rogersStage: 'persuasion', aidasSteps: ['desire'], overrideReason: null, unmetGates: null, pipelineVersion: 1 });
    expect(moved.json().entry.pipelineId).toBeTruthy();
  });

  it('shows the current stage’s checklist with its evidence', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const before = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json();
    expect(before).toMatchObject({ stage: 'knowledge', aidasSteps: ['attention', 'interest'], canOverride: false, met: [] });
    expect(before.unmet.map((c: { gate: { id: string } }) => c.gate.id)).toEqual(['contact-persona', 'first-touch']);

    const { contact, activity } = await meetKnowledgeGates(am, journey);
    const after = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json();
    expect(after.unmet).toEqual([]);
    expect(after.met.map((c: { evidence: unknown }) => c.evidence)).toEqual([[{ type: 'contact', id: contact.id }], [{ type: 'activity', id: activity.id }]]);
  });

  it('does not count an activity planned for later as evidence', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const nextWeek = new Date(Date.now() + 7 * 24 * 60 * 60 * 1000).toISOString();
    await am.request({ method: 'POST', url: '/api/activities', payload: activityInput(journey.accountId, { journeyId: journey.id, occurredAt: nextWeek }) });
    const checklist = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json();
    expect(checklist.unmet.map((c: { gate: { id: string } }) => c.gate.id)).toContain('first-touch');
  });

  it('refuses an override from an account manager, accepts one from the team’s sales manager, and keeps it in the history', async () => {
    const team = await h.makeTeam();
    const manager = await h.makeUser('sales_manager', { teamId: team.id });
    const am = await h.makeUser('account_manager', { teamId: team.id });
    const { journey } = await makeJourney(h, am);

    const byAm = await transition(am, journey.id, move('persuasion', 1, { override: { reason: 'The CIO already knows us' } }));
    expect(byAm.statusCode).toBe(403);
    expect(byAm.json().error.details).toMatchObject({ action: 'override_gate' });

    const noReason = await transition(manager, journey.id, move('persuasion', 1, { override: { reason: '   ' } }));
    expect(noReason.statusCode).toBe(400);
    expect(noReason.json().error.details.issues[0].field).toBe('body.override.reason');

    expect((await manager.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json().canOverride).toBe(true);
    const bySm = await transition(manager, journey.id, move('persuasion', 1, { override: { reason: 'Referral from the group CIO; persona follows' } }));
    expect(bySm.statusCode).toBe(200);
    const history = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items;
    expect(history[1]).toMatchObject({
      kind: 'move',
      actorId: manager.user.id,
      overrideReason: 'Referral from the group CIO; persona follows',
      unmetGates: [expect.objectContaining({ stage: 'knowledge', gateId: 'contact-persona' }), expect.objectContaining({ stage: 'knowledge', gateId: 'first-touch' })],
    });
    expect(history[0]).toMatchObject({ overrideReason: null, unmetGates: null });
    expect(replay('knowledge', history.slice(1))).toEqual({ stage: 'persuasion', outcome: 'open' });
  });

  it('leaves persuasion once a solution architect records a risk the solution addresses', async () => {
    const am = await h.makeUser('account_manager');
    const sa = await h.makeUser('solution_architect');
    const { journey, account } = await makeJourney(h, am);
    await meetKnowledgeGates(am, journey);
    await transition(am, journey.id, move('persuasion', 1));

    // A network risk does not make the case for a data-center solution; a storage risk does.
    await sa.request({ method: 'POST', url: `/api/accounts/${account.id}/risks`, payload: { threat: 'Core switch out of support', category: 'network', likelihood: 4, impact: 4 } });
    const refused = await transition(am, journey.id, move('decision', 2));
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error.details.unmet).toEqual([expect.objectContaining({ stage: 'persuasion', gateId: 'it-assessment', kind: 'it_assessment' })]);

    const storage = await sa.request({ method: 'POST', url: `/api/accounts/${account.id}/risks`, payload: { threat: 'SAN at 95% capacity', category: 'storage', likelihood: 5, impact: 4 } });
    expect(storage.statusCode).toBe(201);
    const moved = await transition(am, journey.id, move('decision', 2));
    expect(moved.statusCode).toBe(200);
    expect(moved.json().entry).toMatchObject({ toStage: 'decision', aidasSteps: ['action'] });
  });

  it('ticks a manual gate with a note, and refuses ticks on evidence gates and by outsiders', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const stranger = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am, { stage: 'implementation' });

    const checklist = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/gates` })).json();
    expect(checklist.unmet.map((c: { gate: { id: string } }) => c.gate.id)).toEqual(['kick-off', 'go-live']);

    expect((await stranger.request({ method: 'POST', url: `/api/journeys/${journey.id}/gates/go-live/tick`, payload: { note: 'Live' } })).statusCode).toBe(403);
    const wrongKind = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/gates/kick-off/tick`, payload: { note: 'Done' } });
    expect(wrongKind.statusCode).toBe(400);
    expect(wrongKind.json().error.details.issues[0].field).toBe('params.gateId');
    expect((await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/gates/nope/tick`, payload: { note: 'x' } })).statusCode).toBe(404);

    const ticked = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/gates/go-live/tick`, payload: { note: 'Production cut-over on 1 March' } });
    expect(ticked.statusCode).toBe(201);
    expect(ticked.json().tick).toMatchObject({ gateId: 'go-live', note: 'Production cut-over on 1 March', tickedBy: am.user.id });
    expect(ticked.json().checklist.unmet.map((c: { gate: { id: string } }) => c.gate.id)).toEqual(['kick-off']);

    await am.request({ method: 'POST', url: '/api/activities', payload: activityInput(journey.accountId, { type: 'implementation_session', journeyId: journey.id }) });
    const moved = await transition(am, journey.id, move('confirmation', 1));
    expect(moved.statusCode).toBe(200);

    // Adoption leaves confirmation: it needs the satisfaction survey, or an admin's override.
    const adopt = await transition(am, journey.id, { kind: 'adopt', version: 2 });
    expect(adopt.json().error).toMatchObject({ code: 'gates_unmet', details: { unmet: [expect.objectContaining({ gateId: 'satisfaction' })] } });
    const adopted = await transition(admin, journey.id, { kind: 'adopt', version: 2, override: { reason: 'Survey done by the principal' } });
    expect(adopted.json().entry).toMatchObject({ kind: 'adopt', outcome: 'adopted', overrideReason: 'Survey done by the principal' });
  });

  it('explains the next best actions for the journey’s stage', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const response = await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/next-best-actions` });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ journeyId: journey.id, stage: 'knowledge' });
    expect(response.json().items.map((a: { code: string }) => a.code)).toEqual(['record_contact_persona', 'make_personal_touch']);
    expect(response.json().items[0].explanation).toEqual({ en: expect.any(String), id: expect.any(String) });
  });

  it('serves the default pipeline and keeps history rows on the version they were written under', async () => {
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const pipelines = (await am.request({ method: 'GET', url: '/api/pipelines' })).json().items;
    const fallback = pipelines.find((p: { isDefault: boolean }) => p.isDefault);
    expect(fallback.stages.map((s: { stage: string }) => s.stage)).toEqual(['knowledge', 'persuasion', 'decision', 'implementation', 'confirmation']);

    // A security-line pipeline whose knowledge stage asks only for an expected decision date.
    const stages = fallback.stages.map((s: { stage: string; gates: unknown[] }) =>
      s.stage === 'knowledge'
        ? { ...s, aidasSteps: ['attention'], gates: [{ id: 'decision-date', kind: 'field_set', field: 'expectedDecisionDate', label: { en: 'Decision date', id: 'Tanggal keputusan' } }] }
        : s,
    );
    expect((await am.request({ method: 'POST', url: '/api/pipelines', payload: { name: 'Security line', solutionCategory: 'security', stages } })).statusCode).toBe(403);
    const created = await admin.request({ method: 'POST', url: '/api/pipelines', payload: { name: `Security line ${t.dialect}`, solutionCategory: 'security', stages } });
    expect(created.statusCode).toBe(201);
    const pipeline = created.json();

    const solution = json<{ id: string }>(await admin.request({ method: 'POST', url: '/api/solutions', payload: { name: 'Adaptive Security Architecture', category: 'security' } }));
    const account = json<{ id: string }>(await am.request({ method: 'POST', url: '/api/accounts', payload: { name: 'PT Bank Sejahtera', industry: 'banking', sizeBand: '250-999', tier: 'enterprise', city: 'Medan', province: 'Sumatera Utara', region: 'sumatra', relationship: 'new_logo' } }));
    const journey = json<Journey>(await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: solution.id, expectedDecisionDate: '2026-06-30' } }));
    const opened = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items[0];
    expect(opened).toMatchObject({ pipelineId: pipeline.id, pipelineVersion: 1, aidasSteps: ['attention'] });

    const changed = await admin.request({ method: 'PATCH', url: `/api/pipelines/${pipeline.id}`, payload: { stages: fallback.stages, version: 1 } });
    expect(changed.json()).toMatchObject({ version: 2 });
    expect((await admin.request({ method: 'PATCH', url: `/api/pipelines/${pipeline.id}`, payload: { name: 'Stale', version: 1 } })).statusCode).toBe(409);

    const history = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items;
    expect(history[0]).toMatchObject({ pipelineVersion: 1, aidasSteps: ['attention'] });
    // The new version asks for the default gates again.
    expect((await transition(am, journey.id, move('persuasion', 1))).json().error.code).toBe('gates_unmet');
  });
});
