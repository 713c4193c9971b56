import { expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, contactInput, json, makeSolution, testApp, type Caller, type Journey } from '../support/app.js';

interface Matrix {
  solutions: Array<{ id: string; primarySegmentId: string | null }>;
  segments: Array<{ id: string; contacts: number; accounts: number }>;
  cells: Array<{ solutionId: string; segmentId: string; role: string | null; accountsWithJourney: number; accountsAdopted: number; conversion: number | null }>;
}

async function account(am: Caller, city: string, contacts: number): Promise<string> {
  const made = json<{ id: string }>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city }) }));
  for (let i = 0; i < contacts; i += 1) await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(made.id) });
  return made.id;
}

async function segment(marketer: Caller, city: string): Promise<string> {
  const response = await marketer.request({ method: 'POST', url: '/api/segments', payload: { name: `Kota ${city}`, rule: { field: 'account.city', op: 'eq', value: city } } });
  return json<{ id: string }>(response).id;
}

async function adopt(admin: Caller, journey: Journey) {
  let version = journey.version;
  for (const body of [{ kind: 'move', to: 'persuasion' }, { kind: 'move', to: 'decision' }, { kind: 'move', to: 'implementation' }, { kind: 'move', to: 'confirmation' }, { kind: 'adopt' }]) {
    const moved = await admin.request({ method: 'POST', url: `/api/journeys/${journey.id}/transitions`, payload: { ...body, version, override: { reason: 'Uji matriks' } } });
    if (moved.statusCode !== 200) throw new Error(moved.body);
    version = moved.json().journey.version;
  }
}

describeEachDatabase('targeting', (t) => {
  it('shows each segment’s size and each cell’s conversion so far', async () => {
    const h = await testApp(t.db);
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const dc = await makeSolution(h, 'Data Center & Cloud Infrastructure');
    const security = await makeSolution(h, 'Adaptive Security Architecture');
    const a1 = await account(am, 'Surabaya', 2);
    const a2 = await account(am, 'Surabaya', 1);
    const a3 = await account(am, 'Medan', 1);
    const surabaya = await segment(marketer, 'Surabaya');
    const medan = await segment(marketer, 'Medan');

    const open = async (accountId: string, solutionId: string) => json<Journey>(await am.request({ method: 'POST', url: '/api/journeys', payload: { accountId, solutionId } }));
    await adopt(admin, await open(a1, dc.id));
    await open(a2, dc.id);
    await open(a3, security.id);

    const matrix = json<Matrix>(await am.request({ method: 'GET', url: '/api/targeting' }));
    expect(matrix.segments.find((s) => s.id === surabaya)).toMatchObject({ contacts: 3, accounts: 2 });
    expect(matrix.segments.find((s) => s.id === medan)).toMatchObject({ contacts: 1, accounts: 1 });
    expect(matrix.cells).toHaveLength(4);
    const cell = (solutionId: string, segmentId: string) => matrix.cells.find((c) => c.solutionId === solutionId && c.segmentId === segmentId);
    expect(cell(dc.id, surabaya)).toEqual({ solutionId: dc.id, segmentId: surabaya, role: null, accountsWithJourney: 2, accountsAdopted: 1, conversion: 0.5 });
    expect(cell(security.id, surabaya)).toMatchObject({ accountsWithJourney: 0, accountsAdopted: 0, conversion: null });
    expect(cell(security.id, medan)).toMatchObject({ accountsWithJourney: 1, accountsAdopted: 0, conversion: 0 });
  });

  it('keeps one primary segment per solution: a new primary demotes the old one to secondary', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const dc = await makeSolution(h);
    await account(am, 'Bogor', 1);
    const bogor = await segment(marketer, 'Bogor');
    const depok = await segment(marketer, 'Depok');

    const first = await marketer.request({ method: 'PUT', url: `/api/targeting/${dc.id}/${bogor}`, payload: { role: 'primary' } });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toEqual({ solutionId: dc.id, segmentId: bogor, role: 'primary' });
    await marketer.request({ method: 'PUT', url: `/api/targeting/${dc.id}/${depok}`, payload: { role: 'primary' } });

    const matrix = json<Matrix>(await marketer.request({ method: 'GET', url: '/api/targeting' }));
    expect(matrix.solutions.find((s) => s.id === dc.id)?.primarySegmentId).toBe(depok);
    expect(matrix.cells.filter((c) => c.solutionId === dc.id).map((c) => [c.segmentId, c.role]).sort()).toEqual(
      [
        [bogor, 'secondary'],
        [depok, 'primary'],
      ].sort(),
    );

    const removed = await marketer.request({ method: 'DELETE', url: `/api/targeting/${dc.id}/${bogor}` });
    expect(removed.statusCode).toBe(200);
    const again = await marketer.request({ method: 'DELETE', url: `/api/targeting/${dc.id}/${bogor}` });
    expect(again.statusCode).toBe(404);
  });

  it('refuses unknown solutions, segments and roles with 400s naming them', async () => {
    const h = await testApp(t.db);
    const marketer = await h.makeUser('marcomm');
    const dc = await makeSolution(h);
    const bogor = await segment(marketer, 'Bogor');
    const noSolution = await marketer.request({ method: 'PUT', url: `/api/targeting/nope/${bogor}`, payload: { role: 'primary' } });
    expect(noSolution.json().error.details.issues).toEqual([{ field: 'params.solutionId', reason: 'is not a solution' }]);
    const noSegment = await marketer.request({ method: 'PUT', url: `/api/targeting/${dc.id}/nope`, payload: { role: 'primary' } });
    expect(noSegment.json().error.details.issues).toEqual([{ field: 'params.segmentId', reason: 'is not a segment' }]);
    const badRole = await marketer.request({ method: 'PUT', url: `/api/targeting/${dc.id}/${bogor}`, payload: { role: 'main' } });
    expect(badRole.statusCode).toBe(400);
    expect(badRole.json().error.details.issues[0].field).toBe('body.role');
  });

  it('lets campaign managers set targets and everyone else only read the matrix', async () => {
    const h = await testApp(t.db);
    const marketer = await h.makeUser('marcomm');
    const manager = await h.makeUser('sales_manager');
    const dc = await makeSolution(h);
    const bogor = await segment(marketer, 'Bogor');
    for (const role of ['account_manager', 'viewer', 'solution_architect'] as const) {
      const caller = await h.makeUser(role);
      expect((await caller.request({ method: 'PUT', url: `/api/targeting/${dc.id}/${bogor}`, payload: { role: 'primary' } })).statusCode).toBe(403);
      expect((await caller.request({ method: 'GET', url: '/api/targeting' })).statusCode).toBe(200);
    }
    expect((await manager.request({ method: 'PUT', url: `/api/targeting/${dc.id}/${bogor}`, payload: { role: 'secondary' } })).statusCode).toBe(200);
  });
});
