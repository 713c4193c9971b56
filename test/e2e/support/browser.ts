import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { PASSWORD } from './api.js';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS, headless: true });
}

export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };

export async function newPage(browser: Browser, baseURL: string, viewport = DESKTOP): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ baseURL, viewport, locale: 'id-ID', timezoneId: 'Asia/Jakarta' });
  context.setDefaultTimeout(10_000);
  const page = await context.newPage();
  return { context, page };
}

/** Signs in on the sign-in screen shown at `path` and waits for that screen (the pipeline unless told). */
export async function signIn(page: Page, email: string, password = PASSWORD, path = '/pipeline') {
  await page.goto(path);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Kata sandi').fill(password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await page.getByRole('navigation', { name: 'Navigasi utama' }).waitFor();
  if (path === '/pipeline') await page.getByRole('heading', { name: 'Pipeline' }).waitFor();
  if (path === '/') await page.getByRole('heading', { name: 'Hari saya', level: 1 }).waitFor();
}

const shotsDir = fileURLToPath(new URL('../../../docs/screenshots/', import.meta.url));

/** Saves a screenshot into docs/screenshots/ when DIFUSI_SCREENSHOTS=1 (`npm run screenshots`). */
export async function screenshot(page: Page, name: string, options: { fullPage?: boolean } = {}) {
  if (process.env.DIFUSI_SCREENSHOTS !== '1') return;
  mkdirSync(shotsDir, { recursive: true });
  // A full-page shot of a scrolled page would paint the sticky header mid-page.
  // Chromium captures a full page by growing the viewport, which leaves a sticky header
  // wherever the page was scrolled; pin it to the top for the shot.
  const unpin = options.fullPage ? await page.addStyleTag({ content: 'header { position: static !important; }' }) : null;
  if (options.fullPage) await page.evaluate(() => window.scrollTo(0, 0));
  await page.waitForTimeout(150); // let menus and transitions settle
  await page.screenshot({ path: `${shotsDir}${name}.png`, fullPage: options.fullPage ?? false });
  await unpin?.evaluate((element) => (element as unknown as { remove(): void }).remove());
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** Accessibility problems axe-core rates serious or critical on the current screen. */
export async function seriousA11yViolations(page: Page): Promise<string[]> {
  // A dialog fading out is half-transparent: axe would measure its contrast mid-animation.
  await page.waitForFunction(() => document.getAnimations().every((a) => a.playState !== 'running'));
  // Evaluated through the DevTools protocol, so the app's Content-Security-Policy stays on.
  await page.evaluate(axeSource);
  const results = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(ctx: Document, opts: object): Promise<{ violations: { id: string; impact: string | null; nodes: { target: unknown }[] }[] }> } }).axe;
    return axe.run(document, { resultTypes: ['violations'] });
  });
  return results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id} (${v.impact}): ${JSON.stringify(v.nodes.map((n) => n.target))}`);
}

/** Switches the signed-in user's language through the user menu (it is saved in the profile). */
export async function switchLanguage(page: Page, userName: string, to: 'id' | 'en') {
  await page.getByRole('button', { name: userName }).click();
  await page.getByRole('menuitem', { name: to === 'en' ? 'English' : 'Bahasa Indonesia' }).click();
  await page.waitForFunction((lang) => document.documentElement.lang === lang, to);
}
