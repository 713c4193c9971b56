import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('a move the stage machine refuses', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const { admin, am, team, solutions } = await makeWorkspace(server.url, { journeys: 2 });
    // A journey with no contact and no touch yet: the knowledge gates hold it.
    const account = await admin.post<{ id: string }>('/accounts', {
      name: 'PT Tanpa Kontak',
      industry: 'retail',
      sizeBand: '50-249',
      tier: 'smb',
      city: 'Semarang',
      province: 'Jawa Tengah',
      region: 'java',
      ownerId: am.id,
      teamId: team.id,
    });
    await admin.post('/journeys', { accountId: account.id, solutionId: solutions.dataCenter.id, ownerId: am.id });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows the server’s reason when a journey skips from knowledge to decision', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('button', { name: 'Pindahkan ke… (PT Bank Sejahtera)' }).click();
    await page.getByRole('menuitem', { name: 'Keputusan' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'Perjalanan ini tidak dapat dipindahkan ke sana.' });
    await alert.waitFor();
    await alert.getByText(/Maju hanya satu tahap setiap kali/).waitFor();
    await page.locator('section[data-stage="knowledge"]').getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    await screenshot(page, 'pipeline-refused-id');
    await context.close();
  });

  it('keeps a journey in knowledge until its gates are met, saying why', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('button', { name: 'Pindahkan ke… (PT Tanpa Kontak)' }).click();
    await page.getByRole('menuitem', { name: 'Persuasi' }).click();
    await page.getByRole('alert').filter({ hasText: 'Perjalanan ini belum memenuhi syarat tahap yang akan ditinggalkan.' }).waitFor();
    await page.locator('section[data-stage="knowledge"]').getByRole('link', { name: 'PT Tanpa Kontak' }).waitFor();
    await screenshot(page, 'pipeline-gates-unmet-id');
    await context.close();
  });

  it('asks for a reason before rejecting a journey and takes it off the board', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id');
    await page.getByRole('button', { name: 'Pindahkan ke… (PT Logistik Andalan)' }).click();
    await page.getByRole('menuitem', { name: 'Tolak' }).click();
    const dialog = page.getByRole('dialog', { name: 'Tolak perjalanan PT Logistik Andalan' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await dialog.getByText('Pilih alasannya.').waitFor();
    await dialog.getByRole('textbox', { name: 'Alasan' }).click();
    await page.getByRole('option', { name: 'Anggaran' }).click();
    await dialog.getByRole('textbox', { name: /Catatan/ }).fill('Anggaran TI tahun ini sudah habis.');
    await screenshot(page, 'pipeline-reject-dialog-id');
    await dialog.getByRole('button', { name: 'Tolak' }).click();
    await page.getByRole('status').filter({ hasText: 'PT Logistik Andalan: Ditolak.' }).waitFor();
    await page.getByRole('link', { name: 'PT Logistik Andalan' }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: 'Perjalanan', exact: true }).click();
    await page.getByRole('link', { name: 'PT Logistik Andalan' }).click();
    await page.getByText('Alasan: Anggaran').waitFor();
    await page.getByText('Ditolak di Pengetahuan').waitFor();
    await context.close();
  });
});
