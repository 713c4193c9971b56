import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('an account manager', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 4, knowledgeEvidence: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('sees the server’s message when the password is wrong, then signs in', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'sign-in-id');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByText('Isi email Anda.').waitFor();
    await page.getByText('Isi kata sandi Anda.').waitFor();
    await page.getByLabel('Email').fill('andi@contoh.co.id');
    await page.getByLabel('Kata sandi').fill('salah-sandi-sekali');
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByRole('alert').filter({ hasText: 'Email atau kata sandi salah.' }).waitFor();
    await screenshot(page, 'sign-in-error-id');
    await page.locator('label', { hasText: 'English' }).click();
    await page.getByRole('heading', { name: 'Sign in' }).waitFor();
    await screenshot(page, 'sign-in-en');
    await page.locator('label', { hasText: 'Bahasa Indonesia' }).click();

    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    await context.close();
  });

  it('moves a journey to the next stage with the keyboard and sees it in the history', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    const knowledge = page.locator('section[data-stage="knowledge"]');
    await knowledge.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    expect(await knowledge.getByText('Rp 150.000.000', { exact: true }).count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'pipeline-id');

    const menuButton = page.getByRole('button', { name: 'Pindahkan ke… (PT Bank Sejahtera)' });
    await menuButton.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('menuitem', { name: 'Persuasi' }).waitFor();
    await screenshot(page, 'pipeline-move-menu-id');
    await page.getByRole('menuitem', { name: 'Persuasi' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('status').filter({ hasText: 'PT Bank Sejahtera dipindahkan ke Persuasi.' }).waitFor();
    await page.locator('section[data-stage="persuasion"]').getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();

    await page.locator('section[data-stage="persuasion"]').getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();
    const history = page.getByRole('list', { name: 'Riwayat tahap' });
    await history.getByText('Pengetahuan → Persuasi').waitFor();
    expect(await history.getByText(/Andi Wijaya/).count()).toBeGreaterThan(0);
    await history.getByText('Dibuka di Pengetahuan').waitFor();
    expect(await page.getByLabel('Tahap: Persuasi').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'journey-id', { fullPage: true });
    await context.close();
  });

  it('drags a card to the next column', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    const card = page.locator('section[data-stage="knowledge"] article', { hasText: 'PT Logistik Andalan' });
    const target = page.locator('section[data-stage="persuasion"]');
    await card.waitFor();
    const from = await card.boundingBox();
    const to = await target.boundingBox();
    if (!from || !to) throw new Error('card or column not laid out');
    await page.mouse.move(from.x + from.width / 2, from.y + 12);
    await page.mouse.down();
    await page.mouse.move(from.x + from.width / 2 + 20, from.y + 20, { steps: 4 });
    await page.mouse.move(to.x + to.width / 2, to.y + 120, { steps: 12 });
    await page.mouse.up();
    await page.getByRole('status').filter({ hasText: 'PT Logistik Andalan dipindahkan ke Persuasi.' }).waitFor();
    await target.getByRole('link', { name: 'PT Logistik Andalan' }).waitFor();
    await context.close();
  });

  it('filters the board by solution and by owner', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('link', { name: 'PT Media Cakrawala' }).waitFor();
    await page.getByRole('textbox', { name: 'Solusi' }).click();
    await page.getByRole('option', { name: 'Adaptive Security Architecture' }).click();
    await page.waitForURL(/solution=/);
    await page.getByRole('link', { name: 'PT Logistik Andalan' }).waitFor();
    await page.getByRole('link', { name: 'PT Media Cakrawala' }).waitFor({ state: 'detached' });
    expect(await page.getByRole('link', { name: 'PT Bank Sejahtera' }).count()).toBe(0);
    await context.close();
  });

  it('edits the value and is told when someone else changed the journey first', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('link', { name: 'PT Energi Prima' }).click();
    await page.getByRole('heading', { name: 'Nilai dan tanggal' }).waitFor();

    const value = page.getByRole('textbox', { name: /^Nilai/ });
    await value.fill('abc');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Tulis nilai dalam rupiah, misalnya 1.500.000.').waitFor();
    await value.fill('2.750.000.000');
    await page.getByLabel('Perkiraan tanggal keputusan').fill('2026-03-31');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByText('Perubahan disimpan.').waitFor();
    await page.getByText('Rp 2.750.000.000', { exact: true }).first().waitFor();

    // Someone else saves in between: this page still holds the old version.
    const journey = workspace.journeys[3];
    if (!journey) throw new Error('no journey');
    const current = await workspace.admin.request<{ version: number }>('GET', `/journeys/${journey.id}`);
    await workspace.admin.request('PATCH', `/journeys/${journey.id}`, { valueMinor: 100_00, version: current.version });
    await value.fill('3.000.000.000');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('alert').filter({ hasText: 'Seseorang telah mengubah perjalanan ini; muat ulang.' }).waitFor();
    await screenshot(page, 'journey-conflict-id', { fullPage: true });
    await page.getByRole('button', { name: 'Muat ulang' }).click();
    await page.getByText('Rp 100', { exact: true }).first().waitFor();
    await context.close();
  });

  it('scrolls the board sideways on a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('heading', { name: 'Pengetahuan' }).waitFor();
    const board = page.getByRole('region', { name: 'Papan pipeline per tahap' });
    const sizes = await board.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
    expect(sizes.scroll).toBeGreaterThan(sizes.client);
    const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'pipeline-phone-id');
    await context.close();
  });
});
