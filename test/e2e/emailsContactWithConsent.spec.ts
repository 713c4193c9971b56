import type { AddressInfo } from 'node:net';
import type { Browser } from 'playwright-core';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeContact, makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

interface Received {
  to: string[];
  raw: string;
}

describe('email through SMTP with consent', () => {
  let server: RunningServer;
  let browser: Browser;
  let smtp: SMTPServer;
  let smtpPort = 0;
  const received: Received[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      disabledCommands: ['STARTTLS', 'AUTH'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()));
    smtpPort = (smtp.server.address() as AddressInfo).port;
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 1 });
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    await makeContact(workspace.admin, bank.accountId, { email: 'sari.dewi@banksejahtera.co.id' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await new Promise<void>((resolve) => smtp?.close(() => resolve()));
  });

  it('an admin sets up SMTP and sends a test email', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/settings');
    const form = page.getByRole('form', { name: 'Email (SMTP)' });
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByText('Isi alamat email.').waitFor();
    await form.getByRole('textbox', { name: /^Server SMTP/ }).fill('127.0.0.1');
    await form.getByLabel('Keamanan').selectOption('none');
    await form.getByRole('textbox', { name: /^Port/ }).fill(String(smtpPort));
    await form.getByRole('textbox', { name: /^Alamat pengirim/ }).fill('crm@contoh.co.id');
    await form.getByRole('textbox', { name: /^Nama pengirim/ }).fill('Difusi CRM');
    await form.getByRole('button', { name: 'Simpan' }).click();
    await form.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await form.getByText('Sudah diatur').waitFor();
    await form.getByRole('button', { name: 'Kirim email uji ke saya' }).click();
    await form.getByRole('status').filter({ hasText: 'Email uji terkirim ke admin@contoh.co.id.' }).waitFor();
    expect(received.map((m) => m.to)).toEqual([['admin@contoh.co.id']]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'channel-settings-id', { fullPage: true });
    await context.close();
  });

  it('an account manager records email consent, emails the contact and sees the email logged', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/accounts');
    await page.getByRole('link', { name: 'PT Bank Sejahtera' }).click();
    const channels = page.getByRole('group', { name: 'Persetujuan Sari Dewi' });
    await channels.getByText('Email: belum ada persetujuan').waitFor();
    expect(await channels.getByRole('button', { name: 'Kirim email' }).count()).toBe(0);

    await channels.getByRole('button', { name: 'Persetujuan', exact: true }).click();
    const consent = page.getByRole('dialog', { name: 'Persetujuan Sari Dewi' });
    await consent.getByLabel('Kanal').selectOption('email');
    await consent.getByLabel('Status').selectOption('opted_in');
    await consent.getByRole('button', { name: 'Catat' }).click();
    await consent.getByText('Sebutkan asal persetujuan.').waitFor();
    await consent.getByRole('textbox', { name: /^Sumber/ }).fill('Formulir pendaftaran webinar');
    await consent.getByRole('button', { name: 'Catat' }).click();
    await consent.getByRole('list', { name: 'Riwayat persetujuan' }).getByText(/Formulir pendaftaran webinar/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await channels.getByText('Email: setuju').waitFor();

    await channels.getByRole('button', { name: 'Kirim email' }).click();
    const compose = page.getByRole('dialog', { name: 'Email ke Sari Dewi' });
    await compose.getByRole('textbox', { name: /^Subjek/ }).fill('Undangan webinar pusat data');
    await compose.getByRole('textbox', { name: /^Pesan/ }).fill('Selamat pagi Bu Sari, kami mengundang Anda ke webinar kami.');
    await compose.getByRole('button', { name: 'Kirim email' }).click();
    await compose.waitFor({ state: 'detached' });
    await page.getByRole('list', { name: 'Linimasa aktivitas' }).getByText('Undangan webinar pusat data').waitFor();
    expect(received.at(-1)?.to).toEqual(['sari.dewi@banksejahtera.co.id']);
    expect(received.at(-1)?.raw).toContain('Subject: Undangan webinar pusat data');

    // An opt-out takes the button away at once.
    await channels.getByRole('button', { name: 'Persetujuan', exact: true }).click();
    await consent.getByLabel('Status').selectOption('opted_out');
    await consent.getByRole('textbox', { name: /^Sumber/ }).fill('Telepon');
    await consent.getByRole('button', { name: 'Catat' }).click();
    await consent.getByRole('status').filter({ hasText: 'Tersimpan.' }).waitFor();
    await page.keyboard.press('Escape');
    await channels.getByText('Email: menolak').waitFor();
    expect(await channels.getByRole('button', { name: 'Kirim email' }).count()).toBe(0);
    await context.close();
  });

  it('a marketer writes a WhatsApp template with a live preview', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/channels/templates');
    await page.getByRole('heading', { name: 'Templat WhatsApp', level: 1 }).waitFor();
    await page.getByText('Belum ada templat').waitFor();
    await page.getByRole('button', { name: 'Templat baru' }).click();
    const dialog = page.getByRole('dialog', { name: 'Templat baru' });
    await dialog.getByRole('textbox', { name: /^Nama/ }).fill('Undangan webinar');
    await dialog.getByRole('textbox', { name: /^Pesan/ }).fill('Halo {{firstName}}, {{diskon}}');
    await dialog.getByText('Isian tidak dikenal: diskon').first().waitFor();
    await dialog.getByRole('textbox', { name: /^Pesan/ }).fill('Halo Bu {{firstName}} dari {{account}}, kami mengundang Anda ke webinar.');
    await dialog.getByText('Halo Bu Sari dari PT Maju Bersama, kami mengundang Anda ke webinar.').waitFor();
    await dialog.getByRole('button', { name: 'Simpan' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('heading', { name: 'Undangan webinar', level: 2 }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    await page.getByRole('button', { name: 'Hapus' }).click();
    const confirm = page.getByRole('dialog', { name: 'Hapus Undangan webinar?' });
    await confirm.getByRole('button', { name: 'Hapus' }).click();
    await page.getByText('Belum ada templat').waitFor();
    await context.close();
  });
});
