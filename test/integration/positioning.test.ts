import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { makeSolution, testApp, type TestApp } from '../support/app.js';

describeEachDatabase('positioning: value pillars and persona messages', (t) => {
  let h: TestApp;
  beforeEach(async () => {
    h = await testApp(t.db);
  });

  const pillars = [
    { pillar: 'product_leadership', statementId: 'Arsitektur keamanan adaptif dari principal terdepan.', statementEn: 'Adaptive security architecture from leading principals.' },
    { pillar: 'customer_experience', statementId: 'Didampingi dari penilaian hingga go-live.', statementEn: 'Accompanied from assessment to go-live.' },
  ];

  it('saves pillar statements and reads them back with the persona messages, in the shape the call script reads', async () => {
    const solution = await makeSolution(h);
    const specialist = await h.makeUser('product_specialist');
    const am = await h.makeUser('account_manager');

    const empty = (await am.request({ method: 'GET', url: `/api/solutions/${solution.id}/positioning` })).json();
    expect(empty).toEqual({ solutionId: solution.id, version: 0, pillars: [], messages: [] });

    const saved = await specialist.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars: [...pillars].reverse() } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ version: 1, pillars });

    const message = await specialist.request({
      method: 'POST',
      url: `/api/solutions/${solution.id}/persona-messages`,
      payload: { proficiency: 'beginner', division: 'hr', textId: 'Lindungi data karyawan tanpa repot.', textEn: 'Protect employee data without the hassle.' },
    });
    expect(message.statusCode, message.body).toBe(201);

    const read = (await am.request({ method: 'GET', url: `/api/solutions/${solution.id}/positioning` })).json();
    expect(read.pillars).toEqual(pillars);
    expect(read.messages).toEqual([
      expect.objectContaining({ id: message.json().id, proficiency: 'beginner', division: 'hr', textId: 'Lindungi data karyawan tanpa repot.', textEn: 'Protect employee data without the hassle.' }),
    ]);

    const stale = await specialist.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars: [] } });
    expect(stale.statusCode).toBe(409);
    const cleared = await specialist.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 1, pillars: pillars.slice(0, 1) } });
    expect(cleared.json()).toMatchObject({ version: 2, pillars: pillars.slice(0, 1) });
  });

  it('lets marcomm, product specialists and admins write positioning, and refuses account managers and viewers', async () => {
    const solution = await makeSolution(h);
    for (const role of ['account_manager', 'viewer', 'solution_architect'] as const) {
      const caller = await h.makeUser(role);
      expect((await caller.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars } })).statusCode).toBe(403);
      expect(
        (await caller.request({ method: 'POST', url: `/api/solutions/${solution.id}/persona-messages`, payload: { proficiency: 'advanced', textId: 'a', textEn: 'a' } })).statusCode,
      ).toBe(403);
    }
    const marcomm = await h.makeUser('marcomm');
    const created = await marcomm.request({ method: 'POST', url: `/api/solutions/${solution.id}/persona-messages`, payload: { proficiency: 'advanced', textId: 'Arsitektur referensi', textEn: 'Reference architecture' } });
    expect(created.json()).toMatchObject({ division: null, position: 0, version: 1 });
    const id = created.json().id;
    const patched = await marcomm.request({ method: 'PATCH', url: `/api/solutions/${solution.id}/persona-messages/${id}`, payload: { division: 'it', version: 1 } });
    expect(patched.json()).toMatchObject({ division: 'it', version: 2 });
    expect((await marcomm.request({ method: 'PATCH', url: `/api/solutions/${solution.id}/persona-messages/${id}`, payload: { division: 'hr', version: 1 } })).statusCode).toBe(409);
    const admin = await h.makeUser('admin');
    expect((await admin.request({ method: 'DELETE', url: `/api/solutions/${solution.id}/persona-messages/${id}?version=2` })).statusCode).toBe(200);
    expect((await admin.request({ method: 'GET', url: `/api/solutions/${solution.id}/positioning` })).json().messages).toEqual([]);
  });

  it('answers 400 naming the field for a bad pillar or persona, and 404 for an unknown solution', async () => {
    const solution = await makeSolution(h);
    const marcomm = await h.makeUser('marcomm');
    const badPillar = await marcomm.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars: [{ ...pillars[0], pillar: 'cheapest' }] } });
    expect(badPillar.statusCode).toBe(400);
    expect(badPillar.json().error.details.issues[0].field).toBe('body.pillars.0.pillar');
    const twice = await marcomm.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars: [pillars[0], pillars[0]] } });
    expect(twice.json().error.details.issues[0].field).toBe('body.pillars');
    const emptyText = await marcomm.request({ method: 'PUT', url: `/api/solutions/${solution.id}/positioning`, payload: { version: 0, pillars: [{ ...pillars[0], statementEn: ' ' }] } });
    expect(emptyText.json().error.details.issues[0].field).toBe('body.pillars.0.statementEn');
    const badPersona = await marcomm.request({ method: 'POST', url: `/api/solutions/${solution.id}/persona-messages`, payload: { proficiency: 'expert', textId: 'a', textEn: 'a' } });
    expect(badPersona.json().error.details.issues[0].field).toBe('body.proficiency');
    expect((await marcomm.request({ method: 'GET', url: '/api/solutions/nope/positioning' })).statusCode).toBe(404);
    expect((await marcomm.request({ method: 'PUT', url: '/api/solutions/nope/positioning', payload: { version: 0, pillars } })).statusCode).toBe(404);
  });
});
