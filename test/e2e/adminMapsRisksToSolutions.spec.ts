import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('an administrator', () => {
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

  it('maps a risk area to the solution lines that address it, and can undo before saving', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/settings/pipelines');
    const panel = page.getByRole('region', { name: 'Risiko dan solusi yang menanganinya' });
    const cell = panel.getByRole('checkbox', { name: 'Analitik menangani risiko Jaringan' });
    await cell.waitFor();
    expect(await cell.isChecked()).toBe(false);
    const save = panel.getByRole('button', { name: 'Simpan peta' });
    expect(await save.isDisabled()).toBe(true);

    await cell.check();
    await panel.getByRole('button', { name: 'Batalkan perubahan' }).click();
    expect(await cell.isChecked()).toBe(false);

    await cell.check();
    await save.click();
    await panel.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    const map = await workspace.admin.get<{ items: { riskCategory: string; solutionCategory: string }[] }>('/risk-solution-map');
    expect(map.items).toContainEqual({ riskCategory: 'network', solutionCategory: 'analytics' });
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'risk-map-id', { fullPage: true });
    await context.close();
  });
});
