import { beforeEach, expect, it } from 'vitest';
import { stages } from '../../src/shared/vocabulary.js';
import { describeEachDatabase } from '../support/databases.js';
import { activityInput, contactInput, json, makeJourney, testApp, type Caller, type TestApp } from '../support/app.js';

interface Entry {
  id: string;
  stage: string;
  proficiency: string | null;
  division: string | null;
  kind: string;
  titleId: string;
  titleEn: string;
  relevance: number;
  contentItems: { id: string; title: string }[];
}

describeEachDatabase('playbook content per stage and persona', (t) => {
  let h: TestApp;
  let marcomm: Caller;
  beforeEach(async () => {
    h = await testApp(t.db);
    marcomm = await h.makeUser('marcomm');
  });

  let counter = 0;
  function entryInput(overrides: Record<string, unknown> = {}) {
    counter += 1;
    return {
      stage: 'persuasion',
      kind: 'talk_track',
      titleId: `Judul uji ${counter}`,
      titleEn: `Test title ${counter}`,
      bodyId: 'Isi dalam bahasa Indonesia.',
      bodyEn: 'Body in English.',
      ...overrides,
    };
  }

  async function create(caller: Caller, overrides: Record<string, unknown> = {}) {
    const response = await caller.request({ method: 'POST', url: '/api/playbook-entries', payload: entryInput(overrides) });
    if (response.statusCode !== 201) throw new Error(`entry not created: ${response.body}`);
    return json<Entry>(response);
  }

  it('ships a default playbook in Indonesian and English for every stage, with the risk-mitigation questions in persuasion', async () => {
    const viewer = await h.makeUser('viewer');
    const items = (await viewer.request({ method: 'GET', url: '/api/playbook-entries' })).json().items as (Entry & { bodyId: string; bodyEn: string })[];
    for (const stage of stages) {
      const kinds = new Set(items.filter((e) => e.stage === stage).map((e) => e.kind));
      expect(kinds.has('talk_track'), stage).toBe(true);
      expect(kinds.has('question'), stage).toBe(true);
    }
    for (const e of items) expect(e.titleId.length * e.titleEn.length * e.bodyId.length * e.bodyEn.length, e.id).toBeGreaterThan(0);
    expect(items.find((e) => e.stage === 'persuasion' && e.titleEn === 'Risk-mitigation questions')?.bodyId).toMatch(/rencana mitigasi risiko/);
    const objections = items.filter((e) => e.kind === 'objection').map((e) => e.titleEn);
    expect(objections).toEqual(expect.arrayContaining(['“We already have a vendor”', '“There is no budget”', '“The timing is not right”', '“A competitor is cheaper”']));
    expect(items.some((e) => e.proficiency === 'beginner') && items.some((e) => e.proficiency === 'advanced')).toBe(true);
  });

  it('picks the entries of the journey’s stage that fit its contacts’ personas, most specific first, with their linked content', async () => {
    const owner = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, owner, { stage: 'persuasion' });
    await owner.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { division: 'hr', techProficiency: 'beginner' }) });
    const caseStudy = json<{ id: string }>(await marcomm.request({ method: 'POST', url: '/api/content', payload: { title: 'Studi kasus HR', url: 'https://example.com/hr', language: 'id' } }));

    const generic = await create(marcomm, { kind: 'objection' });
    const forBeginners = await create(marcomm, { proficiency: 'beginner', kind: 'tip', contentItemIds: [caseStudy.id] });
    const forBeginnersInHr = await create(marcomm, { proficiency: 'beginner', division: 'hr', kind: 'question' });
    const forAdvanced = await create(marcomm, { proficiency: 'advanced' });
    const forIt = await create(marcomm, { division: 'it' });
    const otherStage = await create(marcomm, { stage: 'decision' });

    const playbook = (await owner.request({ method: 'GET', url: `/api/journeys/${journey.id}/playbook` })).json();
    expect(playbook).toMatchObject({ journeyId: journey.id, stage: 'persuasion', personas: [{ proficiency: 'beginner', division: 'hr', contacts: 1 }] });
    const entries = playbook.entries as Entry[];
    const ids = entries.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([generic.id, forBeginners.id, forBeginnersInHr.id]));
    expect(ids).not.toContain(forAdvanced.id);
    expect(ids).not.toContain(forIt.id);
    expect(ids).not.toContain(otherStage.id);
    expect(entries.every((e) => e.stage === 'persuasion' && e.proficiency !== 'advanced' && (e.division === null || e.division === 'hr'))).toBe(true);
    expect(ids.indexOf(forBeginnersInHr.id)).toBeLessThan(ids.indexOf(forBeginners.id));
    expect(ids.indexOf(forBeginners.id)).toBeLessThan(ids.indexOf(generic.id));
    expect(entries.map((e) => e.relevance)).toEqual([...entries.map((e) => e.relevance)].sort((a, b) => b - a));
    expect(entries.find((e) => e.id === forBeginners.id)?.contentItems).toEqual([expect.objectContaining({ id: caseStudy.id, title: 'Studi kasus HR' })]);
    // The seeded risk-mitigation questions for beginners reach this journey too.
    expect(entries.some((e) => e.titleEn === 'Risk mitigation in business terms')).toBe(true);

    // Once an IT contact takes part in the journey's activities, the playbook follows that persona.
    const itContact = json<{ id: string }>(await owner.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id, { division: 'it', techProficiency: 'advanced' }) }));
    await owner.request({ method: 'POST', url: '/api/activities', payload: activityInput(account.id, { journeyId: journey.id, participants: { contactIds: [itContact.id] } }) });
    const followed = (await owner.request({ method: 'GET', url: `/api/journeys/${journey.id}/playbook` })).json();
    expect(followed.personas).toEqual([{ proficiency: 'advanced', division: 'it', contacts: 1 }]);
    const followedIds = (followed.entries as Entry[]).map((e) => e.id);
    expect(followedIds).toEqual(expect.arrayContaining([forAdvanced.id, forIt.id, generic.id]));
    expect(followedIds).not.toContain(forBeginners.id);

    // Deleted content drops out of the entry's links.
    await marcomm.request({ method: 'DELETE', url: `/api/content/${caseStudy.id}?version=1` });
    expect((await owner.request({ method: 'GET', url: `/api/playbook-entries?stage=persuasion&kind=tip` })).json().items.find((e: Entry) => e.id === forBeginners.id).contentItemIds).toEqual([]);
    expect((await owner.request({ method: 'GET', url: '/api/journeys/nope/playbook' })).statusCode).toBe(404);
  });

  it('lets marcomm and product specialists edit playbook content, and refuses account managers and viewers', async () => {
    const am = await h.makeUser('account_manager');
    const viewer = await h.makeUser('viewer');
    expect((await am.request({ method: 'POST', url: '/api/playbook-entries', payload: entryInput() })).statusCode).toBe(403);
    expect((await viewer.request({ method: 'POST', url: '/api/playbook-entries', payload: entryInput() })).statusCode).toBe(403);

    const entry = await create(marcomm, { stage: 'knowledge' });
    const specialist = await h.makeUser('product_specialist');
    const patched = await specialist.request({ method: 'PATCH', url: `/api/playbook-entries/${entry.id}`, payload: { titleEn: 'Renamed', proficiency: 'advanced', version: 1 } });
    expect(patched.statusCode, patched.body).toBe(200);
    expect(patched.json()).toMatchObject({ titleEn: 'Renamed', proficiency: 'advanced', version: 2 });
    expect((await am.request({ method: 'PATCH', url: `/api/playbook-entries/${entry.id}`, payload: { titleEn: 'No', version: 2 } })).statusCode).toBe(403);
    expect((await marcomm.request({ method: 'PATCH', url: `/api/playbook-entries/${entry.id}`, payload: { titleEn: 'Stale', version: 1 } })).statusCode).toBe(409);
    expect((await am.request({ method: 'DELETE', url: `/api/playbook-entries/${entry.id}?version=2` })).statusCode).toBe(403);
    expect((await marcomm.request({ method: 'DELETE', url: `/api/playbook-entries/${entry.id}?version=2` })).statusCode).toBe(200);
    const listed = (await viewer.request({ method: 'GET', url: '/api/playbook-entries?stage=knowledge' })).json().items as Entry[];
    expect(listed.map((e) => e.id)).not.toContain(entry.id);
    expect(listed.length).toBeGreaterThan(0);
  });

  it('answers 400 naming the field for a bad stage, kind, empty title or unknown linked content', async () => {
    const field = async (payload: Record<string, unknown>) =>
      (await marcomm.request({ method: 'POST', url: '/api/playbook-entries', payload: entryInput(payload) })).json().error.details.issues[0].field;
    expect(await field({ stage: 'closing' })).toBe('body.stage');
    expect(await field({ kind: 'joke' })).toBe('body.kind');
    expect(await field({ titleId: '  ' })).toBe('body.titleId');
    expect(await field({ division: 'sales' })).toBe('body.division');
    expect(await field({ contentItemIds: ['nope'] })).toBe('body.contentItemIds.0');
    const badQuery = await marcomm.request({ method: 'GET', url: '/api/playbook-entries?stage=closing' });
    expect(badQuery.json().error.details.issues[0].field).toBe('query.stage');
  });
});
