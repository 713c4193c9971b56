import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

describe('a marketer', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    // Four accounts in Jabodetabek, each with an IT recommender (Budi Santoso …); one finance director besides.
    const workspace = await makeWorkspace(server.url, { journeys: 4, knowledgeEvidence: true });
    const accounts = await workspace.admin.get<{ items: { id: string; name: string }[] }>('/accounts?limit=10');
    const bank = accounts.items.find((a) => a.name === 'PT Bank Sejahtera');
    await makeContact(workspace.admin, bank?.id ?? '', { fullName: 'Rina Keuangan', division: 'finance', seniority: 'director' });
    await workspace.admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Marcomm', role: 'marcomm', password: PASSWORD, locale: 'id' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('builds a segment with a live count, saves it and freezes it as a static list', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'maya@contoh.co.id', PASSWORD, '/');
    await page.getByRole('button', { name: 'Pemasaran' }).click();
    await page.getByRole('menuitem', { name: 'Segmen' }).click();
    await page.getByRole('heading', { name: 'Segmen', level: 1 }).waitFor();
    await page.getByText('Belum ada segmen').waitFor();
    await page.getByRole('button', { name: 'Segmen baru' }).click();
    await page.getByRole('heading', { name: 'Segmen baru', level: 1 }).waitFor();

    // No conditions yet: everyone matches (5 contacts at 4 accounts).
    const live = page.getByTestId('segment-live-count');
    await page.getByText('5 kontak di 4 akun').waitFor();
    await page.getByLabel('Nama').fill('TI di Jabodetabek');

    // First condition: division is IT.
    await page.getByRole('button', { name: 'Tambah syarat' }).click();
    const fieldInputs = page.getByRole('textbox', { name: 'Kolom' });
    await fieldInputs.nth(0).click();
    await page.getByRole('option', { name: 'Divisi' }).click();
    await page.getByText('4 kontak di 4 akun').waitFor();

    // Second condition: region is Jabodetabek (its first value), then an excluded group: finance.
    await page.getByRole('button', { name: 'Tambah syarat' }).click();
    await fieldInputs.nth(1).click();
    await page.getByRole('option', { name: 'Wilayah' }).click();
    await page.getByRole('textbox', { name: 'Nilai' }).nth(1).waitFor();
    expect(await live.textContent()).toBe('4 kontak di 4 akun');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'segment-builder-id', { fullPage: true });

    await page.getByRole('button', { name: 'Buat segmen' }).click();
    await page.getByRole('heading', { name: 'TI di Jabodetabek', level: 1 }).waitFor();
    await page.getByText('Dinamis', { exact: true }).waitFor();
    // The preview lists the matching contacts, not the finance director.
    await page.getByRole('region', { name: 'Kontak yang cocok' }).getByText('PT Bank Sejahtera').waitFor();
    expect(await page.getByText('Rina Keuangan').count()).toBe(0);

    await page.getByRole('button', { name: 'Bekukan sebagai daftar statis' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bekukan segmen ini?' });
    await dialog.getByText(/4 kontak yang cocok saat ini menjadi daftar tetap/).waitFor();
    await dialog.getByRole('button', { name: 'Bekukan sebagai daftar statis' }).click();
    await page.getByText('Daftar statis', { exact: true }).waitFor();
    await page.getByText(/Dibekukan pada .*: 4 kontak/).waitFor();
    await page.getByRole('region', { name: 'Anggota yang dibekukan' }).waitFor();

    await page.getByRole('link', { name: '← Segmen' }).click();
    await page.getByRole('link', { name: 'TI di Jabodetabek' }).waitFor();
    await page.getByRole('cell', { name: '4', exact: true }).waitFor();
    await context.close();
  });
});
