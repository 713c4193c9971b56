import { describe, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { accountInput, contactInput, json, makeSolution, testApp, type Caller, type Journey, type TestApp } from '../support/app.js';

interface CampaignBody {
  id: string;
  status: string;
  version: number;
  audienceContacts: number;
  launchedAt: string | null;
}

/** Accounts owned by `am` in `city`, each with `contacts` contacts. */
async function accountsIn(am: Caller, city: string, count: number, contacts = 1) {
  const made: Array<{ accountId: string; contactIds: string[]; emails: string[] }> = [];
  for (let i = 0; i < count; i += 1) {
    const account = json<{ id: string }>(await am.request({ method: 'POST', url: '/api/accounts', payload: accountInput({ city }) }));
    const contactIds: string[] = [];
    const emails: string[] = [];
    for (let c = 0; c < contacts; c += 1) {
      const email = `kontak.${account.id.slice(-8)}.${c}@contoh.co.id`;
      const contact = await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { email }) });
      if (contact.statusCode !== 201) throw new Error(contact.body);
      contactIds.push(json<{ id: string }>(contact).id);
      emails.push(email);
    }
    made.push({ accountId: account.id, contactIds, emails });
  }
  return made;
}

async function segmentOfCity(marketer: Caller, city: string): Promise<string> {
  const response = await marketer.request({ method: 'POST', url: '/api/segments', payload: { name: `Kota ${city}`, rule: { field: 'account.city', op: 'eq', value: city } } });
  if (response.statusCode !== 201) throw new Error(response.body);
  return json<{ id: string }>(response).id;
}

async function launchedCampaign(h: TestApp, marketer: Caller, segmentId: string, overrides: Record<string, unknown> = {}) {
  const solution = (overrides.solutionId as string | undefined) ?? (await makeSolution(h)).id;
  const created = await marketer.request({
    method: 'POST',
    url: '/api/campaigns',
    payload: { name: 'Webinar Data Center 2024', type: 'webinar', channels: ['email', 'linkedin'], solutionId: solution, segmentId, budgetMinor: 1_000_000_000, ...overrides },
  });
  if (created.statusCode !== 201) throw new Error(created.body);
  const campaign = json<CampaignBody>(created);
  const launched = await marketer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/launch`, payload: { version: campaign.version } });
  if (launched.statusCode !== 200) throw new Error(launched.body);
  return { ...json<CampaignBody>(launched), solutionId: solution };
}

function respond(caller: Caller, campaignId: string, contactId: string, kind: string, at?: string) {
  return caller.request({ method: 'POST', url: `/api/campaigns/${campaignId}/responses`, payload: { contactId, kind, ...(at ? { at } : {}) } });
}

async function journeysOf(caller: Caller, accountId: string): Promise<Journey[]> {
  return json<{ items: Journey[] }>(await caller.request({ method: 'GET', url: `/api/journeys?accountId=${accountId}` })).items;
}

describeEachDatabase('campaigns', (t) => {
  it('launches a campaign by snapshotting its segment’s members, and refuses a second launch', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [first] = await accountsIn(am, 'Surabaya', 2, 2).then((a) => a);
    await accountsIn(am, 'Medan', 1);
    const segmentId = await segmentOfCity(marketer, 'Surabaya');

    const campaign = await launchedCampaign(h, marketer, segmentId);
    expect(campaign).toMatchObject({ status: 'launched', audienceContacts: 4 });
    expect(campaign.launchedAt).toEqual(expect.any(String));

    // Contacts added after the launch are not in the snapshot.
    await am.request({ method: 'POST', url: '/api/contacts', payload: contactInput(first!.accountId) });
    const audience = await marketer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/audience?limit=3` });
    expect(audience.statusCode).toBe(200);
    expect(audience.json()).toMatchObject({ contacts: 4, accounts: 2 });
    expect(audience.json().items).toHaveLength(3);
    const rest = await marketer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/audience?limit=3&cursor=${audience.json().nextCursor}` });
    expect(rest.json().items).toHaveLength(1);

    const again = await marketer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/launch`, payload: { version: campaign.version } });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('campaign_launched');
    const audit = await t.db.kysely.selectFrom('audit_log').select('action').where('record_id', '=', campaign.id).where('action', '=', 'launch').execute();
    expect(audit).toHaveLength(1);
  });

  it('opens a knowledge-stage journey on the first response and touches it on the next', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [account] = await accountsIn(am, 'Bandung', 1, 2);
    const campaign = await launchedCampaign(h, marketer, await segmentOfCity(marketer, 'Bandung'));

    const attended = await respond(marketer, campaign.id, account!.contactIds[0]!, 'attended');
    expect(attended.statusCode).toBe(201);
    expect(attended.json()).toMatchObject({ journeyOpened: true, response: { kind: 'attended', source: 'manual', journeyEffect: 'opened' } });
    const journeyId = attended.json().response.journeyId as string;
    const [journey] = await journeysOf(am, account!.accountId);
    expect(journey).toMatchObject({ id: journeyId, stage: 'knowledge', outcome: 'open', solutionId: campaign.solutionId, ownerId: am.user.id });

    const second = await respond(marketer, campaign.id, account!.contactIds[1]!, 'registered');
    expect(second.json()).toMatchObject({ journeyOpened: false, response: { journeyId, journeyEffect: 'touched' } });
    expect(await journeysOf(am, account!.accountId)).toHaveLength(1);

    const activities = json<{ items: Array<{ type: string; journeyId: string }> }>(await am.request({ method: 'GET', url: `/api/activities?journeyId=${journeyId}` })).items;
    expect(activities.map((a) => a.type).sort()).toEqual(['event_attendance', 'event_attendance']);

    const events = await t.db.kysely.selectFrom('domain_events').select(['type', 'payload']).where('type', '=', 'campaign.response').execute();
    expect(events).toHaveLength(2);
    const payload = typeof events[0]!.payload === 'string' ? JSON.parse(events[0]!.payload) : events[0]!.payload;
    expect(payload).toMatchObject({ campaignId: campaign.id, campaignType: 'webinar', kind: 'attended', accountId: account!.accountId, journeyId, solutionId: campaign.solutionId });

    const duplicate = await respond(marketer, campaign.id, account!.contactIds[0]!, 'attended');
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().error.code).toBe('already_exists');
  });

  it('records an invitation without opening a journey', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [account] = await accountsIn(am, 'Semarang', 1);
    const campaign = await launchedCampaign(h, marketer, await segmentOfCity(marketer, 'Semarang'));
    const invited = await respond(marketer, campaign.id, account!.contactIds[0]!, 'invited');
    expect(invited.json()).toMatchObject({ journeyOpened: false, response: { journeyId: null, journeyEffect: null } });
    expect(await journeysOf(am, account!.accountId)).toHaveLength(0);
  });

  it('refuses responses to a campaign that is not launched', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [account] = await accountsIn(am, 'Malang', 1);
    const draft = json<CampaignBody>(await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'Draf', type: 'event' } }));
    const response = await respond(marketer, draft.id, account!.contactIds[0]!, 'attended');
    expect(response.statusCode).toBe(409);
    expect(response.json().error.code).toBe('campaign_not_running');
    const launch = await marketer.request({ method: 'POST', url: `/api/campaigns/${draft.id}/launch`, payload: { version: draft.version } });
    expect(launch.statusCode).toBe(400);
    expect(launch.json().error.details.issues[0].field).toBe('body.segmentId');
  });

  it('imports a CSV all or nothing, naming the row and field of every problem', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const accounts = await accountsIn(am, 'Denpasar', 2);
    const campaign = await launchedCampaign(h, marketer, await segmentOfCity(marketer, 'Denpasar'));
    const [a, b] = accounts;

    const bad = [
      'email,kind,at',
      `${a!.emails[0]},attended,2024-05-02`,
      `${b!.emails[0]},danced,2024-05-02`,
      'nobody@contoh.co.id,registered,',
      `${b!.emails[0]},clicked,kemarin`,
    ].join('\n');
    const refused = await marketer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/responses/import`, headers: { 'content-type': 'text/csv' }, payload: bad });
    expect(refused.statusCode).toBe(400);
    const rows = refused.json().error.details.rows as Array<{ row: number; field: string }>;
    expect(rows.map((r) => [r.row, r.field])).toEqual([
      [3, 'kind'],
      [5, 'at'],
    ]);
    expect(refused.json().error.details.issues[0].field).toBe('body.csv.rows.3.kind');
    const unknown = await marketer.request({
      method: 'POST',
      url: `/api/campaigns/${campaign.id}/responses/import`,
      payload: { csv: `email,kind\n${a!.emails[0]},attended\nnobody@contoh.co.id,registered\n` },
    });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.details.rows).toEqual([{ row: 3, field: 'email', reason: 'matches no contact' }]);
    const written = await marketer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/responses` });
    expect(written.json().items).toHaveLength(0);
    expect(await journeysOf(am, a!.accountId)).toHaveLength(0);

    const good = [
      'contact_id,email,kind,at',
      `${a!.contactIds[0]},,attended,2024-05-02T10:00:00+07:00`,
      `,${b!.emails[0]!.toUpperCase()},registered,2024-05-01`,
      `${a!.contactIds[0]},,attended,2024-05-02T10:00:00+07:00`,
    ].join('\r\n');
    const imported = await marketer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/responses/import`, headers: { 'content-type': 'text/csv' }, payload: good });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toEqual({ imported: 2, skipped: 1, journeysOpened: 2 });
    const list = json<{ items: Array<{ kind: string; source: string; at: string }> }>(await marketer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/responses` }));
    expect(list.items.map((r) => [r.kind, r.source, r.at])).toEqual([
      ['attended', 'csv', '2024-05-02T03:00:00.000Z'],
      ['registered', 'csv', '2024-04-30T17:00:00.000Z'],
    ]);
  });

  it('counts reach, responses, journeys and attributed value by hand', async () => {
    const h = await testApp(t.db);
    const admin = await h.makeUser('admin');
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [x, y, z] = await accountsIn(am, 'Makassar', 3);
    const segmentId = await segmentOfCity(marketer, 'Makassar');
    const webinar = await launchedCampaign(h, marketer, segmentId);
    const expo = await launchedCampaign(h, marketer, segmentId, { name: 'Pameran', type: 'event', solutionId: webinar.solutionId, budgetMinor: 0 });

    // X: webinar (first), then the expo (last). Y: webinar only, and Y adopts. Z: invited only.
    await respond(marketer, webinar.id, x!.contactIds[0]!, 'attended', '2024-06-01T03:00:00Z');
    await respond(marketer, expo.id, x!.contactIds[0]!, 'attended', '2024-06-05T03:00:00Z');
    await respond(marketer, webinar.id, y!.contactIds[0]!, 'registered', '2024-06-01T02:00:00Z');
    await respond(marketer, webinar.id, y!.contactIds[0]!, 'attended', '2024-06-01T03:00:00Z');
    await respond(marketer, webinar.id, z!.contactIds[0]!, 'invited', '2024-05-20T03:00:00Z');

    const [jx] = await journeysOf(am, x!.accountId);
    const [jy] = await journeysOf(am, y!.accountId);
    await am.request({ method: 'PATCH', url: `/api/journeys/${jx!.id}`, payload: { valueMinor: 100_000_000, version: jx!.version } });
    const patched = await am.request({ method: 'PATCH', url: `/api/journeys/${jy!.id}`, payload: { valueMinor: 50_000_000, version: jy!.version } });
    let version = json<Journey>(patched).version;
    for (const body of [
      { kind: 'move', to: 'persuasion' },
      { kind: 'move', to: 'decision' },
      { kind: 'move', to: 'implementation' },
      { kind: 'move', to: 'confirmation' },
      { kind: 'adopt' },
    ]) {
      const moved = await admin.request({ method: 'POST', url: `/api/journeys/${jy!.id}/transitions`, payload: { ...body, version, override: { reason: 'Uji hasil kampanye' } } });
      expect(moved.statusCode).toBe(200);
      version = moved.json().journey.version;
    }

    const results = await marketer.request({ method: 'GET', url: `/api/campaigns/${webinar.id}/results` });
    expect(results.statusCode).toBe(200);
    expect(results.json()).toMatchObject({
      currency: 'IDR',
      reach: { contacts: 3, accounts: 3 },
      responses: { invited: 1, registered: 1, attended: 2, clicked: 0, replied: 0 },
      respondents: 2,
      journeys: { opened: 2, touched: 2, advanced: 1, adopted: 1 },
      attribution: {
        first_touch: { pipelineMinor: 100_000_000, wonMinor: 50_000_000 },
        last_touch: { pipelineMinor: 0, wonMinor: 50_000_000 },
        linear: { pipelineMinor: 50_000_000, wonMinor: 50_000_000 },
      },
      budgetMinor: 1_000_000_000,
      costPerJourneyMinor: 500_000_000,
      roi: { first_touch: -0.95, last_touch: -0.95, linear: -0.95 },
    });

    const expoResults = json<Record<string, unknown>>(await marketer.request({ method: 'GET', url: `/api/campaigns/${expo.id}/results` }));
    expect(expoResults).toMatchObject({
      journeys: { opened: 0, touched: 1, advanced: 0, adopted: 0 },
      attribution: {
        first_touch: { pipelineMinor: 0, wonMinor: 0 },
        last_touch: { pipelineMinor: 100_000_000, wonMinor: 0 },
        linear: { pipelineMinor: 50_000_000, wonMinor: 0 },
      },
      costPerJourneyMinor: null,
      roi: { first_touch: null, last_touch: null, linear: null },
    });
  });

  it('records a response from an inbound hook through recordResponse, on behalf of the campaign’s owner', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const marketer = await h.makeUser('marcomm');
    const [account] = await accountsIn(am, 'Cirebon', 1);
    const campaign = await launchedCampaign(h, marketer, await segmentOfCity(marketer, 'Cirebon'), { type: 'campaign', channels: ['whatsapp_business'] });
    const { transact } = await import('../../src/services/context.js');
    const { recordResponse } = await import('../../src/services/campaigns.service.js');
    const input = { campaignId: campaign.id, contactId: account!.contactIds[0]!, kind: 'replied' as const, source: 'hook' as const };
    const first = await transact(h.deps, (repos) => recordResponse(repos, h.deps, null, input));
    expect(first).toMatchObject({ created: true, journeyOpened: true, response: { source: 'hook', journeyEffect: 'opened' } });
    const again = await transact(h.deps, (repos) => recordResponse(repos, h.deps, null, input));
    expect(again).toMatchObject({ created: false, journeyOpened: false, response: { id: first.response.id } });
    const history = json<{ items: Array<{ kind: string; actorId: string }> }>(await am.request({ method: 'GET', url: `/api/journeys/${first.response.journeyId}/history` }));
    expect(history.items.map((e) => [e.kind, e.actorId])).toEqual([['open', marketer.user.id]]);
    const activities = json<{ items: Array<{ type: string }> }>(await am.request({ method: 'GET', url: `/api/activities?journeyId=${first.response.journeyId}` })).items;
    expect(activities.map((a) => a.type)).toEqual(['email']);
  });

  it('refuses bad input with 400s naming the fields', async () => {
    const h = await testApp(t.db);
    const marketer = await h.makeUser('marcomm');
    const bad = await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'podcast', channels: ['email', 'email'], startsOn: '2024-05-02', endsOn: '2024-05-01', budgetMinor: -1 } });
    expect(bad.statusCode).toBe(400);
    const fields = (bad.json().error.details.issues as Array<{ field: string }>).map((i) => i.field).sort();
    expect(fields).toEqual(['body.budgetMinor', 'body.channels', 'body.type']);
    const dates = await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'event', startsOn: '2024-05-02', endsOn: '2024-05-01' } });
    expect(dates.json().error.details.issues).toEqual([{ field: 'body.endsOn', reason: 'must not be before startsOn' }]);

    const noSolution = await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'webinar', solutionId: 'nope' } });
    expect(noSolution.json().error.details.issues).toEqual([{ field: 'body.solutionId', reason: 'is not a solution' }]);
    const noSegment = await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'webinar', segmentId: 'nope' } });
    expect(noSegment.json().error.details.issues).toEqual([{ field: 'body.segmentId', reason: 'is not a segment' }]);

    const campaign = json<CampaignBody>(await marketer.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'webinar' } }));
    const kind = await respond(marketer, campaign.id, 'someone', 'liked');
    expect(kind.statusCode).toBe(400);
    expect(kind.json().error.details.issues[0].field).toBe('body.kind');
    const missing = await marketer.request({ method: 'GET', url: '/api/campaigns/nope' });
    expect(missing.statusCode).toBe(404);
  });

  it('lets campaign managers manage, AMs record responses for their own accounts, and viewers only read', async () => {
    const h = await testApp(t.db);
    const am = await h.makeUser('account_manager');
    const otherAm = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    const manager = await h.makeUser('sales_manager');
    const marketer = await h.makeUser('marcomm');
    const [mine] = await accountsIn(am, 'Palembang', 1);
    const [theirs] = await accountsIn(otherAm, 'Palembang', 1);
    const campaign = await launchedCampaign(h, manager, await segmentOfCity(marketer, 'Palembang'));

    for (const caller of [am, viewer]) {
      const create = await caller.request({ method: 'POST', url: '/api/campaigns', payload: { name: 'X', type: 'webinar' } });
      expect(create.statusCode).toBe(403);
    }
    expect((await viewer.request({ method: 'GET', url: '/api/campaigns' })).json().items).toHaveLength(1);
    expect((await viewer.request({ method: 'GET', url: `/api/campaigns/${campaign.id}/results` })).statusCode).toBe(200);
    expect((await respond(viewer, campaign.id, mine!.contactIds[0]!, 'attended')).statusCode).toBe(403);
    expect((await respond(am, campaign.id, theirs!.contactIds[0]!, 'attended')).statusCode).toBe(403);
    expect((await respond(am, campaign.id, mine!.contactIds[0]!, 'attended')).statusCode).toBe(201);
    expect((await respond(marketer, campaign.id, theirs!.contactIds[0]!, 'attended')).statusCode).toBe(201);
    const viewerImport = await viewer.request({ method: 'POST', url: `/api/campaigns/${campaign.id}/responses/import`, payload: { csv: `contact_id,kind\n${mine!.contactIds[0]},clicked` } });
    expect(viewerImport.statusCode).toBe(403);
  });
});

describe('campaign routes', () => {
  it('are documented in the OpenAPI document', async () => {
    const { openDatabase } = await import('../../src/db/database.js');
    const { migrateToLatest } = await import('../../src/db/migrate.js');
    const db = openDatabase({ sqliteFile: ':memory:' });
    await migrateToLatest(db);
    const h = await testApp(db);
    const doc = (await h.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/campaigns', '/api/campaigns/{id}/responses/import', '/api/campaigns/{id}/results']));
    await db.close();
  });
});
