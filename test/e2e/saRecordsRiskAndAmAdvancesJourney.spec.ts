import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, makeContact, makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The selling playbook end to end: a solution architect records a risk on an account, the
 * account manager opens a journey from the recommendation it yields and moves it through the
 * gates to decision; an AM's gated move is refused without an override; a sales manager
 * overrides with a reason that the history keeps.
 */
describe('an SA records a risk and the AM advances the journey', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  let accountId = '';
  let sa: { id: string } = { id: '' };
  let journeyId = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 1 });
    const { admin, am, team } = workspace;
    sa = await admin.post<{ id: string }>('/users', { email: 'sri@contoh.co.id', name: 'Sri Handayani', role: 'solution_architect', teamId: team.id, password: PASSWORD, locale: 'id' });
    await admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Kusuma', role: 'sales_manager', teamId: team.id, password: PASSWORD, locale: 'id' });
    const account = await admin.post<{ id: string }>('/accounts', {
      name: 'PT Asuransi Mitra',
      industry: 'insurance',
      sizeBand: '250-999',
      tier: 'enterprise',
      city: 'Jakarta Pusat',
      province: 'DKI Jakarta',
      region: 'jabodetabek',
      ownerId: am.id,
      teamId: team.id,
    });
    accountId = account.id;
    await makeContact(admin, accountId, { fullName: 'Rina Wulandari' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function checklist(page: Page, stage: string, met: number, total: number) {
    const section = page.getByRole('region', { name: `Daftar periksa ${stage}` });
    await section.getByText(`${met} dari ${total} syarat terpenuhi`, { exact: true }).first().waitFor();
    return section;
  }

  it('an SA records a risk in the assessment editor, with validation', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'sri@contoh.co.id', undefined, `/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'PT Asuransi Mitra', level: 1 }).waitFor();
    const risks = page.getByRole('region', { name: 'Risiko TI' });
    await risks.getByText('Belum ada risiko').waitFor();
    await risks.getByRole('button', { name: 'Tambah risiko' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tambah risiko' });
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Isi bagian ini.').waitFor();
    await dialog.getByRole('textbox', { name: /^Ancaman/ }).fill('Ransomware pada server klaim tanpa segmentasi');
    await dialog.getByLabel('Area').selectOption('security');
    await dialog.getByLabel(/^Kemungkinan/).selectOption('4');
    await dialog.getByLabel(/^Dampak/).selectOption('5');
    await dialog.getByText('Skor risiko: 20 dari 25').waitFor();
    await screenshot(page, 'assessment-editor-id');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    const table = risks.getByRole('table', { name: 'Risiko TI' });
    await table.getByText('Ransomware pada server klaim tanpa segmentasi').waitFor();
    await table.getByLabel('Skor 20 (kemungkinan 4 × dampak 5)').waitFor();

    // An inventory item, changed, then deleted after a confirmation.
    const inventory = page.getByRole('region', { name: 'Inventaris TI' });
    await inventory.getByRole('button', { name: 'Tambah item' }).click();
    const add = page.getByRole('dialog', { name: 'Tambah item' });
    await add.getByRole('textbox', { name: /^Vendor/ }).fill('Microsoft');
    await add.getByRole('textbox', { name: /^Produk/ }).fill('Windows Server');
    await add.getByRole('textbox', { name: 'Versi' }).fill('2012 R2');
    await add.getByLabel('Akhir dukungan').fill('2023-10-10');
    await add.getByRole('button', { name: 'Simpan' }).click();
    await inventory.getByText('Microsoft Windows Server 2012 R2').waitFor();
    await inventory.getByRole('button', { name: 'Hapus Microsoft Windows Server' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus?' });
    await confirm.getByText(/Hapus “Microsoft Windows Server”\?/).waitFor();
    await confirm.getByRole('button', { name: 'Hapus' }).click();
    await inventory.getByText('Belum ada inventaris').waitFor();

    // SAs may not open journeys: the recommendation shows without the button.
    const recs = page.getByRole('region', { name: 'Solusi yang direkomendasikan' });
    await recs.getByText('Adaptive Security Architecture').waitFor();
    expect(await recs.getByRole('button', { name: /Buka perjalanan/ }).count()).toBe(0);

    await switchLanguage(page, 'Sri Handayani', 'en');
    await page.getByRole('region', { name: 'IT risks' }).getByRole('button', { name: 'Add a risk' }).click();
    const en = page.getByRole('dialog', { name: 'Add a risk' });
    await en.getByRole('textbox', { name: /^Threat/ }).fill('Core switch past end of support');
    await en.getByLabel('Area').selectOption('network');
    await screenshot(page, 'assessment-editor-en');
    await en.getByRole('button', { name: 'Cancel' }).click();
    await switchLanguage(page, 'Sri Handayani', 'id');
    await context.close();
  });

  it('the AM opens a journey from the recommendation and moves it through the gates to decision', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, `/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'PT Asuransi Mitra', level: 1 }).waitFor();
    const recs = page.getByRole('region', { name: 'Solusi yang direkomendasikan' });
    await recs.getByRole('list', { name: 'Alasan Adaptive Security Architecture' }).getByText(/Ransomware pada server klaim/).waitFor();
    await recs.getByText('Skor 20', { exact: true }).waitFor();
    expect(await recs.getByText('Data Center & Cloud Infrastructure').count()).toBe(0);
    // Everyone reads the assessment; only admins and SAs change it.
    await page.getByRole('region', { name: 'Risiko TI' }).getByText('Dicatat oleh solution architect dan admin.').waitFor();
    expect(await page.getByRole('button', { name: 'Tambah risiko' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await recs.scrollIntoViewIfNeeded();
    await screenshot(page, 'recommendations-id');
    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('region', { name: 'Recommended solutions' }).getByText('Score 20', { exact: true }).waitFor();
    await screenshot(page, 'recommendations-en');
    await switchLanguage(page, 'Andi Wijaya', 'id');

    await recs.getByRole('button', { name: 'Buka perjalanan untuk Adaptive Security Architecture' }).click();
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();
    await page.getByLabel('Tahap: Pengetahuan').waitFor();
    journeyId = new URL(page.url()).pathname.split('/').pop() ?? '';
    expect(journeyId).not.toBe('');

    // Knowledge: the contact persona is there; the first touch is not.
    const knowledge = await checklist(page, 'Pengetahuan', 1, 2);
    await knowledge.getByText('Sentuhan personal pertama tercatat').waitFor();
    await page.getByRole('region', { name: 'Langkah terbaik berikutnya' }).getByText(/Lakukan sentuhan personal pertama/).waitFor();

    // The first touch, logged with the quick log on the journey.
    await page.locator('body').press('l');
    const log = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await log.getByRole('textbox', { name: /^Akun/ }).fill('Asuransi');
    await page.getByRole('option', { name: /PT Asuransi Mitra/ }).click();
    await log.getByLabel('Jenis aktivitas').selectOption('visit');
    await log.getByLabel('Perjalanan (opsional)').selectOption({ label: 'Adaptive Security Architecture · Pengetahuan' });
    await log.getByRole('textbox', { name: /^Subjek/ }).fill('Kunjungan perkenalan keamanan');
    await log.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await log.waitFor({ state: 'detached' });
    await checklist(page, 'Pengetahuan', 2, 2);
    await page.getByText('Semua syarat terpenuhi: perjalanan boleh lanjut ke tahap berikutnya.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'journey-checklist-id', { fullPage: true });

    const move = async (stage: string) => {
      await page.getByRole('button', { name: 'Pindahkan ke… (PT Asuransi Mitra)' }).click();
      await page.getByRole('menuitem', { name: stage }).click();
      await page.getByRole('status').filter({ hasText: `PT Asuransi Mitra dipindahkan ke ${stage}.` }).waitFor();
    };
    await move('Persuasi');
    // Persuasion: the SA's risk is the IT assessment the gate asks for.
    await checklist(page, 'Persuasi', 1, 1);
    await move('Keputusan');
    const decision = await checklist(page, 'Keputusan', 0, 1);
    await page.getByRole('region', { name: 'Langkah terbaik berikutnya' }).getByText(/Tugaskan solution architect/).waitFor();

    // The SA joins the journey and a demo is logged; the quick log cannot pick colleagues, so the API adds the SA.
    const amApi = new ApiSession(server.url);
    await amApi.post('/auth/login', { email: 'andi@contoh.co.id', password: PASSWORD });
    const journey = await amApi.get<{ version: number }>(`/journeys/${journeyId}`);
    await amApi.request('PATCH', `/journeys/${journeyId}`, { saId: sa.id, version: journey.version });
    await page.locator('body').press('l');
    await log.getByRole('textbox', { name: /^Akun/ }).fill('Asuransi');
    await page.getByRole('option', { name: /PT Asuransi Mitra/ }).click();
    await log.getByLabel('Jenis aktivitas').selectOption('demo');
    await log.getByLabel('Perjalanan (opsional)').selectOption({ label: 'Adaptive Security Architecture · Keputusan' });
    await log.getByRole('textbox', { name: /^Subjek/ }).fill('Demo segmentasi dan EDR');
    await log.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await log.waitFor({ state: 'detached' });
    const demos = await amApi.get<{ items: { id: string; version: number }[] }>(`/activities?journeyId=${journeyId}&type=demo`);
    const demo = demos.items[0];
    if (!demo) throw new Error('no demo');
    await amApi.request('PATCH', `/activities/${demo.id}`, { participants: { userIds: [sa.id], contactIds: [] }, version: demo.version });
    await page.reload();
    await checklist(page, 'Keputusan', 1, 1);
    await decision.getByText('Demo atau sesi teknis bersama SA tercatat').waitFor();
    await page.getByText('Semua syarat terpenuhi: perjalanan boleh lanjut ke tahap berikutnya.').waitFor();

    // A next best action becomes a task in one click (here: none left for decision, so on My day).
    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('region', { name: 'Decision checklist' }).getByText('1 of 1 gates met', { exact: true }).first().waitFor();
    await screenshot(page, 'journey-checklist-en', { fullPage: true });
    await switchLanguage(page, 'Andi Wijaya', 'id');
    await context.close();
  });

  it('turns a next best action into a task on My day', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    const actions = page.getByRole('region', { name: 'Langkah terbaik berikutnya' });
    const first = actions.getByRole('button', { name: /^Jadikan tugas: / }).first();
    const name = (await first.getAttribute('aria-label')) ?? '';
    const title = name.replace('Jadikan tugas: ', '');
    await first.click();
    await actions.getByText('Tugas dibuat').waitFor();
    await page.getByRole('region', { name: 'Tugas saya' }).getByText(title).first().waitFor();
    await context.close();
  });

  it('an AM’s gated move shows the unmet gates and no override', async () => {
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id', undefined, `/journeys/${bank.id}`);
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();
    await checklist(page, 'Pengetahuan', 0, 2);
    await page.getByRole('button', { name: 'Pindahkan ke… (PT Bank Sejahtera)' }).click();
    await page.getByRole('menuitem', { name: 'Persuasi' }).click();
    const dialog = page.getByRole('dialog', { name: 'PT Bank Sejahtera: syarat belum terpenuhi' });
    await dialog.getByRole('list', { name: 'Syarat Pengetahuan yang belum terpenuhi' }).getByText('Persona kontak tercatat').waitFor();
    await dialog.getByText('Sentuhan personal pertama tercatat').waitFor();
    await dialog.getByText(/minta sales manager tim untuk melewatinya/).waitFor();
    expect(await dialog.getByRole('textbox', { name: /Alasan melewati syarat/ }).count()).toBe(0);
    await page.waitForTimeout(400); // the dialog's fade-in, which axe would read as low contrast
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'gates-refused-am-id');
    await dialog.getByRole('button', { name: 'Tutup' }).last().click();
    await page.getByLabel('Tahap: Pengetahuan').waitFor();
    await context.close();
  });

  it('a sales manager overrides with a reason and sees it in the history', async () => {
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'maya@contoh.co.id', undefined, `/journeys/${bank.id}`);
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();

    await switchLanguage(page, 'Maya Kusuma', 'en');
    await page.getByRole('button', { name: 'Move to… (PT Bank Sejahtera)' }).click();
    await page.getByRole('menuitem', { name: 'Persuasion' }).click();
    const en = page.getByRole('dialog', { name: 'PT Bank Sejahtera: gates not met' });
    await en.getByRole('textbox', { name: /Reason for the override/ }).fill('The CIO asked for the proposal before our visit.');
    await screenshot(page, 'gates-refused-override-en');
    await en.getByRole('button', { name: 'Cancel' }).click();
    await switchLanguage(page, 'Maya Kusuma', 'id');

    await page.getByRole('button', { name: 'Pindahkan ke… (PT Bank Sejahtera)' }).click();
    await page.getByRole('menuitem', { name: 'Persuasi' }).click();
    const dialog = page.getByRole('dialog', { name: 'PT Bank Sejahtera: syarat belum terpenuhi' });
    await dialog.getByText('Persona kontak tercatat').waitFor();
    await dialog.getByRole('button', { name: 'Lewati dan pindahkan' }).click();
    await dialog.getByText('Tulis alasan syarat boleh dilewati.').waitFor();
    await dialog.getByRole('textbox', { name: /Alasan melewati syarat/ }).fill('CIO meminta proposal sebelum kunjungan; persona menyusul.');
    await page.waitForTimeout(400);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'gates-refused-override-id');
    await dialog.getByRole('button', { name: 'Lewati dan pindahkan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: 'PT Bank Sejahtera dipindahkan ke Persuasi.' }).waitFor();
    const history = page.getByRole('list', { name: 'Riwayat tahap' });
    await history.getByText('Syarat dilewati: CIO meminta proposal sebelum kunjungan; persona menyusul.').waitFor();
    await history.getByText(/Dilewati: Persona kontak tercatat, Sentuhan personal pertama tercatat/).waitFor();
    await context.close();
  });
});
