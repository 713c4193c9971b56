import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace } from './support/api.js';
import { launchChromium, newPage, screenshot, seriousA11yViolations, signIn, switchLanguage } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/** The marketing and insight screens and the everyday lists, each opened in English and in Indonesian. */
const screens = [
  { path: '/segments', shot: 'segments', en: 'Segments', id: 'Segmen' },
  { path: '/targeting', shot: 'targeting', en: 'Targeting', id: 'Penargetan' },
  { path: '/campaigns', shot: 'campaigns', en: 'Campaigns', id: 'Kampanye' },
  { path: '/telemarketing', shot: 'telemarketing', en: 'Telemarketing', id: 'Telemarketing' },
  { path: '/content', shot: 'content-library', en: 'Content library', id: 'Pustaka konten' },
  { path: '/playbook', shot: 'playbook-content', en: 'Playbook content', id: 'Konten playbook' },
  { path: '/channels/templates', shot: 'whatsapp-templates', en: 'WhatsApp templates', id: 'Templat WhatsApp' },
  { path: '/automation', shot: 'automation', en: 'Automation', id: 'Otomasi' },
  { path: '/analytics', shot: 'analytics', en: 'Analytics', id: 'Analitik' },
  { path: '/coaching', shot: 'coaching', en: 'Coaching', id: 'Coaching' },
  { path: '/workload', shot: 'sa-workload', en: 'Solution architect workload', id: 'Beban kerja solution architect' },
  { path: '/settings/pipelines', shot: 'pipelines', en: 'Pipelines', id: 'Pipeline' },
  // The everyday lists, so every screen has its picture in both languages.
  { path: '/contacts', shot: 'contacts', en: 'Contacts', id: 'Kontak' },
  { path: '/activities', shot: 'activities', en: 'Activities', id: 'Aktivitas' },
  { path: '/tasks', shot: 'tasks', en: 'Tasks', id: 'Tugas' },
  { path: '/solutions', shot: 'solutions', en: 'Solutions', id: 'Solusi' },
  { path: '/principals', shot: 'principals', en: 'Principals', id: 'Prinsipal' },
  { path: '/settings', shot: 'settings', en: 'Settings', id: 'Pengaturan' },
] as const;

describe('an administrator', () => {
  let server: RunningServer;
  let browser: Browser;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    const workspace = await makeWorkspace(server.url, { journeys: 4, knowledgeEvidence: true });
    await workspace.admin.post('/segments', {
      name: 'IT infrastructure in Jabodetabek',
      rule: { all: [{ field: 'contact.division', op: 'eq', value: 'it' }, { field: 'account.region', op: 'eq', value: 'jabodetabek' }] },
    });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads every marketing and insight screen in Indonesian', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/');
    for (const screen of screens) {
      await page.goto(screen.path);
      await page.getByRole('heading', { name: screen.id, level: 1, exact: true }).waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: /^Memuat/ }).count()).toBe(0);
      expect({ screen: screen.path, violations: await seriousA11yViolations(page) }).toEqual({ screen: screen.path, violations: [] });
      await screenshot(page, `${screen.shot}-id`, { fullPage: true });
    }
    await context.close();
  });

  it('reads them in English too, and switches back', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'admin@contoh.co.id', undefined, '/');
    await switchLanguage(page, 'Admin Difusi', 'en');
    for (const screen of screens) {
      await page.goto(screen.path);
      await page.getByRole('heading', { name: screen.en, level: 1, exact: true }).waitFor();
      await expect.poll(() => page.getByRole('status').filter({ hasText: /^Loading/ }).count()).toBe(0);
      expect({ screen: screen.path, violations: await seriousA11yViolations(page) }).toEqual({ screen: screen.path, violations: [] });
      await screenshot(page, `${screen.shot}-en`, { fullPage: true });
    }
    await switchLanguage(page, 'Admin Difusi', 'id');
    await context.close();
  });
});
