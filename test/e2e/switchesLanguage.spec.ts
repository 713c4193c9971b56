import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('the language switch', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 3 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switches to English, keeps it in the profile, and switches back', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('button', { name: 'Andi Wijaya' }).click();
    await screenshot(page, 'user-menu-id');
    await page.getByRole('menuitem', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Knowledge' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByRole('button', { name: 'Move to… (PT Bank Sejahtera)' }).waitFor();
    await screenshot(page, 'pipeline-en');

    // The choice is the user's, not the browser's: it survives a reload and a new browser.
    const me = await workspace.admin.request<{ items: { email: string; locale: string }[] }>('GET', '/users?limit=200');
    expect(me.items.find((u) => u.email === 'andi@contoh.co.id')?.locale).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Persuasion' }).waitFor();

    await page.getByRole('button', { name: 'Move to… (PT Bank Sejahtera)' }).click();
    await page.getByRole('menuitem', { name: 'Decision' }).click();
    await page.getByRole('alert').filter({ hasText: 'A journey moves forward one stage at a time' }).waitFor();
    await screenshot(page, 'pipeline-refused-en');

    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    await page.getByRole('heading', { name: 'Stage history' }).waitFor();
    await page.getByText('Opened in Knowledge').waitFor();
    await screenshot(page, 'journey-en', { fullPage: true });

    await page.getByRole('link', { name: 'Journeys', exact: true }).click();
    await page.getByRole('columnheader', { name: 'Account' }).waitFor();
    await screenshot(page, 'journeys-en');

    await page.getByRole('button', { name: 'Andi Wijaya' }).click();
    await screenshot(page, 'user-menu-en');
    await page.getByRole('menuitem', { name: 'Bahasa Indonesia' }).click();
    await page.getByRole('columnheader', { name: 'Akun' }).waitFor();
    await screenshot(page, 'journeys-id');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('id');

    await page.getByRole('button', { name: 'Andi Wijaya' }).click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await context.close();
  });
});
