import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, newPage, screenshot, seriousA11yViolations } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('a new workspace', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks the first visitor to create the administrator and then lands in the app', async () => {
    const { context, page } = await newPage(browser, server.url);
    await page.goto('/');
    await page.getByRole('heading', { name: 'Buat administrator pertama' }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'setup-id');

    await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();
    await page.getByText('Isi nama Anda.').waitFor();
    await page.getByText('Isi email Anda.').waitFor();
    await page.getByText('Kata sandi minimal 10 karakter.').waitFor();
    await screenshot(page, 'setup-validation-id');

    await page.locator('label', { hasText: 'English' }).click();
    await page.getByRole('heading', { name: 'Create the first administrator' }).waitFor();
    await screenshot(page, 'setup-en');
    await page.locator('label', { hasText: 'Bahasa Indonesia' }).click();

    await page.getByLabel('Nama lengkap').fill('Rina Admin');
    await page.getByLabel('Email').fill('rina@contoh.co.id');
    await page.getByLabel(/^Kata sandi/).fill('kata-sandi-rahasia');
    await page.getByLabel('Ulangi kata sandi').fill('kata-sandi-rahasia');
    await page.getByRole('button', { name: 'Buat akun dan masuk' }).click();

    // The app opens on My day, empty in a new workspace.
    await page.getByRole('heading', { name: 'Hari saya', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    await page.getByText('Tidak ada tugas terbuka').waitFor();
    await screenshot(page, 'my-day-empty-id');
    await page.getByRole('navigation', { name: 'Navigasi utama' }).getByRole('link', { name: 'Pipeline', exact: true }).click();
    await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
    await page.getByRole('heading', { name: 'Pengetahuan' }).waitFor();
    expect(await page.getByText('Belum ada perjalanan di tahap ini.').count()).toBe(5);
    await page.getByRole('button', { name: 'Rina Admin' }).waitFor();
    await screenshot(page, 'pipeline-empty-id');
    await context.close();
  });
});
