import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ApiSession, makeContact, makeWorkspace, PASSWORD, type JourneyRef } from './support/api.js';
import { launchChromium, newPage, screenshot, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

// Uploads go under DIFUSI_DATA_DIR (the server's default data dir).
const dataDir = mkdtempSync(join(tmpdir(), 'difusi-e2e-content-'));
process.env.DIFUSI_DATA_DIR = dataDir;

describe('marketing communication and an account manager', () => {
  let server: RunningServer;
  let browser: Browser;
  let journey: JourneyRef;
  let admin: ApiSession;
  const pdf = join(dataDir, 'Studi Kasus Bank Sejahtera.pdf');

  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 1 });
    admin = workspace.admin;
    journey = workspace.journeys[0] as JourneyRef;
    await makeContact(admin, journey.accountId, { fullName: 'Rina Pemula', division: 'hr', techProficiency: 'beginner', seniority: 'manager' });
    await admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Marcomm', role: 'marcomm', password: PASSWORD, locale: 'id' });
    writeFileSync(pdf, Buffer.concat([Buffer.from('%PDF-1.4\n'), Buffer.alloc(40_000, 7)]));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('upload a case study, link it in the playbook, and the AM shares it from the journey, logging an activity', async () => {
    const marcomm = await newPage(browser, server.url);
    const m = marcomm.page;
    await signIn(m, 'maya@contoh.co.id', PASSWORD, '/content');
    await m.getByRole('heading', { name: 'Pustaka konten', level: 1 }).waitFor();
    await m.getByText('Pustaka masih kosong').waitFor();
    await m.getByRole('button', { name: 'Unggah berkas' }).click();
    const upload = m.getByRole('dialog', { name: 'Unggah konten' });
    await upload.locator('input[type=file]').setInputFiles(pdf);
    await upload.getByLabel('Judul').fill('Studi kasus: Bank Sejahtera');
    await upload.getByRole('button', { name: 'Unggah' }).click();
    await upload.waitFor({ state: 'detached' });
    await m.getByRole('link', { name: 'Studi kasus: Bank Sejahtera' }).waitFor();
    await m.getByText('PDF', { exact: true }).waitFor();

    // Link it to a new knowledge-stage tip for beginners.
    await m.goto(`${server.url}/playbook`);
    await m.getByRole('heading', { name: 'Konten playbook', level: 1 }).waitFor();
    await m.getByRole('button', { name: 'Tambah entri' }).click();
    const entry = m.getByRole('dialog', { name: 'Tambah entri' });
    await entry.getByLabel('Jenis').selectOption('tip');
    await entry.getByLabel('Persona', { exact: true }).selectOption('beginner');
    await entry.getByLabel('Judul dalam bahasa Indonesia').fill('Kirim studi kasus perbankan');
    await entry.getByLabel('Isi dalam bahasa Indonesia').fill('Pengguna bisnis pemula lebih yakin setelah membaca kisah bank serupa.');
    await entry.getByLabel('Judul dalam bahasa Inggris').fill('Send the banking case study');
    await entry.getByLabel('Isi dalam bahasa Inggris').fill('Beginner business users trust a story from a similar bank.');
    await entry.getByRole('textbox', { name: 'Konten terkait' }).click();
    await m.getByRole('option', { name: 'Studi kasus: Bank Sejahtera' }).click();
    await entry.getByRole('textbox', { name: 'Konten terkait' }).press('Tab');
    await m.getByRole('listbox').waitFor({ state: 'hidden' });
    await entry.getByRole('button', { name: 'Simpan' }).click();
    await entry.waitFor({ state: 'detached' });
    await m.getByText('Kirim studi kasus perbankan').waitFor();
    await marcomm.context.close();

    // The AM sees it on the journey's playbook panel, for the beginner HR contact, and shares it.
    const am = await newPage(browser, server.url);
    const a = am.page;
    await signIn(a, 'andi@contoh.co.id', PASSWORD, `/journeys/${journey.id}`);
    const guide = a.getByRole('region', { name: 'Playbook: Pengetahuan' });
    await guide.getByText('Pemula · SDM (1)').waitFor();
    await guide.getByText('Pengguna bisnis pemula lebih yakin setelah membaca kisah bank serupa.').waitFor();
    await screenshot(a, 'journey-playbook-guide-id', { fullPage: true });
    await guide.getByRole('button', { name: 'Bagikan Studi kasus: Bank Sejahtera' }).click();
    const share = a.getByRole('dialog', { name: 'Bagikan “Studi kasus: Bank Sejahtera”' });
    await share.getByRole('textbox', { name: 'Kontak' }).click();
    await a.getByRole('option', { name: /Rina Pemula/ }).click();
    await share.getByLabel('Kanal').selectOption('whatsapp');
    await share.getByRole('button', { name: 'Catat pembagian' }).click();
    await share.waitFor({ state: 'detached' });

    const activities = await admin.get<{ items: { type: string; subject: string; journeyId: string }[] }>(`/activities?journeyId=${journey.id}`);
    expect(activities.items).toEqual([expect.objectContaining({ type: 'content_shared', subject: 'Studi kasus: Bank Sejahtera', journeyId: journey.id })]);
    await a.goto(`${server.url}/activities`);
    await a.getByText('Studi kasus: Bank Sejahtera').first().waitFor();
    await am.context.close();
  });
});
