import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('a viewer', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    await makeWorkspace(server.url, { journeys: 3 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the pipeline and journeys but gets no move or edit controls', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'vina@contoh.co.id');
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    expect(await page.getByRole('button', { name: /Pindahkan ke…/ }).count()).toBe(0);
    expect(await page.locator('article[data-movable]').count()).toBe(0);
    await screenshot(page, 'pipeline-viewer-id');

    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    await page.getByRole('heading', { name: 'Riwayat tahap' }).waitFor();
    expect(await page.getByRole('button', { name: /Pindahkan ke…/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Simpan' }).count()).toBe(0);
    await page.getByText('Rp 150.000.000').first().waitFor();
    await context.close();
  });
});
