import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('settings', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 1 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('an admin creates a user in settings', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/');
    await page.getByRole('button', { name: 'Admin Difusi' }).click();
    await page.getByRole('menuitem', { name: 'Pengaturan' }).click();
    await page.getByRole('heading', { name: 'Pengguna', level: 2 }).waitFor();
    const form = page.getByRole('form', { name: 'Pengguna baru' });
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await form.getByText('Isi nama Anda.').waitFor();
    await form.getByText('Kata sandi minimal 10 karakter.').waitFor();

    await form.getByRole('textbox', { name: /^Nama lengkap/ }).fill('Budi Santoso');
    await form.getByRole('textbox', { name: /^Email/ }).fill('budi@contoh.co.id');
    await form.getByLabel(/^Kata sandi awal/).fill(PASSWORD);
    await form.getByLabel('Peran').selectOption('solution_architect');
    await form.getByLabel('Tim').selectOption({ label: 'SMB Team' });
    await form.getByRole('button', { name: 'Buat pengguna' }).click();
    await page.getByRole('status').filter({ hasText: 'Budi Santoso sekarang dapat masuk.' }).waitFor();
    const row = page.getByRole('table', { name: 'Pengguna' }).getByRole('row', { name: /Budi Santoso/ });
    await row.waitFor();
    expect(await row.getByLabel('Peran Budi Santoso').inputValue()).toBe('solution_architect');

    // Change a role, deactivate a user, add and rename a team.
    await page.getByLabel('Peran Vina Lestari').selectOption('marcomm');
    // The row's controls stay disabled until the role change is saved and reloaded.
    await expect.poll(() => page.getByLabel('Vina Lestari aktif').isEnabled()).toBe(true);
    await page.getByLabel('Vina Lestari aktif').click({ force: true });
    await expect.poll(() => page.getByLabel('Vina Lestari aktif').isChecked()).toBe(false);
    await page.getByRole('textbox', { name: 'Nama tim baru' }).fill('Enterprise Team');
    await page.getByRole('button', { name: 'Buat tim' }).click();
    const rename = page.getByRole('textbox', { name: 'Nama tim Enterprise Team' });
    await rename.fill('Tim Korporasi');
    await page.getByRole('form', { name: 'Ganti nama Enterprise Team' }).getByRole('button', { name: 'Ganti nama' }).click();
    await page.getByRole('textbox', { name: 'Nama tim Tim Korporasi' }).waitFor();

    const users = await workspace.admin.get<{ items: { email: string; role: string; active: boolean; teamId: string | null }[] }>('/users?limit=200');
    expect(users.items.find((u) => u.email === 'budi@contoh.co.id')).toMatchObject({ role: 'solution_architect', teamId: workspace.team.id });
    await expect.poll(async () => (await workspace.admin.get<{ items: { email: string; role: string; active: boolean }[] }>('/users?limit=200')).items.find((u) => u.email === 'vina@contoh.co.id')).toMatchObject({ role: 'marcomm', active: false });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings-admin-id', { fullPage: true });

    // The new user signs in.
    const second = await newPage(browser, server.url);
    await signIn(second.page, 'budi@contoh.co.id', PASSWORD, '/');
    await second.context.close();
    await context.close();
  });

  it('an account manager changes their time zone and sees no admin sections', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id', undefined, '/settings');
    await page.getByRole('heading', { name: 'Profil saya' }).waitFor();
    expect(await page.getByRole('heading', { name: 'Pengguna' }).count()).toBe(0);
    expect(await page.getByRole('heading', { name: 'Tim' }).count()).toBe(0);
    await page.getByRole('textbox', { name: /^Zona waktu/ }).click();
    await page.getByRole('textbox', { name: /^Zona waktu/ }).fill('Makassar');
    await page.getByRole('option', { name: 'Asia/Makassar' }).click();
    await page.getByLabel('Bahasa').selectOption('en');
    await page.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('heading', { name: 'My profile' }).waitFor();
    const me = await workspace.admin.get<{ items: { email: string; timeZone: string; locale: string }[] }>('/users?limit=200');
    expect(me.items.find((u) => u.email === 'andi@contoh.co.id')).toMatchObject({ timeZone: 'Asia/Makassar', locale: 'en' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'settings-phone-en', { fullPage: true });
    // The server refuses what the screen hides.
    const refused = await page.evaluate(async () => (await fetch('/api/teams', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'X' }) })).status);
    expect(refused).toBe(403);
    await context.close();
  });
});
