import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSmtpServer, surveyTokenIn, type SmtpServer } from '../support/smtp.js';
import { makeContact, makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('satisfaction survey and automation rules', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SmtpServer;
  let journeyId = '';

  beforeAll(async () => {
    smtp = await startSmtpServer();
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 1 });
    const journey = workspace.journeys[0];
    if (!journey) throw new Error('no journey');
    journeyId = journey.id;
    await workspace.admin.request('PUT', '/admin/smtp', { host: '127.0.0.1', port: smtp.port, security: 'none', username: null, fromAddress: 'crm@contoh.co.id' });
    await workspace.admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Putri', role: 'marcomm', password: PASSWORD, locale: 'id' });
    await makeContact(workspace.admin, journey.accountId, {
      email: 'sari.dewi@banksejahtera.co.id',
      consents: [{ channel: 'email', granted: true, source: 'rapat go-live', recordedAt: new Date().toISOString() }],
    });
    await workspace.admin.post(`/journeys/${journey.id}/surveys`, { kind: 'csat' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await smtp?.close();
  });

  it('a customer answers the emailed CSAT survey without signing in, once', async () => {
    expect(smtp.received).toHaveLength(1);
    const token = surveyTokenIn(smtp.received[0]?.text ?? '');
    const { context, page } = await newPage(browser, server.url);
    await page.goto(`${server.url}/survey/${token}`);
    await page.getByRole('heading', { name: /Seberapa puas Anda/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.getByRole('radio', { name: '4 dari 5' }).click();
    await page.getByRole('textbox', { name: /Komentar/ }).fill('Implementasi berjalan lancar');
    await page.getByRole('button', { name: 'Kirim' }).click();
    await page.getByRole('heading', { name: 'Terima kasih!' }).waitFor();
    await page.reload();
    await page.getByText('Survei ini sudah dijawab.').waitFor();
    await context.close();
  });

  it('the account manager sees the answer on the journey, and a marketer turns a rule off', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, `/journeys/${journeyId}`);
    const panel = page.getByRole('region', { name: 'Kepuasan' });
    await panel.getByText('CSAT 4').waitFor();
    await panel.getByText('Implementasi berjalan lancar').waitFor();
    await context.close();

    const marketer = await newPage(browser, server.url);
    await signIn(marketer.page, 'maya@contoh.co.id', undefined, '/automation');
    await marketer.page.getByRole('heading', { name: 'Otomasi' }).waitFor();
    const toggle = marketer.page.getByRole('switch', { name: 'Aktifkan atau nonaktifkan aturan “Perjalanan tanpa sentuhan 30 hari”' });
    expect(await toggle.isChecked()).toBe(true);
    await toggle.click({ force: true });
    await expect.poll(() => toggle.isChecked()).toBe(false);
    // Its editor says a time-based rule acts only on journeys that reach the threshold from now on.
    const ruleActions = toggle.locator('xpath=ancestor::div[contains(@class, "mantine-Group-root")][1]');
    await ruleActions.getByRole('button', { name: 'Ubah' }).click();
    await marketer.page.getByText(/setelah aturan disimpan atau diaktifkan, bukan yang sudah melewatinya/).waitFor();
    await marketer.page.getByRole('button', { name: 'Batal' }).click();
    await marketer.page.getByRole('tab', { name: 'Hari libur' }).click();
    await marketer.page.getByText('Hari Proklamasi Kemerdekaan RI').first().waitFor();
    expect(await seriousA11yViolations(marketer.page)).toEqual([]);

    // The answer counts in Insight → Analytics → Satisfaction, with its numbers as a table.
    await marketer.page.getByRole('button', { name: 'Wawasan' }).click();
    await marketer.page.getByRole('menuitem', { name: 'Analitik' }).click();
    await marketer.page.getByRole('tab', { name: 'Kepuasan' }).click();
    const csat = marketer.page.getByRole('region', { name: 'Kepuasan pelanggan (CSAT)' });
    await csat.getByText(/Rata-rata 4\.00 dari 5, dari 1 jawaban/).waitFor();
    await csat.getByRole('button', { name: 'Tampilkan angka' }).click();
    await csat.getByRole('row', { name: /^4\s+1$/ }).waitFor();
    expect(await seriousA11yViolations(marketer.page)).toEqual([]);
    await marketer.context.close();
  });
});
