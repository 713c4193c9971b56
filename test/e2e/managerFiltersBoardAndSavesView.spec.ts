import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/** The account names on the board, sorted (polled: a new filter empties the board while it loads). */
async function cards(page: Page): Promise<string[]> {
  return (await page.locator('section[data-stage] article').evaluateAll((articles) => articles.map((a) => a.getAttribute('aria-label') ?? ''))).sort();
}

describe('a sales manager', () => {
  let server: RunningServer;
  let browser: Browser;
  let principalId: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    // Four enterprise accounts (Jakarta Selatan, Surabaya, Bandung, Medan) with Nusantara Systems solutions …
    const { admin, team, am } = await makeWorkspace(server.url, { journeys: 4 });
    await admin.post('/users', { email: 'rina@contoh.co.id', name: 'Rina Kusuma', role: 'sales_manager', teamId: team.id, password: PASSWORD, locale: 'id' });
    // … and one SMB account in Surabaya on a solution of another principal.
    const principal = await admin.post<{ id: string }>('/principals', { name: 'Garuda Networks' });
    principalId = principal.id;
    const sdwan = await admin.post<{ id: string }>('/solutions', { name: 'SD-WAN Cabang', category: 'networking', principalIds: [principal.id] });
    const account = await admin.post<{ id: string }>('/accounts', {
      name: 'CV Toko Makmur',
      industry: 'retail',
      sizeBand: '1-49',
      tier: 'smb',
      city: 'Surabaya',
      province: 'Jawa Timur',
      region: 'java',
      relationship: 'new_logo',
      ownerId: am.id,
      teamId: team.id,
    });
    await admin.post('/journeys', { accountId: account.id, solutionId: sdwan.id, ownerId: am.id, valueMinor: 25_000_000_00 });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('filters the board by city and tier, saves it as a shared view, reopens, renames and deletes it', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'rina@contoh.co.id');
    await page.getByRole('link', { name: 'CV Toko Makmur' }).waitFor();
    await expect.poll(() => cards(page)).toHaveLength(5);

    await page.getByLabel('Kota').fill('Surabaya');
    await page.getByLabel('Kota').press('Enter');
    await page.waitForURL(/city=Surabaya/);
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor({ state: 'detached' });
    await expect.poll(() => cards(page)).toEqual(['CV Toko Makmur', 'PT Logistik Andalan']);
    await page.getByLabel('Tingkat').selectOption({ label: 'UKM' });
    await page.waitForURL(/tier=smb/);
    await page.getByRole('link', { name: 'PT Logistik Andalan' }).waitFor({ state: 'detached' });
    await expect.poll(() => cards(page)).toEqual(['CV Toko Makmur']);
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    await page.getByRole('menuitem', { name: 'Simpan filter ini sebagai tampilan…' }).click();
    const save = page.getByRole('dialog', { name: 'Simpan tampilan' });
    await save.getByLabel('Nama').fill('Surabaya UKM');
    await save.getByLabel('Bagikan ke seluruh ruang kerja').check();
    await screenshot(page, 'pipeline-save-view-id');
    await save.getByRole('button', { name: 'Simpan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tampilan “Surabaya UKM” disimpan.' }).waitFor();
    await page.getByRole('button', { name: 'Tampilan tersimpan' }).filter({ hasText: 'Tampilan: Surabaya UKM' }).waitFor();

    await page.getByRole('button', { name: 'Hapus filter' }).click();
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor();
    await expect.poll(() => cards(page)).toHaveLength(5);
    expect(new URL(page.url()).search).toBe('');

    await page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    await page.getByRole('menuitem', { name: /Surabaya UKM/ }).click();
    await page.waitForURL(/city=Surabaya&tier=smb/);
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor({ state: 'detached' });
    await expect.poll(() => cards(page)).toEqual(['CV Toko Makmur']);
    expect(await page.getByLabel('Kota').inputValue()).toBe('Surabaya');

    // A colleague sees the shared view, under the manager's name, and cannot change it.
    const colleague = await newPage(browser, server.url);
    await signIn(colleague.page, 'andi@contoh.co.id');
    await colleague.page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    await colleague.page.getByRole('menuitem', { name: /Surabaya UKM oleh Rina Kusuma/ }).click();
    await colleague.page.waitForURL(/city=Surabaya&tier=smb/);
    await colleague.page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    expect(await colleague.page.getByRole('menuitem', { name: 'Kelola tampilan saya…' }).count()).toBe(0);
    await colleague.context.close();

    await page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    await page.getByRole('menuitem', { name: 'Kelola tampilan saya…' }).click();
    const manage = page.getByRole('dialog', { name: 'Tampilan saya' });
    await manage.getByLabel('Nama tampilan “Surabaya UKM”').fill('UKM Surabaya');
    await manage.getByRole('button', { name: 'Simpan' }).click();
    await manage.getByLabel('Nama tampilan “UKM Surabaya”').waitFor();
    await manage.getByRole('button', { name: 'Hapus', exact: true }).click();
    await manage.getByText('Hapus tampilan “UKM Surabaya”? Tindakan ini tidak dapat dibatalkan.').waitFor();
    await screenshot(page, 'pipeline-delete-view-id');
    await manage.getByRole('button', { name: 'Hapus tampilan' }).click();
    await page.getByRole('status').filter({ hasText: 'Tampilan “UKM Surabaya” dihapus.' }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Tampilan tersimpan' }).click();
    await page.getByText('Belum ada tampilan tersimpan').waitFor();
    await context.close();
  });

  it('opens a shared link to the board filtered by principal', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'rina@contoh.co.id', PASSWORD, `/pipeline?principal=${principalId}`);
    await page.getByRole('link', { name: 'CV Toko Makmur' }).waitFor();
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).waitFor({ state: 'detached' });
    await expect.poll(() => cards(page)).toEqual(['CV Toko Makmur']);
    expect(await page.getByLabel('Prinsipal').inputValue()).toBe(principalId);
    await context.close();
  });
});
