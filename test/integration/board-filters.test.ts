import { beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, json, testApp, type Account, type Caller, type Journey, type TestApp } from '../support/app.js';

/**
 * The pipeline board's filters (issue 3): principal, team, city and tier next to solution and
 * owner, on GET /api/journeys and GET /api/journeys/summary. The workspace below is small
 * enough to count every answer by hand:
 *
 *   solutions   S1 (principal P1)   S2 (principals P1, P2)   S3 (no principal)
 *   accounts    A1 team T1, Jakarta Selatan, enterprise
 *               A2 team T2, Surabaya, smb
 *               A3 team T1, Surabaya, smb
 *   journeys    A1×S1  A1×S2  A2×S2  A2×S3  A3×S3  A3×S1
 */
describeEachDatabase('Pipeline board filters', (t) => {
  let h: TestApp;
  let admin: Caller;
  let ids: Record<string, string>;
  let journeys: Record<string, string>;

  beforeEach(async () => {
    h = await testApp(t.db);
    admin = await h.makeUser('admin');
    const t1 = await h.makeTeam('Tim SMB');
    const t2 = await h.makeTeam('Tim Enterprise');
    const catalogue = h.app.services.catalogue;
    const p1 = await catalogue.createPrincipal(null, { name: 'Vendor Satu', website: null, country: null });
    const p2 = await catalogue.createPrincipal(null, { name: 'Vendor Dua', website: null, country: null });
    const solution = (name: string, principalIds: string[]) => catalogue.createSolution(null, { name, category: 'data_center', description: null, launchDate: null, principalIds });
    const s1 = await solution('Solusi Satu', [p1.id]);
    const s2 = await solution('Solusi Dua', [p1.id, p2.id]);
    const s3 = await solution('Solusi Tiga', []);
    const account = async (teamId: string, city: string, tier: string) =>
      json<Account>(await admin.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ teamId, city, tier } as Partial<Account>) }));
    const a1 = await account(t1.id, 'Jakarta Selatan', 'enterprise');
    const a2 = await account(t2.id, 'Surabaya', 'smb');
    const a3 = await account(t1.id, 'Surabaya', 'smb');
    ids = { t1: t1.id, t2: t2.id, p1: p1.id, p2: p2.id, s1: s1.id, s2: s2.id, s3: s3.id };
    journeys = {};
    for (const [a, aName] of [
      [a1, 'A1'],
      [a2, 'A2'],
      [a3, 'A3'],
    ] as const) {
      for (const [s, sName] of [
        [s1, 'S1'],
        [s2, 'S2'],
        [s3, 'S3'],
      ] as const) {
        const name = `${aName}${sName}`;
        if (!['A1S1', 'A1S2', 'A2S2', 'A2S3', 'A3S3', 'A3S1'].includes(name)) continue;
        const created = await admin.request({ method: 'POST', url: '/api/journeys', payload: { accountId: a.id, solutionId: s.id } });
        expect(created.statusCode).toBe(201);
        journeys[name] = json<Journey>(created).id;
      }
    }
  });

  /** The journeys a query returns, by their names in the table above, sorted. */
  async function names(query: string): Promise<string[]> {
    const response = await admin.request({ method: 'GET', url: `/api/journeys?limit=200&${query}` });
    expect(response.statusCode).toBe(200);
    const byId = new Map(Object.entries(journeys).map(([name, id]) => [id, name]));
    return json<{ items: Journey[] }>(response)
      .items.map((j) => byId.get(j.id) ?? j.id)
      .sort();
  }

  it('keeps the journeys on solutions of the principal, once each when a solution has several principals', async () => {
    expect(await names(`principalId=${ids.p1}`)).toEqual(['A1S1', 'A1S2', 'A2S2', 'A3S1']);
    expect(await names(`principalId=${ids.p2}`)).toEqual(['A1S2', 'A2S2']);
    expect(await names(`principalId=${ids.p1},${ids.p2}`)).toEqual(['A1S1', 'A1S2', 'A2S2', 'A3S1']);
  });

  it('keeps the journeys whose account is in the team, the city or the tier', async () => {
    expect(await names(`teamId=${ids.t1}`)).toEqual(['A1S1', 'A1S2', 'A3S1', 'A3S3']);
    expect(await names(`teamId=${ids.t2}`)).toEqual(['A2S2', 'A2S3']);
    expect(await names('city=Surabaya')).toEqual(['A2S2', 'A2S3', 'A3S1', 'A3S3']);
    expect(await names('city=Jakarta%20Selatan,Surabaya')).toHaveLength(6);
    expect(await names('tier=enterprise')).toEqual(['A1S1', 'A1S2']);
    expect(await names('tier=smb')).toEqual(['A2S2', 'A2S3', 'A3S1', 'A3S3']);
  });

  it('combines the filters with each other and with solution, stage and outcome', async () => {
    expect(await names(`principalId=${ids.p2}&city=Surabaya`)).toEqual(['A2S2']);
    expect(await names(`teamId=${ids.t1}&tier=smb`)).toEqual(['A3S1', 'A3S3']);
    expect(await names(`solutionId=${ids.s1}&city=Surabaya&stage=knowledge&outcome=open`)).toEqual(['A3S1']);
    expect(await names(`principalId=${ids.p2}&tier=smb&teamId=${ids.t1}`)).toEqual([]);
  });

  it('pages a filtered board column with the keyset cursor, each journey exactly once', async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/journeys?principalId=${ids.p1}&stage=knowledge&outcome=open&sort=stageEnteredAt&limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
      const page = json<{ items: Journey[]; nextCursor: string | null }>(await admin.request({ method: 'GET', url }));
      seen.push(...page.items.map((j) => j.id));
      cursor = page.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(2);
    expect(seen.sort()).toEqual([journeys.A1S1, journeys.A1S2, journeys.A2S2, journeys.A3S1].sort());
  });

  it('counts the board’s column totals with the same filters', async () => {
    const summary = json<{ count: number; byStage: { stage: string; count: number }[] }>(
      await admin.request({ method: 'GET', url: `/api/journeys/summary?outcome=open&city=Surabaya&principalId=${ids.p1}` }),
    );
    expect(summary.count).toBe(2); // A2S2, A3S1
    expect(summary.byStage.find((s) => s.stage === 'knowledge')?.count).toBe(2);
  });

  it('answers a bad filter value with 400 naming the query parameter', async () => {
    const field = async (query: string) => {
      const response = await admin.request({ method: 'GET', url: `/api/journeys?${query}` });
      expect(response.statusCode).toBe(400);
      // A comma-separated parameter names the bad item too: query.tier.0 is the first tier given.
      return (response.json().error.details.issues[0].field as string).replace(/\.\d+$/, '');
    };
    expect(await field('tier=gold')).toBe('query.tier');
    expect(await field('principalId=')).toBe('query.principalId');
    expect(await field(`city=${'x'.repeat(101)}`)).toBe('query.city');
    expect(await field('teamId=,')).toBe('query.teamId');
    const summary = await admin.request({ method: 'GET', url: '/api/journeys/summary?tier=gold' });
    expect(summary.statusCode).toBe(400);
    expect(summary.json().error.details.issues[0].field).toBe('query.tier.0');
  });
});
