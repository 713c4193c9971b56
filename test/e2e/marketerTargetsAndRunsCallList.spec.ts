import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('a marketer and an account manager', () => {
  let server: RunningServer;
  let browser: Browser;
  let amEmail: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 0 });
    const { admin } = workspace;
    amEmail = workspace.am.email;
    for (const [name, contact] of [
      ['PT Baja Timur', 'Agus Pratama'],
      ['PT Kemasan Jaya', 'Hendra Gunawan'],
    ] as const) {
      const account = await admin.post<{ id: string }>('/accounts', {
        name,
        industry: 'manufacturing',
        sizeBand: '250-999',
        tier: 'enterprise',
        city: 'Surabaya',
        province: 'Jawa Timur',
        region: 'java',
        relationship: 'new_logo',
        ownerId: workspace.am.id,
        teamId: workspace.team.id,
      });
      await makeContact(admin, account.id, { fullName: contact, whatsapp: null, phone: '031-5551234' });
    }
    await admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Marcomm', role: 'marcomm', password: PASSWORD, locale: 'id' });
    await admin.post('/segments', { name: 'TI di Surabaya', rule: { field: 'account.city', op: 'eq', value: 'Surabaya' } });
    await admin.request('PUT', `/solutions/${workspace.solutions.dataCenter.id}/positioning`, {
      version: 0,
      pillars: [{ pillar: 'operational_excellence', statementId: 'Pusat data yang selalu tersedia dengan biaya terkendali.', statementEn: 'An always-on data center at a controlled cost.' }],
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('aims a solution at its primary segment, makes a call list, and the caller records an outcome', async () => {
    const marketer = await newPage(browser, server.url);
    await signIn(marketer.page, 'maya@contoh.co.id', PASSWORD, '/');
    const page = marketer.page;
    await page.getByRole('button', { name: 'Pemasaran' }).click();
    await page.getByRole('menuitem', { name: 'Penargetan' }).click();
    await page.getByRole('heading', { name: 'Penargetan', level: 1 }).waitFor();
    await page.getByText('2 kontak · 2 akun').waitFor();
    expect(await page.getByText('Belum ada segmen utama').count()).toBe(2);
    await page.getByRole('textbox', { name: 'Peran TI di Surabaya untuk Data Center & Cloud Infrastructure' }).click();
    await page.getByRole('option', { name: 'Utama' }).click();
    await expect.poll(() => page.getByText('Belum ada segmen utama').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'targeting-matrix-id', { fullPage: true });

    await page.getByRole('button', { name: 'Pemasaran' }).click();
    await page.getByRole('menuitem', { name: 'Telemarketing' }).click();
    await page.getByRole('heading', { name: 'Telemarketing', level: 1 }).waitFor();
    await page.getByText('Belum ada daftar panggilan').waitFor();
    await page.getByRole('button', { name: 'Daftar panggilan baru' }).click();
    const form = page.getByRole('dialog', { name: 'Daftar panggilan baru' });
    await form.getByLabel('Nama').fill('Telemarketing pusat data Surabaya');
    await form.getByRole('textbox', { name: 'Segmen' }).click();
    await page.getByRole('option', { name: 'TI di Surabaya' }).click();
    await form.getByRole('textbox', { name: 'Solusi' }).click();
    await page.getByRole('option', { name: 'Data Center & Cloud Infrastructure' }).click();
    await form.getByRole('textbox', { name: 'Penelepon' }).click();
    await page.getByRole('option', { name: 'Andi Wijaya' }).click();
    await form.getByRole('button', { name: 'Buat daftar panggilan' }).click();
    await page.getByRole('heading', { name: 'Telemarketing pusat data Surabaya', level: 1 }).waitFor();
    await page.getByText('0 dari 2 sudah ditelepon').waitFor();
    await marketer.context.close();

    const caller = await newPage(browser, server.url);
    await signIn(caller.page, amEmail, PASSWORD, '/telemarketing');
    const p = caller.page;
    await p.getByRole('link', { name: 'Telemarketing pusat data Surabaya' }).click();
    await p.getByRole('heading', { name: 'Panggilan saya' }).waitFor();
    // The script comes from the solution's positioning.
    await p.getByRole('region', { name: 'Naskah panggilan' }).getByText('Pusat data yang selalu tersedia dengan biaya terkendali.').waitFor();
    const outcomes = p.getByRole('group', { name: 'Hasil panggilan ke Agus Pratama' });
    await p.getByLabel('Catatan').first().fill('Minta proposal minggu depan');
    await outcomes.getByRole('button', { name: 'Tertarik', exact: true }).click();
    await p.getByText('1 dari 2 sudah ditelepon').waitFor();
    await expect.poll(() => p.getByTestId('call-entry').count()).toBe(1);
    expect(await seriousA11yViolations(p)).toEqual([]);
    await screenshot(p, 'telemarketing-my-calls-id', { fullPage: true });
    await caller.context.close();
  });
});
