import { beforeEach, expect, it } from 'vitest';
import { defaultRiskSolutionMap } from '../../src/domain/recommendations.js';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, testApp, type Account, type TestApp } from '../support/app.js';

describeEachDatabase('IT-environment assessments', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  async function account() {
    const admin = await h.makeUser('admin');
    return json<Account>(await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput() }));
  }

  const server = { category: 'compute', vendor: 'Dell', product: 'PowerEdge R740', productVersion: 'Gen 14', endOfLife: '2026-12-31', criticality: 5 };

  it('lets a solution architect record the inventory, refuses an account manager, and lets everyone read', async () => {
    const { id } = await account();
    const sa = await h.makeUser('solution_architect');
    const am = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');

    const created = await sa.request({ method: 'POST', url: `/api/accounts/${id}/inventory`, payload: server });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ ...server, accountId: id, version: 1 });
    const refused = await am.request({ method: 'POST', url: `/api/accounts/${id}/inventory`, payload: server });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.details).toMatchObject({ record: 'assessment' });

    const listed = (await viewer.request({ method: 'GET', url: `/api/accounts/${id}/inventory` })).json();
    expect(listed.items.map((i: { id: string }) => i.id)).toEqual([created.json().id]);

    const item = created.json();
    const patched = await sa.request({ method: 'PATCH', url: `/api/accounts/${id}/inventory/${item.id}`, payload: { criticality: 4, version: 1 } });
    expect(patched.json()).toMatchObject({ criticality: 4, version: 2 });
    expect((await sa.request({ method: 'PATCH', url: `/api/accounts/${id}/inventory/${item.id}`, payload: { criticality: 3, version: 1 } })).statusCode).toBe(409);
    expect((await am.request({ method: 'DELETE', url: `/api/accounts/${id}/inventory/${item.id}?version=2` })).statusCode).toBe(403);
    expect((await sa.request({ method: 'DELETE', url: `/api/accounts/${id}/inventory/${item.id}?version=2` })).statusCode).toBe(200);
    expect((await viewer.request({ method: 'GET', url: `/api/accounts/${id}/inventory` })).json().items).toEqual([]);
  });

  it('names the field when an inventory item or a risk is out of range, and 404s an unknown account', async () => {
    const { id } = await account();
    const sa = await h.makeUser('solution_architect');
    const badCriticality = await sa.request({ method: 'POST', url: `/api/accounts/${id}/inventory`, payload: { ...server, criticality: 6 } });
    expect(badCriticality.statusCode).toBe(400);
    expect(badCriticality.json().error.details.issues[0].field).toBe('body.criticality');
    const badCategory = await sa.request({ method: 'POST', url: `/api/accounts/${id}/risks`, payload: { threat: 'x', category: 'mainframe', likelihood: 2, impact: 2 } });
    expect(badCategory.json().error.details.issues[0].field).toBe('body.category');
    expect((await sa.request({ method: 'POST', url: '/api/accounts/nope/risks', payload: { threat: 'x', category: 'network', likelihood: 2, impact: 2 } })).statusCode).toBe(404);
  });

  it('records risks with their score and mitigation status, written by admins and solution architects only', async () => {
    const { id } = await account();
    const sa = await h.makeUser('solution_architect');
    const am = await h.makeUser('account_manager');
    const admin = await h.makeUser('admin');
    const risk = await sa.request({ method: 'POST', url: `/api/accounts/${id}/risks`, payload: { threat: 'Ransomware on file servers', category: 'security', likelihood: 4, impact: 5, ownerId: sa.user.id } });
    expect(risk.statusCode).toBe(201);
    expect(risk.json()).toMatchObject({ score: 20, mitigationStatus: 'open', ownerId: sa.user.id });
    expect((await am.request({ method: 'POST', url: `/api/accounts/${id}/risks`, payload: { threat: 'x', category: 'network', likelihood: 1, impact: 1 } })).statusCode).toBe(403);
    const mitigated = await admin.request({ method: 'PATCH', url: `/api/accounts/${id}/risks/${risk.json().id}`, payload: { mitigationStatus: 'mitigated', version: 1 } });
    expect(mitigated.json()).toMatchObject({ mitigationStatus: 'mitigated', version: 2 });
    expect((await am.request({ method: 'GET', url: `/api/accounts/${id}/risks` })).json().items).toHaveLength(1);
  });

  it('ranks recommended solutions by risk score, leaving out what the account already has in progress', async () => {
    const admin = await h.makeUser('admin');
    const sa = await h.makeUser('solution_architect');
    const { id } = await account();
    const solution = async (name: string, category: string) => json<{ id: string }>(await admin.request({ method: 'POST', url: '/api/solutions', payload: { name, category } }));
    const security = await solution('Adaptive Security Architecture', 'security');
    const dataCenter = await solution('Data Center & Cloud Infrastructure', 'data_center');
    const network = await solution('SD-WAN Branch Connectivity', 'networking');
    const collaboration = await solution('Unified Collaboration', 'collaboration');

    for (const risk of [
      { threat: 'Branch links drop during peak hours', category: 'network', likelihood: 3, impact: 3 },
      { threat: 'Ransomware on file servers', category: 'security', likelihood: 4, impact: 5 },
      { threat: 'Storage array past end of support', category: 'storage', likelihood: 2, impact: 4 },
      { threat: 'Video calls on consumer tools', category: 'collaboration', likelihood: 5, impact: 5, mitigationStatus: 'accepted' },
    ]) {
      expect((await sa.request({ method: 'POST', url: `/api/accounts/${id}/risks`, payload: risk })).statusCode).toBe(201);
    }
    const ranked = (await sa.request({ method: 'GET', url: `/api/accounts/${id}/recommendations` })).json();
    expect(ranked.items.map((r: { solutionId: string; score: number }) => [r.solutionId, r.score])).toEqual([
      [security.id, 20],
      [network.id, 9],
      [dataCenter.id, 8],
    ]);
    expect(ranked.items[0].reasons).toEqual([expect.objectContaining({ threat: 'Ransomware on file servers', category: 'security', score: 20 })]);
    expect(ranked.items.some((r: { solutionId: string }) => r.solutionId === collaboration.id)).toBe(false);

    await admin.request({ method: 'POST', url: '/api/journeys', payload: { accountId: id, solutionId: security.id } });
    const after = (await sa.request({ method: 'GET', url: `/api/accounts/${id}/recommendations` })).json();
    expect(after.items.map((r: { solutionId: string }) => r.solutionId)).toEqual([network.id, dataCenter.id]);
  });

  it('lets only an admin change the risk → solution map', async () => {
    const admin = await h.makeUser('admin');
    const sa = await h.makeUser('solution_architect');
    const current = (await sa.request({ method: 'GET', url: '/api/risk-solution-map' })).json();
    expect(current.items).toHaveLength(defaultRiskSolutionMap.length);
    const next = [{ riskCategory: 'data', solutionCategory: 'analytics' }];
    expect((await sa.request({ method: 'PUT', url: '/api/risk-solution-map', payload: { items: next } })).statusCode).toBe(403);
    try {
      const replaced = await admin.request({ method: 'PUT', url: '/api/risk-solution-map', payload: { items: next } });
      expect(replaced.json().items).toEqual(next);
    } finally {
      // The map is workspace data that outlives one test on PostgreSQL: put the default back.
      await admin.request({ method: 'PUT', url: '/api/risk-solution-map', payload: { items: defaultRiskSolutionMap } });
    }
  });
});
