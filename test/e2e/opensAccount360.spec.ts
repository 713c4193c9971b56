import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('account 360', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  let accountId = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 3 });
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    accountId = bank.accountId;
    // The bank also evaluates security: a second journey, moved to persuasion once its gates are met.
    const sari = await makeContact(workspace.admin, accountId);
    const security = await workspace.admin.post<{ id: string; version: number }>('/journeys', { accountId, solutionId: workspace.solutions.security.id, valueMinor: 90_000_000_00 });
    await workspace.admin.post('/activities', { type: 'call', subject: 'Panggilan keamanan', accountId, journeyId: security.id, participants: { contactIds: [sari.id] } });
    const current = await workspace.admin.get<{ version: number }>(`/journeys/${security.id}`);
    await workspace.admin.post(`/journeys/${security.id}/transitions`, { kind: 'move', to: 'persuasion', version: current.version });
    await makeContact(workspace.admin, accountId, { fullName: 'Budi Hartono', title: 'Staf Keuangan', division: 'finance', seniority: 'staff', techProficiency: 'beginner', influence: 'user', whatsapp: null });
    await workspace.admin.post('/activities', { type: 'visit', subject: 'Kunjungan perkenalan', accountId, outcome: 'Tertarik pada pusat data' });
    await workspace.admin.post('/tasks', { title: 'Siapkan penilaian lingkungan TI', assigneeId: workspace.am.id, relatedType: 'account', relatedId: accountId });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens an account 360 and sees its journeys and contacts', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('link', { name: 'Akun', exact: true }).click();
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    await page.getByRole('heading', { name: 'PT Bank Sejahtera', level: 1 }).waitFor();

    const contacts = page.getByRole('list', { name: 'Kontak' });
    await contacts.getByText('Sari Dewi').waitFor();
    const persona = page.getByRole('group', { name: 'Persona Sari Dewi' });
    for (const badge of ['TI', 'Manajer', 'Mahir', 'Pengambil keputusan']) await persona.getByText(badge, { exact: true }).waitFor();
    await page.getByRole('group', { name: 'Persona Budi Hartono' }).getByText('Pemula').waitFor();
    expect(await contacts.getByRole('link', { name: 'Chat dengan Sari Dewi di WhatsApp' }).getAttribute('href')).toBe('https://wa.me/6281234567890');

    const matrix = page.getByRole('table', { name: 'Solusi dan tahap' });
    const security = matrix.getByRole('row', { name: /Adaptive Security Architecture/ });
    await security.getByText('Menilai').waitFor();
    await matrix.getByRole('row', { name: /Data Center & Cloud Infrastructure/ }).getByText('Mengenal').waitFor();
    await page.getByRole('list', { name: 'Linimasa aktivitas' }).getByText('Kunjungan perkenalan').first().waitFor();
    await page.getByRole('list', { name: 'Tugas terbuka' }).getByText('Siapkan penilaian lingkungan TI').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'account-360-id', { fullPage: true });

    await security.getByRole('link', { name: 'Adaptive Security Architecture' }).click();
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();
    await page.getByLabel('Tahap: Persuasi').waitFor();
    await page.goBack();
    await page.getByRole('heading', { name: 'PT Bank Sejahtera', level: 1 }).waitFor();

    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('table', { name: 'Solutions and stages' }).getByText('Evaluating').waitFor();
    await screenshot(page, 'account-360-en', { fullPage: true });
    await switchLanguage(page, 'Andi Wijaya', 'id');
    await context.close();
  });

  it('edits the profile in place, with validation and a conflict message', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, `/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'PT Bank Sejahtera', level: 1 }).waitFor();
    await page.getByRole('button', { name: 'Ubah' }).click();
    const form = page.getByRole('form', { name: 'Profil dan segmen' });
    await form.getByRole('textbox', { name: /^Kota/ }).fill('');
    await form.getByRole('textbox', { name: /^Situs web/ }).fill('banksejahtera');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Isi bagian ini.').waitFor();
    await form.getByText(/Tulis alamat web lengkap/).waitFor();
    await form.getByRole('textbox', { name: /^Kota/ }).fill('Bekasi');
    await form.getByRole('textbox', { name: /^Situs web/ }).fill('https://banksejahtera.co.id');
    await form.getByLabel('Tingkat').selectOption('smb');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Perubahan disimpan.' }).waitFor();
    await page.getByText('Bekasi', { exact: true }).first().waitFor();

    // Someone else saves in between: this page still holds the old version.
    await page.getByRole('button', { name: 'Ubah' }).click();
    const current = await workspace.admin.get<{ version: number }>(`/accounts/${accountId}`);
    await workspace.admin.request('PATCH', `/accounts/${accountId}`, { city: 'Depok', version: current.version });
    await form.getByRole('textbox', { name: /^Kota/ }).fill('Bogor');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Seseorang telah mengubah akun ini' }).waitFor();
    await screenshot(page, 'account-conflict-id');
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByText('Depok', { exact: true }).first().waitFor();
    await context.close();
  });

  it('shows no edit control to a viewer and fits a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'vina@contoh.co.id', undefined, `/accounts/${accountId}`);
    await page.getByRole('heading', { name: 'PT Bank Sejahtera', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Kontak' }).getByText('Sari Dewi').waitFor();
    expect(await page.getByRole('button', { name: 'Ubah' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Catat aktivitas' }).count()).toBe(0);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'account-360-phone-id', { fullPage: true });
    await context.close();
  });
});
