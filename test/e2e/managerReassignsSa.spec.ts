import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD, type ApiSession, type JourneyRef } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * The team on a journey: a sales manager assigns a solution architect with a handoff note on
 * the journey page; the handoff shows in the journey's history, and the SA finds the journey
 * and the demo already planned on it in their workload.
 */
describe('a sales manager assigns an SA, who sees the journey in their workload', () => {
  let server: RunningServer;
  let browser: Browser;
  let journey: JourneyRef;
  let admin: ApiSession;
  let sri: { id: string };
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 1 });
    const { team, journeys } = workspace;
    admin = workspace.admin;
    journey = journeys[0] as JourneyRef;
    await admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Kusuma', role: 'sales_manager', teamId: team.id, password: PASSWORD, locale: 'id' });
    sri = await admin.post<{ id: string }>('/users', { email: 'sri@contoh.co.id', name: 'Sri Handayani', role: 'solution_architect', teamId: team.id, password: PASSWORD, locale: 'id' });
    await admin.post('/users', { email: 'tono@contoh.co.id', name: 'Tono Prasetyo', role: 'solution_architect', teamId: team.id, password: PASSWORD, locale: 'id' });
    const inThreeDays = new Date(Date.now() + 3 * 86_400_000).toISOString();
    await admin.post('/activities', { type: 'demo', subject: 'Demo arsitektur pusat data', accountId: journey.accountId, journeyId: journey.id, occurredAt: inThreeDays });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('the sales manager assigns Sri as SA with a handoff note, and the handoff is recorded', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'maya@contoh.co.id', undefined, `/journeys/${journey.id}`);
    await page.getByRole('heading', { name: journey.accountName, level: 1 }).waitFor();
    const team = page.getByRole('region', { name: 'Tim pada perjalanan' });
    await team.getByTestId('team-sa').getByText('Belum ada yang ditugaskan').waitFor();
    await team.getByText('Belum ada serah terima.').waitFor();

    await team.getByRole('button', { name: 'Ubah Solution architect' }).click();
    const form = team.getByRole('form', { name: 'Ubah Solution architect' });
    const picker = form.getByLabel('Solution architect');
    // The picker offers solution architects only.
    expect(await picker.locator('option').allTextContents()).toEqual(['Belum ada yang ditugaskan', 'Admin Difusi', 'Sri Handayani', 'Tono Prasetyo']);
    await picker.selectOption({ label: 'Sri Handayani' });
    await form.getByLabel('Catatan serah terima (opsional)').fill('Pelanggan minta demo pusat data minggu ini; Sri paham storage mereka.');
    await form.getByRole('button', { name: 'Simpan' }).click();

    await team.getByTestId('team-sa').getByText('Sri Handayani').waitFor();
    const history = team.getByRole('list', { name: 'Riwayat serah terima' });
    await history.getByText('Solution architect: Belum ada yang ditugaskan → Sri Handayani').waitFor();
    await history.getByText('Pelanggan minta demo pusat data minggu ini; Sri paham storage mereka.').waitFor();
    await history.getByText(/^Maya Kusuma ·/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await team.scrollIntoViewIfNeeded();
    await screenshot(page, 'team-panel-id');
    await context.close();
  });

  it('Sri opens the SA workload from the Insight menu and finds the journey and its demo', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'sri@contoh.co.id', undefined, '/');
    await page.getByRole('button', { name: /^Wawasan/ }).click();
    await page.getByRole('menuitem', { name: 'Beban kerja SA' }).click();
    await page.getByRole('heading', { name: 'Beban kerja solution architect', level: 1 }).waitFor();
    const card = page.getByRole('region', { name: 'Sri Handayani' });
    await card.getByText('1 perjalanan terbuka').waitFor();
    const journeys = card.getByRole('table', { name: 'Perjalanan yang ditugaskan' });
    await journeys.getByRole('link', { name: journey.accountName }).waitFor();
    const upcoming = card.getByRole('list', { name: 'Demo dan rapat, 14 hari ke depan' });
    await upcoming.getByText(/Demo arsitektur pusat data/).waitFor();
    await upcoming.getByText(/SA belum dicantumkan sebagai peserta/).waitFor();
    // An SA sees only their own workload: no picker of other architects, no coaching entry.
    expect(await page.getByLabel('Solution architect').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Tono Prasetyo' }).count()).toBe(0);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sa-workload-id');

    await journeys.getByRole('link', { name: journey.accountName }).click();
    await page.getByRole('heading', { name: journey.accountName, level: 1 }).waitFor();
    await context.close();
  });

  it('the AM logs the demo with quick log and adds the journey’s SA as a participant when reminded', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, `/accounts/${journey.accountId}`);
    await page.getByRole('heading', { name: journey.accountName, level: 1 }).waitFor();
    await page.keyboard.press('Alt+l');
    const dialog = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Akun/ }).inputValue()).toBe(journey.accountName);
    await dialog.getByLabel('Jenis aktivitas').selectOption('demo');
    await dialog.getByLabel('Perjalanan (opsional)').selectOption({ label: 'Data Center & Cloud Infrastructure · Pengetahuan' });
    await dialog.getByText(/Sri Handayani adalah SA perjalanan ini tetapi belum dicantumkan/).waitFor();
    await dialog.getByRole('button', { name: 'Tambahkan Sri Handayani' }).click();
    await dialog.getByText(/belum dicantumkan/).waitFor({ state: 'detached' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await page.getByRole('status').filter({ hasText: 'Aktivitas dicatat untuk' }).waitFor();

    const logged = await admin.get<{ items: { type: string; participants: { userIds: string[] } }[] }>(`/activities?journeyId=${journey.id}&type=demo&sort=-createdAt`);
    expect(logged.items[0]?.participants.userIds).toEqual([sri.id]);
    await context.close();
  });
});
