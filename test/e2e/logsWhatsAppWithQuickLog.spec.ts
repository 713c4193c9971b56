import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('the quick log', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 2 });
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

  it('logs a visit that happened yesterday morning, read in the user’s time zone', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.getByRole('button', { name: 'Catat', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Catat aktivitas' });
    await dialog.getByRole('textbox', { name: /^Akun/ }).fill('Logistik');
    await page.getByRole('option', { name: /PT Logistik Andalan/ }).click();
    // Andi works in Asia/Jakarta (UTC+7): yesterday 09:15 there is yesterday 02:15 UTC.
    const yesterday = new Date(Date.now() + 7 * 3600_000 - 86_400_000).toISOString().slice(0, 10);
    const when = dialog.getByLabel(/^Waktu/);
    await when.fill(`${new Date(Date.now() + 7 * 3600_000 + 2 * 86_400_000).toISOString().slice(0, 10)}T09:15`);
    await dialog.getByRole('textbox', { name: /^Subjek/ }).fill('Kunjungan pagi');
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await dialog.getByText('Waktunya di masa depan: catat yang sudah terjadi.').waitFor();
    await when.fill(`${yesterday}T09:15`);
    await dialog.getByRole('button', { name: 'Simpan aktivitas' }).click();
    await page.getByRole('status').filter({ hasText: 'Aktivitas dicatat untuk' }).waitFor();
    const logged = await workspace.admin.get<{ items: { subject: string; occurredAt: string }[] }>('/activities?limit=50');
    expect(logged.items.find((a) => a.subject === 'Kunjungan pagi')?.occurredAt).toBe(`${yesterday}T02:15:00.000Z`);
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
