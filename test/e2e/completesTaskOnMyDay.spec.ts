import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, PHONE, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

const DAY = 24 * 60 * 60 * 1000;

describe('My day', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  let overdueId = '';
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 3 });
    const bank = workspace.journeys[0];
    if (!bank) throw new Error('no journey');
    const overdue = await workspace.admin.post<{ id: string }>('/tasks', {
      title: 'Kirim proposal ke PT Bank Sejahtera',
      assigneeId: workspace.am.id,
      dueAt: new Date(Date.now() - DAY).toISOString(),
      relatedType: 'account',
      relatedId: bank.accountId,
    });
    overdueId = overdue.id;
    await workspace.admin.post('/tasks', { title: 'Telepon CIO PT Media Cakrawala', assigneeId: workspace.am.id, dueAt: new Date(Date.now() + 3 * DAY).toISOString() });
    await workspace.admin.post('/tasks', { title: 'Tugas orang lain', assigneeId: workspace.viewer.id });
    await workspace.admin.post('/activities', {
      type: 'demo',
      subject: 'Demo pusat data untuk tim TI',
      accountId: bank.accountId,
      occurredAt: new Date(Date.now() + 2 * DAY).toISOString(),
      participants: { userIds: [workspace.am.id] },
    });
    await workspace.admin.post('/activities', { type: 'call', subject: 'Panggilan perkenalan', accountId: bank.accountId });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('completes a task on My day', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    const overdue = page.getByRole('list', { name: 'Lewat tenggat' });
    await overdue.getByText('Kirim proposal ke PT Bank Sejahtera').waitFor();
    await page.getByRole('list', { name: 'Nanti' }).getByText('Telepon CIO PT Media Cakrawala').waitFor();
    expect(await page.getByText('Tugas orang lain').count()).toBe(0);
    await page.getByRole('list', { name: 'Rapat dan demo mendatang' }).getByText('Demo pusat data untuk tim TI').waitFor();
    await page.getByRole('list', { name: 'Aktivitas tim' }).getByText('Panggilan perkenalan').waitFor();
    await page.getByText('Semua perjalanan bergerak').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'my-day-id', { fullPage: true });

    await page.getByRole('button', { name: 'Tandai selesai: Kirim proposal ke PT Bank Sejahtera' }).click();
    await page.getByRole('status').filter({ hasText: 'Selesai: Kirim proposal ke PT Bank Sejahtera' }).waitFor();
    await overdue.waitFor({ state: 'detached' });
    const task = await workspace.admin.get<{ status: string; completedAt: string | null }>(`/tasks/${overdueId}`);
    expect(task.status).toBe('done');
    expect(task.completedAt).not.toBeNull();

    await switchLanguage(page, 'Andi Wijaya', 'en');
    await page.getByRole('heading', { name: 'My day', level: 1 }).waitFor();
    await page.getByRole('list', { name: 'Later' }).getByText('Telepon CIO PT Media Cakrawala').waitFor();
    await screenshot(page, 'my-day-en', { fullPage: true });
    await switchLanguage(page, 'Andi Wijaya', 'id');
    await context.close();
  });

  it('is told when the task changed before it was completed', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.getByText('Telepon CIO PT Media Cakrawala').waitFor();
    const tasks = await workspace.admin.get<{ items: { id: string; title: string; version: number }[] }>(`/tasks?assigneeId=${workspace.am.id}&status=open`);
    const call = tasks.items.find((t) => t.title.startsWith('Telepon CIO'));
    if (!call) throw new Error('no task');
    await workspace.admin.request('PATCH', `/tasks/${call.id}`, { title: 'Telepon CIO PT Media Cakrawala (pagi)', version: call.version });
    await page.getByRole('button', { name: 'Tandai selesai: Telepon CIO PT Media Cakrawala' }).click();
    await page.getByRole('alert').filter({ hasText: 'Seseorang telah mengubah tugas ini' }).waitFor();
    await page.getByText('Telepon CIO PT Media Cakrawala (pagi)').waitFor();
    await context.close();
  });

  it('stacks its sections on a phone', async () => {
    const { context, page } = await newPage(browser, server.url, PHONE);
    await signIn(page, 'andi@contoh.co.id', undefined, '/');
    await page.getByRole('heading', { name: 'Tugas saya' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(PHONE.width);
    await screenshot(page, 'my-day-phone-id', { fullPage: true });
    await context.close();
  });
});
