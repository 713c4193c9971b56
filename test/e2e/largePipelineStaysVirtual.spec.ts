import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const JOURNEYS = 240;

describe('a large pipeline', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const { admin, am, team, solutions } = await makeWorkspace(server.url, { journeys: 0 });
    for (let start = 0; start < JOURNEYS; start += 20) {
      await Promise.all(
        Array.from({ length: 20 }, async (_, k) => {
          const i = start + k;
          const account = await admin.post<{ id: string }>('/accounts', {
            name: `PT Pelanggan ${String(i).padStart(4, '0')}`,
            industry: 'retail',
            sizeBand: '50-249',
            tier: 'smb',
            city: 'Semarang',
            province: 'Jawa Tengah',
            region: 'java',
            ownerId: am.id,
            teamId: team.id,
          });
          await admin.post('/journeys', { accountId: account.id, solutionId: solutions.dataCenter.id, valueMinor: 1_000_000_00 + i });
        }),
      );
    }
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('renders only the visible cards of a long column and loads more pages on scroll', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    const column = page.locator('section[data-stage="knowledge"]');
    await column.locator('article').first().waitFor();
    await column.getByText(`${JOURNEYS} ·`, { exact: false }).waitFor();
    const rendered = await column.locator('article').count();
    expect(rendered).toBeGreaterThan(3);
    expect(rendered).toBeLessThan(40);

    // Scroll to the bottom repeatedly: the next pages arrive, the DOM stays small.
    const body = column.locator('ul').locator('..');
    for (let i = 0; i < 12; i += 1) {
      await body.evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
      await page.waitForTimeout(150);
    }
    await column.getByRole('link', { name: `PT Pelanggan ${String(JOURNEYS - 1).padStart(4, '0')}` }).waitFor();
    expect(await column.locator('article').count()).toBeLessThan(40);
    await context.close();
  });
});
