import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('the quick log', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 2 });
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    await makeContact(workspace.admin, bank.accountId);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('logs a WhatsApp activity with quick log and sees it on the account', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.locator('body').press('l');
    const dialog = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await dialog.waitFor();
    await dialog.getByRole('textbox', { name: /^Akun/ }).fill('Sejah');
    await page.getByRole('option', { name: /PT Bank Sejahtera/ }).click();
    await dialog.getByLabel('Jenis aktivitas').selectOption('whatsapp');
    await dialog.getByLabel('Kontak (opsional)').selectOption({ label: 'Sari Dewi (Head of IT)' });
    const chat = dialog.getByRole('link', { name: 'Buka chat WhatsApp dengan Sari Dewi' });
    expect(await chat.getAttribute('href')).toBe('https://wa.me/6281234567890');
    expect(await dialog.getByRole('textbox', { name: /^Subjek/ }).inputValue()).toBe('WhatsApp — Sari Dewi');
    await dialog.getByRole('textbox', { name: 'Hasil' }).fill('Minta proposal data center');
    await dialog.getByRole('textbox', { name: 'Langkah berikutnya' }).fill('Kirim proposal hari Jumat');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'quick-log-id');
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();

    const confirmation = page.getByRole('status').filter({ hasText: 'Aktivitas dicatat untuk' });
    await confirmation.waitFor();
    await confirmation.getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    const timeline = page.getByRole('list', { name: 'Linimasa aktivitas' });
    await timeline.getByText('WhatsApp — Sari Dewi').waitFor();
    await timeline.getByText('Hasil: Minta proposal data center').waitFor();

    // On the account's page the quick log starts with that account.
    await page.keyboard.press('Alt+l');
    await dialog.waitFor();
    await expect.poll(() => dialog.getByRole('textbox', { name: /^Akun/ }).inputValue()).toBe('PT Bank Sejahtera');
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByRole('dialog', { name: 'Log activity' }).waitFor();
    await screenshot(page, 'quick-log-en');
    await page.keyboard.press('Escape');
    await switchLanguage(page, 'Andi Wijaya', 'id');
    await context.close();
  });

  it('logs a visit from the header button on a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await dialog.getByRole('textbox', { name: /^Akun/ }).fill('Logistik');
    await page.getByRole('option', { name: /PT Logistik Andalan/ }).click();
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).scrollIntoViewIfNeeded();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'quick-log-phone-id');
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await page.getByRole('status').filter({ hasText: 'Aktivitas dicatat untuk' }).waitFor();
    await page.getByRole('list', { name: 'Aktivitas tim' }).getByText('Kunjungan').first().waitFor();
    await context.close();
  });

  it('refuses an empty log with the reason next to the field', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await dialog.getByText('Pilih akun.').waitFor();
    await context.close();
  });
});
