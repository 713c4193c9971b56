import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, expect, it } from 'vitest';
import { describeEachDatabase } from '../support/databases.js';
import { contactInput, json, makeJourney, makeSolution, testApp, type Caller, type Contact, type TestApp } from '../support/app.js';

// Uploads land under DIFUSI_DATA_DIR (buildApp's default data dir); each test file runs in its own process.
const dataDir = mkdtempSync(join(tmpdir(), 'difusi-content-'));
process.env.DIFUSI_DATA_DIR = dataDir;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

interface Part {
  name: string;
  value: string | Buffer;
  fileName?: string;
  type?: string;
}

/** A multipart/form-data request body, built by hand so the test controls every byte. */
function multipart(parts: Part[]) {
  const boundary = `----difusi${randomBytes(8).toString('hex')}`;
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const disposition = `form-data; name="${p.name}"${p.fileName !== undefined ? `; filename="${p.fileName}"` : ''}`;
    const head = `--${boundary}\r\nContent-Disposition: ${disposition}\r\n${p.type ? `Content-Type: ${p.type}\r\n` : ''}\r\n`;
    chunks.push(Buffer.from(head), Buffer.isBuffer(p.value) ? p.value : Buffer.from(p.value), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

function storedFiles(): string[] {
  const dir = join(dataDir, 'content');
  if (!existsSync(dir)) return [];
  const incoming = join(dir, '.incoming');
  return [...readdirSync(dir).filter((f) => f !== '.incoming'), ...(existsSync(incoming) ? readdirSync(incoming).map((f) => `.incoming/${f}`) : [])];
}

describeEachDatabase('the educational-content library', (t) => {
  let h: TestApp;
  let marcomm: Caller;
  beforeEach(async () => {
    rmSync(join(dataDir, 'content'), { recursive: true, force: true });
    h = await testApp(t.db);
    marcomm = await h.makeUser('marcomm');
  });

  function upload(caller: Caller, parts: Part[]) {
    return caller.request({ method: 'POST', url: '/api/content/uploads', ...multipart(parts) });
  }

  const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n'), randomBytes(50_000)]);
  const caseStudyFields = (extra: Part[] = []): Part[] => [
    { name: 'title', value: 'Studi kasus: Bank Nusantara' },
    { name: 'language', value: 'id' },
    { name: 'stages', value: 'persuasion,decision' },
    { name: 'proficiencies', value: 'beginner' },
    ...extra,
  ];

  it('stores an upload under the data dir, named by its id, and downloads the same bytes with the recorded sha256', async () => {
    const solution = await makeSolution(h);
    const created = await upload(marcomm, [...caseStudyFields([{ name: 'solutionIds', value: solution.id }]), { name: 'file', value: pdf, fileName: 'C:\\fakepath\\Studi Kasus Bank.pdf', type: 'application/pdf' }]);
    expect(created.statusCode, created.body).toBe(201);
    const item = created.json();
    const sha256 = createHash('sha256').update(pdf).digest('hex');
    expect(item).toMatchObject({
      kind: 'upload',
      title: 'Studi kasus: Bank Nusantara',
      language: 'id',
      fileName: 'Studi Kasus Bank.pdf',
      mimeType: 'application/pdf',
      sizeBytes: pdf.length,
      sha256,
      solutionIds: [solution.id],
      proficiencies: ['beginner'],
      stages: ['decision', 'persuasion'],
      shareCount: 0,
      version: 1,
    });
    expect(storedFiles()).toEqual([item.id]);

    const am = await h.makeUser('account_manager');
    const download = await am.request({ method: 'GET', url: `/api/content/${item.id}/file` });
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="Studi Kasus Bank.pdf"/);
    expect(Buffer.compare(download.rawPayload, pdf)).toBe(0);
    expect(createHash('sha256').update(download.rawPayload).digest('hex')).toBe(sha256);
    expect((await h.app.inject({ method: 'GET', url: `/api/content/${item.id}/file` })).statusCode).toBe(401);
  });

  it('refuses a type outside the allow-list and a file over 25 MB, naming body.file and keeping nothing on disk or in the database', async () => {
    const exe = await upload(marcomm, [...caseStudyFields(), { name: 'file', value: Buffer.from('MZ…'), fileName: 'setup.exe', type: 'application/x-msdownload' }]);
    expect(exe.statusCode).toBe(400);
    expect(exe.json().error.details.issues[0]).toMatchObject({ field: 'body.file' });

    const disguised = await upload(marcomm, [...caseStudyFields(), { name: 'file', value: pdf, fileName: 'report.exe', type: 'application/pdf' }]);
    expect(disguised.statusCode).toBe(400);
    expect(disguised.json().error.details.issues[0].field).toBe('body.file');

    const huge = Buffer.alloc(25 * 1024 * 1024 + 1, 1);
    const tooLarge = await upload(marcomm, [...caseStudyFields(), { name: 'file', value: huge, fileName: 'video.mp4', type: 'video/mp4' }]);
    expect(tooLarge.statusCode).toBe(413);
    expect(tooLarge.json().error).toMatchObject({ code: 'payload_too_large', details: { issues: [{ field: 'body.file' }] } });

    expect(storedFiles()).toEqual([]);
    expect((await marcomm.request({ method: 'GET', url: '/api/content' })).json().items).toEqual([]);
  });

  it('names the text field that is wrong, requires the file, and removes what it received', async () => {
    const noTitle = await upload(marcomm, [{ name: 'language', value: 'fr' }, { name: 'file', value: pdf, fileName: 'a.pdf', type: 'application/pdf' }]);
    expect(noTitle.statusCode).toBe(400);
    const fields = noTitle.json().error.details.issues.map((i: { field: string }) => i.field);
    expect(fields).toEqual(expect.arrayContaining(['body.title', 'body.language']));

    const badStage = await upload(marcomm, [...caseStudyFields([{ name: 'stages', value: 'closing' }]), { name: 'file', value: pdf, fileName: 'a.pdf', type: 'application/pdf' }]);
    expect(badStage.statusCode).toBe(400);
    expect(badStage.json().error.details.issues[0].field).toMatch(/^body\.stages/);

    const unknownSolution = await upload(marcomm, [...caseStudyFields([{ name: 'solutionIds', value: 'nope' }]), { name: 'file', value: pdf, fileName: 'a.pdf', type: 'application/pdf' }]);
    expect(unknownSolution.statusCode).toBe(400);
    expect(unknownSolution.json().error.details.issues[0].field).toBe('body.solutionIds.0');

    const noFile = await upload(marcomm, caseStudyFields());
    expect(noFile.statusCode).toBe(400);
    expect(noFile.json().error.details.issues[0].field).toBe('body.file');

    const json = await marcomm.request({ method: 'POST', url: '/api/content/uploads', payload: {} });
    expect(json.statusCode).toBe(400);
    expect(json.json().error.details.issues[0].field).toBe('body.file');

    expect(storedFiles()).toEqual([]);
    expect((await marcomm.request({ method: 'GET', url: '/api/content' })).json().items).toEqual([]);
  });

  it('lets marcomm and product specialists add content, and refuses account managers and viewers before reading the upload', async () => {
    const link = { title: 'Webinar: Zero Trust untuk pemula', url: 'https://www.youtube.com/watch?v=abc', language: 'id' };
    const specialist = await h.makeUser('product_specialist');
    expect((await specialist.request({ method: 'POST', url: '/api/content', payload: link })).statusCode).toBe(201);
    for (const role of ['account_manager', 'viewer'] as const) {
      const caller = await h.makeUser(role);
      expect((await caller.request({ method: 'POST', url: '/api/content', payload: link })).statusCode).toBe(403);
      const refused = await upload(caller, [...caseStudyFields(), { name: 'file', value: pdf, fileName: 'a.pdf', type: 'application/pdf' }]);
      expect(refused.statusCode).toBe(403);
    }
    expect(storedFiles()).toEqual([]);
    const badUrl = await marcomm.request({ method: 'POST', url: '/api/content', payload: { ...link, url: 'ftp://example.com/a.pdf' } });
    expect(badUrl.statusCode).toBe(400);
    expect(badUrl.json().error.details.issues[0].field).toBe('body.url');
  });

  it('filters by solution, persona, stage, language and text, counting untagged items as meant for everyone, and pages by cursor', async () => {
    const security = await makeSolution(h, 'Adaptive Security Architecture');
    const dataCenter = await makeSolution(h, 'Data Center & Cloud');
    const add = async (payload: Record<string, unknown>) =>
      json<{ id: string }>(await marcomm.request({ method: 'POST', url: '/api/content', payload: { url: 'https://example.com/x', language: 'id', ...payload } }));
    const profile = await add({ title: 'Profil perusahaan' });
    const ransomware = await add({ title: 'Panduan ransomware', solutionIds: [security.id], proficiencies: ['beginner'], stages: ['persuasion'] });
    const architecture = await add({ title: 'Reference architecture', language: 'en', solutionIds: [dataCenter.id], proficiencies: ['advanced'], divisions: ['it'], stages: ['decision'] });

    const ids = async (query: string) => (await marcomm.request({ method: 'GET', url: `/api/content?${query}` })).json().items.map((i: { id: string }) => i.id);
    expect(await ids('')).toEqual([architecture.id, ransomware.id, profile.id]);
    expect(await ids(`solutionId=${security.id}`)).toEqual([ransomware.id, profile.id]);
    expect(await ids('proficiency=advanced')).toEqual([architecture.id, profile.id]);
    expect(await ids('division=hr')).toEqual([ransomware.id, profile.id]);
    expect(await ids('stage=persuasion&proficiency=beginner')).toEqual([ransomware.id, profile.id]);
    expect(await ids('language=en')).toEqual([architecture.id]);
    expect(await ids('q=RANSOMWARE')).toEqual([ransomware.id]);

    const first = (await marcomm.request({ method: 'GET', url: '/api/content?limit=2' })).json();
    expect(first.items.map((i: { id: string }) => i.id)).toEqual([architecture.id, ransomware.id]);
    const second = (await marcomm.request({ method: 'GET', url: `/api/content?limit=2&cursor=${first.nextCursor}` })).json();
    expect(second).toMatchObject({ items: [{ id: profile.id }], nextCursor: null });
    const bad = await marcomm.request({ method: 'GET', url: '/api/content?stage=closing' });
    expect(bad.json().error.details.issues[0].field).toBe('query.stage');
  });

  it('records a share as a content_shared activity with the contact, under the activities’ rules, and counts it', async () => {
    const owner = await h.makeUser('account_manager');
    const { account, journey } = await makeJourney(h, owner);
    const contact = json<Contact>(await owner.request({ method: 'POST', url: '/api/contacts', payload: contactInput(account.id) }));
    const item = json<{ id: string; title: string }>(
      await marcomm.request({ method: 'POST', url: '/api/content', payload: { title: 'Studi kasus pemula', url: 'https://example.com/case', language: 'id' } }),
    );

    const shared = await owner.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: contact.id, journeyId: journey.id, channel: 'whatsapp' } });
    expect(shared.statusCode, shared.body).toBe(201);
    const { share, activity } = shared.json();
    expect(activity).toMatchObject({ type: 'content_shared', subject: 'Studi kasus pemula', accountId: account.id, journeyId: journey.id, participants: { contactIds: [contact.id] } });
    expect(share).toMatchObject({ contentItemId: item.id, activityId: activity.id, contactId: contact.id, channel: 'whatsapp', byUserId: owner.user.id });

    const logged = (await owner.request({ method: 'GET', url: `/api/activities?journeyId=${journey.id}` })).json().items;
    expect(logged.map((a: { id: string; type: string }) => [a.id, a.type])).toEqual([[activity.id, 'content_shared']]);
    expect((await owner.request({ method: 'GET', url: `/api/content/${item.id}` })).json().shareCount).toBe(1);
    expect((await owner.request({ method: 'GET', url: `/api/content/${item.id}/shares` })).json().items).toEqual([share]);

    // The activities' rules: an SA not assigned to the journey and a viewer may not log it.
    const stranger = await h.makeUser('solution_architect');
    expect((await stranger.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: contact.id, journeyId: journey.id, channel: 'email' } })).statusCode).toBe(403);
    const viewer = await h.makeUser('viewer');
    expect((await viewer.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: contact.id, channel: 'email' } })).statusCode).toBe(403);

    const other = await makeJourney(h, owner);
    const wrongJourney = await owner.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: contact.id, journeyId: other.journey.id, channel: 'email' } });
    expect(wrongJourney.statusCode).toBe(400);
    expect(wrongJourney.json().error.details.issues[0].field).toBe('body.journeyId');
    const badChannel = await owner.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: contact.id, channel: 'fax' } });
    expect(badChannel.json().error.details.issues[0].field).toBe('body.channel');
    expect((await owner.request({ method: 'POST', url: `/api/content/${item.id}/shares`, payload: { contactId: 'nope', channel: 'email' } })).json().error.details.issues[0].field).toBe('body.contactId');
    expect((await owner.request({ method: 'GET', url: `/api/content/${item.id}` })).json().shareCount).toBe(1);
  });

  it('deletes an item softly: it leaves the library, its file leaves the disk, and a stale version gets 409', async () => {
    const created = await upload(marcomm, [...caseStudyFields(), { name: 'file', value: pdf, fileName: 'a.pdf', type: 'application/pdf' }]);
    const item = created.json();
    const renamed = await marcomm.request({ method: 'PATCH', url: `/api/content/${item.id}`, payload: { title: 'Studi kasus (revisi)', stages: ['knowledge'], version: 1 } });
    expect(renamed.json()).toMatchObject({ title: 'Studi kasus (revisi)', stages: ['knowledge'], version: 2 });
    expect((await marcomm.request({ method: 'DELETE', url: `/api/content/${item.id}?version=1` })).statusCode).toBe(409);
    const am = await h.makeUser('account_manager');
    expect((await am.request({ method: 'DELETE', url: `/api/content/${item.id}?version=2` })).statusCode).toBe(403);
    expect((await marcomm.request({ method: 'DELETE', url: `/api/content/${item.id}?version=2` })).statusCode).toBe(200);
    expect((await marcomm.request({ method: 'GET', url: `/api/content/${item.id}` })).statusCode).toBe(404);
    expect((await marcomm.request({ method: 'GET', url: `/api/content/${item.id}/file` })).statusCode).toBe(404);
    expect(storedFiles()).toEqual([]);
  });
});
