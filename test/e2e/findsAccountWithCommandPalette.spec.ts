import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/**
 * Waits until the option is the highlighted one (results arrive while typing and reset the
 * highlight), moving the highlight down to it if needed, then presses Enter.
 */
async function choose(page: Page, name: string | RegExp) {
  const option = page.getByRole('option', { name }).first();
  await option.waitFor();
  const id = await option.getAttribute('id');
  // The palette's own input: the screen behind it may have comboboxes too (the board's filters).
  const input = page.getByRole('dialog').getByRole('combobox');
  for (let i = 0; i < 20; i++) {
    const active = await input.getAttribute('aria-activedescendant');
    if (active === id) break;
    await page.waitForTimeout(100);
    if (i % 3 === 2) await page.keyboard.press('ArrowDown');
  }
  expect(await input.getAttribute('aria-activedescendant')).toBe(id);
  await page.keyboard.press('Enter');
}

describe('the command palette', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 3 });
    const logistics = workspace.journeys[1];
    if (!logistics) throw new Error('no journey');
    await makeContact(workspace.admin, logistics.accountId, { fullName: 'Rudi Logistiawan', title: 'IT Manager' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('finds an account with the command palette', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.keyboard.press('Control+k');
    const dialog = page.getByRole('dialog', { name: 'Pencarian dan perintah' });
    const input = dialog.getByRole('combobox', { name: 'Cari akun, kontak, perjalanan, atau perintah' });
    await input.fill('Logisti');
    const listbox = dialog.getByRole('listbox');
    await listbox.getByRole('option', { name: /PT Logistik Andalan/ }).first().waitFor();
    await listbox.getByRole('option', { name: /Rudi Logistiawan/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'command-palette-id');
    // The first result is highlighted: Enter opens the account.
    expect(await input.getAttribute('aria-activedescendant')).toMatch(/^palette-account:/);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'PT Logistik Andalan', level: 1 }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/accounts\//);

    // Actions: the arrow keys reach them, Enter runs them.
    await page.keyboard.press('Control+k');
    await input.fill('pipeline');
    await listbox.getByRole('option', { name: 'Buka Pipeline' }).waitFor();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowUp');
    await choose(page, 'Buka Pipeline');
    await page.getByRole('heading', { name: 'Pipeline' }).waitFor();

    await page.keyboard.press('Control+k');
    await input.fill('english');
    await choose(page, 'Switch to English');
    await page.getByRole('heading', { name: 'Knowledge' }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog', { name: 'Search and commands' }).getByRole('combobox').fill('my');
    await page.getByRole('option', { name: 'Go to My day' }).waitFor();
    await screenshot(page, 'command-palette-en');
    await choose(page, 'Go to My day');
    await page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
    await page.keyboard.press('Control+k');
    await page.getByRole('dialog').getByRole('combobox').fill('bahasa');
    await choose(page, /Bahasa Indonesia/);
    await page.getByRole('heading', { name: 'Hari saya', level: 1 }).waitFor();
    await context.close();
  });

  it('opens from the header button and says when nothing matches', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('button', { name: 'Cari', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Pencarian dan perintah' });
    await dialog.getByRole('combobox').fill('zzzz tidak ada');
    await dialog.getByText('Tidak ditemukan.').waitFor();
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await context.close();
  });
});
