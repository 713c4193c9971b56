import { beforeEach, expect, it } from 'vitest';
import { replay } from '../../src/domain/stages.js';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, makeJourney, makeSolution, meetKnowledgeGates, testApp, type Account, type Journey, type TestApp } from '../support/app.js';

describeEachDatabase('journeys API', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  it('opens a journey in knowledge with a first history row', async () => {
    const am = await h.makeUser('account_manager');
    const { journey, account } = await makeJourney(h, am, { valueMinor: 150_000_000_00, currency: 'IDR' });
    expect(journey).toMatchObject({ stage: 'knowledge', outcome: 'open', ownerId: am.user.id, accountName: account.name, version: 1 });
    const history = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items;
    expect(history).toEqual([expect.objectContaining({ seq: 1, kind: 'open', fromStage: null, toStage: 'knowledge', actorId: am.user.id, aidasSteps: ['attention', 'interest'] })]);
  });

  it('moves a journey forward once the knowledge gates are met and appends the move to its history', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    await meetKnowledgeGates(am, journey);
    const moved = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1, note: 'IT assessment done' } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().journey).toMatchObject({ stage: 'persuasion', version: 2 });
    expect(moved.json().entry).toMatchObject({ seq: 2, kind: 'move', fromStage: 'knowledge', toStage: 'persuasion', rogersStage: 'persuasion', aidasSteps: ['desire'], note: 'IT assessment done' });
  });

  it('refuses a move that skips a stage with 422 and the reason, leaving the journey as it was', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const refused = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'decision', version: 1 } });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().error).toMatchObject({ code: 'transition_not_allowed', details: { refusal: 'skips_stages' } });
    const after = json<Journey>(await am.request({ method: 'GET', url: `/api/journeys/${journey.id}` }));
    expect(after).toMatchObject({ stage: 'knowledge', version: 1 });
    expect((await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items).toHaveLength(1);
  });

  it('rejects with a reason, refuses further moves, and reopens keeping both in history', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    const rejected = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'reject', reason: 'budget', version: 1 } });
    expect(rejected.json().journey).toMatchObject({ outcome: 'rejected', outcomeReason: 'budget' });
    const blocked = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 2 } });
    expect(blocked.json().error.details.refusal).toBe('journey_closed');
    const reopened = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'reopen', version: 2 } });
    expect(reopened.json().journey).toMatchObject({ outcome: 'open', outcomeReason: null, version: 3 });
    const history = (await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items;
    expect(history.map((e: { kind: string }) => e.kind)).toEqual(['open', 'reject', 'reopen']);
    expect(replay('knowledge', history)).toEqual({ stage: 'knowledge', outcome: 'open' });
  });

  it('answers 409 to a transition with a stale version and appends nothing', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    await am.request({ method: 'PATCH', url: `/api/journeys/${journey.id}`, payload: { valueMinor: 10_000, version: 1 } });
    const stale = await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect((await am.request({ method: 'GET', url: `/api/journeys/${journey.id}/history` })).json().items).toHaveLength(1);
  });

  it('refuses a second live journey for the same account and solution', async () => {
    const am = await h.makeUser('account_manager');
    const { account, solution } = await makeJourney(h, am);
    const again = await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: solution.id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_exists');
  });

  it('names the field when a journey refers to a missing account or an unknown currency', async () => {
    const am = await h.makeUser('account_manager');
    const solution = await makeSolution(h);
    const missing = await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId: 'nope', solutionId: solution.id } });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.details.issues[0].field).toBe('body.accountId');
    const account = json<Account>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
    const badCurrency = await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId: account.id, solutionId: solution.id, currency: 'XYZ' } });
    expect(badCurrency.statusCode).toBe(400);
    expect(badCurrency.json().error.details.issues[0].field).toBe('body.currency');
  });

  it('keeps the stage history append-only in the database itself', async () => {
    const am = await h.makeUser('account_manager');
    const { journey } = await makeJourney(h, am);
    await expect(t.db.kysely.updateTable('journey_stage_history').set({ note: 'rewritten' }).where('journey_id', '=', journey.id).execute()).rejects.toThrow(/append-only/);
    await expect(t.db.kysely.deleteFrom('journey_stage_history').where('journey_id', '=', journey.id).execute()).rejects.toThrow(/append-only/);
  });

  it('filters the list by stage, solution and owner', async () => {
    const am = await h.makeUser('account_manager');
    const other = await h.makeUser('account_manager');
    const { journey, solution } = await makeJourney(h, am);
    await makeJourney(h, other);
    await meetKnowledgeGates(am, journey);
    await am.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } });
    const list = (await am.request({ method: 'GET', url: `/api/journeys?stage=persuasion&solutionId=${solution.id}&ownerId=${am.user.id}` })).json();
    expect(list.items.map((j: Journey) => j.id)).toEqual([journey.id]);
    const none = (await am.request({ method: 'GET', url: `/api/journeys?stage=knowledge&ownerId=${am.user.id}` })).json();
    expect(none.items).toEqual([]);
  });

  it('totals the pipeline in rupiah, converting dollars at the rate in force on the date', async () => {
    const admin = await h.makeUser('admin');
    await makeJourney(h, admin, { valueMinor: 1_000_000_00, currency: 'IDR' });
    await makeJourney(h, admin, { valueMinor: 100_00, currency: 'USD' });
    const missing = await admin.request({ method: 'GET', url: '/api/journeys/summary?asOf=2026-01-15' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().error).toMatchObject({ code: 'missing_exchange_rate', details: { currency: 'USD' } });
    await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-01-01', rate: 16_000 } });
    await admin.request({ method: 'PUT', url: '/api/exchange-rates', payload: { currency: 'USD', validFrom: '2026-02-01', rate: 16_500 } });
    const january = (await admin.request({ method: 'GET', url: '/api/journeys/summary?asOf=2026-01-15' })).json();
    expect(january).toMatchObject({ currency: 'IDR', count: 2, totalMinor: 1_000_000_00 + 1_600_000_00 });
    const february = (await admin.request({ method: 'GET', url: '/api/journeys/summary?asOf=2026-02-15' })).json();
    expect(february.totalMinor).toBe(1_000_000_00 + 1_650_000_00);
    expect(february.byStage.find((s: { stage: string }) => s.stage === 'knowledge')).toMatchObject({ count: 2 });
  });

  it('lets a sales manager move a journey of their team but not of another team', async () => {
    const team = await h.makeTeam('SMB Team');
    const otherTeam = await h.makeTeam('Enterprise Team');
    const manager = await h.makeUser('sales_manager', { teamId: team.id });
    const amInTeam = await h.makeUser('account_manager', { teamId: team.id });
    const amElsewhere = await h.makeUser('account_manager', { teamId: otherTeam.id });
    const ours = (await makeJourney(h, amInTeam)).journey;
    const theirs = (await makeJourney(h, amElsewhere)).journey;
    await meetKnowledgeGates(amInTeam, ours);
    const allowed = await manager.request({ method: 'POST', url: `/api/journeys/${ours.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } });
    expect(allowed.statusCode).toBe(200);
    const forbidden = await manager.request({ method: 'POST', url: `/api/journeys/${theirs.id}/transitions`, payload: { kind: 'move', to: 'persuasion', version: 1 } });
    expect(forbidden.statusCode).toBe(403);
  });
});
