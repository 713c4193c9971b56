import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('the lists', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 4 });
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    await makeContact(workspace.admin, bank.accountId);
    // A name a spreadsheet would split or run: the export must keep it whole and inert.
    await workspace.admin.post('/accounts', { name: '=PT "Koma, Titik"', industry: 'retail', sizeBand: '1-49', tier: 'smb', city: 'Yogyakarta', province: 'DIY', region: 'java' });
    await workspace.admin.post('/activities', { type: 'email', subject: 'Kirim brosur', accountId: bank.accountId });
    await workspace.admin.post('/tasks', { title: 'Jadwalkan demo', assigneeId: workspace.am.id, relatedType: 'account', relatedId: bank.accountId });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sorts, filters, chooses columns and exports the accounts as CSV', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('link', { name: 'Akun', exact: true }).click();
    const table = page.getByRole('table', { name: 'Akun' });
    await table.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'accounts-id');

    await table.getByRole('button', { name: 'Kota' }).click();
    await expect.poll(() => table.getByRole('columnheader', { name: 'Kota' }).getAttribute('aria-sort')).toBe('ascending');
    await expect.poll(async () => (await table.locator('tbody tr td:first-child').allInnerTexts())[0]).toBe('PT Media Cakrawala');
    await table.getByRole('button', { name: 'Kota' }).click();
    await expect.poll(async () => (await table.locator('tbody tr td:first-child').allInnerTexts())[0]).toBe('=PT "Koma, Titik"');

    await page.getByRole('textbox', { name: 'Tingkat' }).click();
    await page.getByRole('option', { name: 'UKM' }).click();
    await table.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor({ state: 'detached' });
    await page.getByRole('textbox', { name: 'Tingkat' }).click();
    await page.getByRole('option', { name: 'Semua' }).click();
    await page.getByRole('searchbox', { name: 'Cari' }).fill('Logistik');
    await table.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor({ state: 'detached' });
    await page.getByRole('searchbox', { name: 'Cari' }).fill('');
    await table.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();

    await page.getByRole('button', { name: 'Kolom' }).click();
    await page.getByRole('checkbox', { name: 'Pemilik' }).uncheck();
    await page.getByRole('checkbox', { name: 'Provinsi' }).check();
    await page.keyboard.press('Escape');
    await table.getByRole('columnheader', { name: 'Provinsi' }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Pemilik' }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ekspor CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^accounts-\d{4}-\d{2}-\d{2}\.csv$/);
    const path = await download.path();
    const csv = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
    const lines = csv.split('\r\n');
    expect(lines[0]).toBe('Akun,Industri,Tingkat,Kota,Provinsi');
    expect(lines).toContain('"\'=PT ""Koma, Titik""",Ritel,UKM,Yogyakarta,DIY');
    expect(lines).toContain('PT Bank Sejahtera,Perbankan,Korporasi,Jakarta Selatan,DKI Jakarta');

    // The column choice is kept on this browser.
    await page.reload();
    await table.getByRole('columnheader', { name: 'Provinsi' }).waitFor();
    expect(await table.getByRole('columnheader', { name: 'Pemilik' }).count()).toBe(0);
    await context.close();
  });

  it('shows contacts, activities, tasks and journeys in accessible tables', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    for (const [nav, table, text] of [
      ['Kontak', 'Kontak', 'Sari Dewi'],
      ['Aktivitas', 'Aktivitas', 'Kirim brosur'],
      ['Tugas', 'Tugas', 'Jadwalkan demo'],
      ['Perjalanan', 'Perjalanan', 'PT Energi Prima'],
    ] as const) {
      await page.getByRole('link', { name: nav, exact: true }).click();
      await page.getByRole('table', { name: table }).getByText(text).first().waitFor();
      expect(await seriousA11yViolations(page), nav).toEqual([]);
      await screenshot(page, `${nav === 'Kontak' ? 'contacts' : nav === 'Aktivitas' ? 'activities' : nav === 'Tugas' ? 'tasks' : 'journeys-list'}-id`);
    }
    await page.getByRole('link', { name: 'Kontak', exact: true }).click();
    await page.getByRole('textbox', { name: 'Kemahiran teknologi' }).click();
    await page.getByRole('option', { name: 'Pemula' }).click();
    await page.getByText('Tidak ada kontak').waitFor();
    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('link', { name: 'Accounts', exact: true }).click();
    await page.getByRole('table', { name: 'Accounts' }).getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    await screenshot(page, 'accounts-en');
    await switchLanguage(page, 'Andi Wijaya', 'id');
    await context.close();
  });

  it('scrolls a wide list sideways on a phone without widening the page', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id', undefined, '/accounts');
    await page.getByRole('table', { name: 'Akun' }).getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'accounts-phone-id');
    await context.close();
  });
});

describe('the catalogue', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    await makeWorkspace(server.url, { journeys: 2 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('lets an admin add a solution and shows it read-only to an account manager', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/solutions');
    await page.getByRole('table', { name: 'Solusi' }).getByRole('link', { name: 'Data Center & Cloud Infrastructure' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'solutions-id');
    await page.getByRole('button', { name: 'Solusi baru' }).click();
    const dialog = page.getByRole('dialog', { name: 'Solusi baru' });
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.getByText('Isi bagian ini.').waitFor();
    await dialog.getByRole('textbox', { name: /^Nama/ }).fill('Managed SOC');
    await dialog.getByLabel('Kategori').selectOption('security');
    await dialog.getByRole('textbox', { name: /^Deskripsi/ }).fill('Pemantauan keamanan 24 jam.');
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'Managed SOC', level: 1 }).waitFor();
    await page.getByText('Pemantauan keamanan 24 jam.').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'solution-id');

    await page.getByRole('link', { name: 'Prinsipal', exact: true }).click();
    await page.getByRole('link', { name: 'Nusantara Systems' }).click();
    await page.getByRole('heading', { name: 'Nusantara Systems', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Ubah prinsipal' }).click();
    await page.getByRole('textbox', { name: /^Negara/ }).fill('Indonesia');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Indonesia', { exact: true }).waitFor();
    await screenshot(page, 'principal-id');
    await context.close();

    const am = await newPage(browser, server.url);
    await signIn(am.page, 'andi@contoh.co.id', undefined, '/solutions');
    await am.page.getByRole('link', { name: 'Managed SOC' }).click();
    await am.page.getByRole('heading', { name: 'Managed SOC', level: 1 }).waitFor();
    expect(await am.page.getByRole('button', { name: 'Ubah solusi' }).count()).toBe(0);
    expect(await am.page.getByRole('button', { name: 'Solusi baru' }).count()).toBe(0);
    await am.context.close();
  });
});
