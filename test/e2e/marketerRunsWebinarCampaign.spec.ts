import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace, PASSWORD, type ApiSession } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

interface Task {
  title: string;
  assigneeId: string | null;
  relatedType: string | null;
  relatedId: string | null;
}

describe('a marketer', () => {
  let server: RunningServer;
  let browser: Browser;
  let admin: ApiSession;
  let amId: string;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 0 });
    admin = workspace.admin;
    amId = workspace.am.id;
    // Three IT people at two Surabaya accounts, and one in Medan who is not in the segment.
    const account = (name: string, city: string) =>
      admin.post<{ id: string }>('/accounts', {
        name,
        industry: 'manufacturing',
        sizeBand: '250-999',
        tier: 'enterprise',
        city,
        province: city === 'Surabaya' ? 'Jawa Timur' : 'Sumatera Utara',
        region: city === 'Surabaya' ? 'java' : 'sumatra',
        relationship: 'new_logo',
        ownerId: workspace.am.id,
        teamId: workspace.team.id,
      });
    const baja = await account('PT Baja Timur', 'Surabaya');
    const kemasan = await account('PT Kemasan Jaya', 'Surabaya');
    const medan = await account('PT Sawit Medan', 'Medan');
    await makeContact(admin, baja.id, { fullName: 'Agus Pratama', whatsapp: null });
    await makeContact(admin, baja.id, { fullName: 'Dewi Lestari', whatsapp: null });
    await makeContact(admin, kemasan.id, { fullName: 'Hendra Gunawan', whatsapp: null });
    await makeContact(admin, medan.id, { fullName: 'Rudi Siregar', whatsapp: null });
    await admin.post('/users', { email: 'maya@contoh.co.id', name: 'Maya Marcomm', role: 'marcomm', password: PASSWORD, locale: 'id' });
    await admin.post('/segments', {
      name: 'TI di Surabaya',
      rule: { all: [{ field: 'account.city', op: 'eq', value: 'Surabaya' }, { field: 'contact.division', op: 'eq', value: 'it' }] },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('launches a webinar to a segment, records attendance, and sees the journeys opened and the follow-up tasks', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'maya@contoh.co.id', PASSWORD, '/');
    await page.getByRole('button', { name: 'Pemasaran' }).click();
    await page.getByRole('menuitem', { name: 'Kampanye' }).click();
    await page.getByRole('heading', { name: 'Kampanye', level: 1 }).waitFor();
    await page.getByText('Belum ada kampanye').waitFor();

    await page.getByRole('button', { name: 'Kampanye baru' }).click();
    const form = page.getByRole('dialog', { name: 'Kampanye baru' });
    await form.getByLabel('Nama').fill('Webinar Pusat Data Surabaya');
    await form.getByRole('textbox', { name: 'Solusi' }).click();
    await page.getByRole('option', { name: 'Data Center & Cloud Infrastructure' }).click();
    await form.getByRole('textbox', { name: 'Segmen' }).click();
    await page.getByRole('option', { name: 'TI di Surabaya' }).click();
    await form.getByLabel('Anggaran (Rp)').fill('15.000.000');
    await form.getByRole('button', { name: 'Buat draf' }).click();

    await page.getByRole('heading', { name: 'Webinar Pusat Data Surabaya', level: 1 }).waitFor();
    await page.getByText('Kampanye ini masih draf').waitFor();
    await page.getByRole('button', { name: 'Luncurkan' }).click();
    const confirm = page.getByRole('dialog', { name: 'Luncurkan kampanye?' });
    await confirm.getByText(/TI di Surabaya/).waitFor();
    await confirm.getByRole('button', { name: 'Luncurkan' }).click();
    await page.getByText('Berjalan', { exact: true }).waitFor();
    await page.getByText('3 kontak di 2 akun').waitFor();
    expect(await page.getByText('Rudi Siregar').count()).toBe(0);

    // Agus and Hendra attended: each opens a journey at his account.
    for (const name of ['Agus Pratama', 'Hendra Gunawan']) {
      await page.getByRole('combobox', { name: `Catat respons untuk ${name}` }).selectOption({ label: 'Hadir' });
      await page.getByText('Respons dicatat; perjalanan baru dibuka pada tahap pengetahuan.').waitFor();
    }
    const responses = page.getByRole('region', { name: 'Respons' });
    await expect.poll(() => responses.getByRole('link', { name: 'Dibuka' }).count()).toBe(2);

    const results = page.getByRole('region', { name: 'Hasil' });
    await results.getByText('Perjalanan dibuka', { exact: true }).waitFor();
    await results.getByText('2 perjalanan disentuh').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'campaign-webinar-id', { fullPage: true });

    // The journey opened at PT Baja Timur is in the knowledge stage.
    await page.getByRole('region', { name: 'Respons' }).getByRole('link', { name: 'Dibuka' }).first().click();
    await page.getByText(/Data Center & Cloud Infrastructure/).first().waitFor();
    await page.getByText(/Pengetahuan/).first().waitFor();
    await context.close();

    // The automation worker reacts to the attendance: a follow-up task for the AM on each journey.
    await expect
      .poll(async () => (await admin.get<{ items: Task[] }>('/tasks?limit=50')).items.filter((t) => t.title === 'Tindak lanjuti peserta webinar').length, { timeout: 20_000 })
      .toBe(2);
    const tasks = (await admin.get<{ items: Task[] }>('/tasks?limit=50')).items.filter((t) => t.title === 'Tindak lanjuti peserta webinar');
    expect(tasks.every((t) => t.assigneeId === amId && t.relatedType === 'journey')).toBe(true);
  });
});
