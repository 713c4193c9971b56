import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeWorkspace, PASSWORD } from './support/api.js';
import { launchChromium, newPage, seriousA11yViolations, signIn } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';

/** Exact Bass adoptions (p 0.03, q 0.38, m 1000) for 16 months: a well-behaved analogue. */
function analogueCsv(): string {
  const F = (t: number) => (1 - Math.exp(-0.41 * t)) / (1 + (0.38 / 0.03) * Math.exp(-0.41 * t));
  const lines = ['period,adoptions'];
  for (let i = 1; i <= 16; i++) lines.push(`2019-${String(((i - 1) % 12) + 1).padStart(2, '0')},${(1000 * (F(i) - F(i - 1))).toFixed(3)}`);
  return lines.join('\n');
}

describe('a product specialist', () => {
  let server: RunningServer;
  let browser: Browser;
  let workspace: Awaited<ReturnType<typeof makeWorkspace>>;
  beforeAll(async () => {
    [server, browser] = await Promise.all([startServer(), launchChromium()]);
    workspace = await makeWorkspace(server.url, { journeys: 4, knowledgeEvidence: true });
    await workspace.admin.post('/users', { email: 'prita@contoh.co.id', name: 'Prita Specialist', role: 'product_specialist', password: PASSWORD, locale: 'id' });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('reads the funnel with its numbers, downloads them as CSV, fits an analogue and saves it as the solution’s prior', async () => {
    const { context, page } = await newPage(browser, server.url);
    await signIn(page, 'prita@contoh.co.id', PASSWORD, '/analytics');
    await page.getByRole('heading', { name: 'Analitik', level: 1 }).waitFor();
    const funnel = page.getByRole('region', { name: 'Perjalanan melalui tahap-tahap' });
    await funnel.waitFor();
    // The numbers behind the chart: four journeys entered knowledge (the first-touch visits put them in person).
    await funnel.getByRole('button', { name: 'Tampilkan angka' }).click();
    await funnel.getByRole('row', { name: /Pengetahuan\s+4/ }).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [download] = await Promise.all([page.waitForEvent('download'), funnel.getByRole('button', { name: 'Unduh CSV' }).click()]);
    expect(download.suggestedFilename()).toBe('funnel.csv');
    const csv = readFileSync((await download.path()) ?? '', 'utf8');
    expect(csv.replace('\uFEFF', '').split('\r\n').slice(0, 2)).toEqual(['Tahap,Masuk,Lanjut,Konversi,Median hari di tahap,Persentil ke-90 hari', 'Pengetahuan,4,0,0.0%,,']);

    // Adopter categories with no solution chosen list every solution's; none has adopted yet.
    await page.getByRole('tab', { name: 'Kategori pengadopsi' }).click();
    await page.getByText('Belum ada solusi yang diadopsi.').waitFor();

    await page.getByRole('tab', { name: 'Kurva S & Bass' }).click();
    await page.getByText('Pilih solusi', { exact: true }).waitFor();
    await page.getByLabel('Solusi').selectOption({ label: workspace.solutions.dataCenter.name });
    await page.getByText('Belum ada adopsi').waitFor();

    await page.getByLabel('Adopsi produk analog per periode (CSV)').fill(analogueCsv());
    await page.getByRole('button', { name: 'Cocokkan', exact: true }).click();
    const fitted = page.getByRole('table', { name: 'Pencocokan Bass untuk deret analog' });
    await fitted.getByRole('row', { name: /^p\s+0\.03/ }).waitFor();
    await fitted.getByRole('row', { name: /^q\s+0\.38/ }).waitFor();
    await page.getByLabel('Sumber').fill('analogue: Campus Wi-Fi 5');
    await page.getByRole('button', { name: 'Simpan sebagai prior solusi ini' }).click();
    await page.getByText(/Prior tersimpan \(analogue: Campus Wi-Fi 5\): p 0\.03, q 0\.38/).waitFor();
    await context.close();
  });
});
