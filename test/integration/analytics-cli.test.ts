import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildProgram } from '../../src/cli/main.js';

/** The CLI over a fresh SQLite data directory, its output captured. */
async function difusi(...args: string[]): Promise<string> {
  let out = '';
  const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    out += chunk.toString();
    return true;
  });
  try {
    await buildProgram().exitOverride().parseAsync(['node', 'difusi', ...args]);
  } finally {
    write.mockRestore();
  }
  return out;
}

describe('the difusi analytics commands', () => {
  let dir: string;
  const saved = { ...process.env };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'difusi-analytics-cli-'));
    process.env.DIFUSI_DATA_DIR = dir;
    delete process.env.DATABASE_URL;
  });
  afterEach(() => {
    process.env = { ...saved };
    rmSync(dir, { recursive: true, force: true });
  });

  function file(name: string, text: string): string {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  }

  it('fits Bass to a CSV series and prints p, q and m as JSON or as a table', async () => {
    const F = (x: number) => (1 - Math.exp(-0.41 * x)) / (1 + (0.38 / 0.03) * Math.exp(-0.41 * x));
    const lines = Array.from({ length: 12 }, (_, i) => `2024-${String(i + 1).padStart(2, '0')},${(1000 * (F(i + 1) - F(i))).toFixed(6)}`);
    const input = file('series.csv', ['period,adoptions', ...lines].join('\n'));
    const fit = JSON.parse(await difusi('fit', 'bass', '--input', input, '--format', 'json'));
    expect(fit.ok).toBe(true);
    expect(fit.p).toBeCloseTo(0.03, 3);
    expect(fit.q).toBeCloseTo(0.38, 2);
    const table = await difusi('fit', 'bass', '--input', input, '--forecast', '3');
    expect(table).toMatch(/p = 0\.0300/);
    expect(table).toContain('Forecast');
  });

  it('says when a series cannot be fitted instead of printing NaN', async () => {
    const input = file('zeros.csv', 'period,adoptions\n1,0\n2,0\n3,0\n');
    const out = JSON.parse(await difusi('fit', 'bass', '--input', input, '--format', 'json'));
    expect(out).toMatchObject({ ok: false, reason: 'no_adoptions' });
  });

  it('names the line of a bad row and refuses a missing header', async () => {
    const bad = file('bad.csv', 'period,adoptions\n1,4\n2,lots\n');
    await expect(difusi('fit', 'bass', '--input', bad)).rejects.toThrow(/bad\.csv line 3: adoptions "lots"/);
    const headerless = file('headerless.csv', '1,4\n2,5\n');
    await expect(difusi('fit', 'bass', '--input', headerless)).rejects.toThrow(/line 1: the header must be "period,adoptions"/);
  });

  it('classifies adoption times from a CSV file', async () => {
    const input = file('times.csv', 'id,adoption_time\na,1\nb,2\nc,3\nd,4\ne,5\n');
    const out = JSON.parse(await difusi('fit', 'adopters', '--input', input, '--format', 'json'));
    expect(out.items.map((i: { category: string }) => i.category)).toEqual(['early_adopter', 'early_majority', 'late_majority', 'late_majority', 'laggard']);
    const csv = await difusi('fit', 'adopters', '--input', input, '--format', 'csv');
    expect(csv.split('\n')[0]).toBe('id,adoption_time,category,z');
  });

  it('reports the funnel of an empty workspace as JSON and as a table', async () => {
    const report = JSON.parse(await difusi('report', 'funnel', '--format', 'json', '--from', '2024-01-01', '--to', '2024-12-31'));
    expect(report.stages.map((s: { stage: string; entered: number }) => [s.stage, s.entered])).toEqual([
      ['knowledge', 0],
      ['persuasion', 0],
      ['decision', 0],
      ['implementation', 0],
      ['confirmation', 0],
    ]);
    expect(report.outcomes.closed).toBe(0);
    const table = await difusi('report', 'funnel');
    expect(table).toMatch(/stage\s+entered\s+advanced/);
  });

  it('lists the adopter categories of every solution without --solution, matching each solution’s own report', async () => {
    await difusi('seed', '--scale', 'tiny', '--json');
    const all = JSON.parse(await difusi('report', 'adopters', '--format', 'json')) as {
      solution: { id: string; name: string };
      adopters: number;
      classification: { ok: boolean; categories?: { category: string; count: number }[] };
    }[];
    const classified = all.filter((s) => s.classification.ok);
    expect(classified.length).toBeGreaterThan(0);
    const first = classified[0]!;
    const one = JSON.parse(await difusi('report', 'adopters', '--solution', first.solution.id, '--format', 'json')) as { adopters: unknown[]; classification: unknown };
    expect(first.adopters).toBe(one.adopters.length);
    expect(first.classification).toEqual(one.classification);
    expect(first.classification.categories?.reduce((n, k) => n + k.count, 0)).toBe(first.adopters);
    const table = await difusi('report', 'adopters');
    expect(table).toMatch(/solution\s+adopters\s+innovator\s+early_adopter/);
    expect(table).toContain(first.solution.name);
  });

  it('refuses a bad date, format or unknown solution, naming the option', async () => {
    await expect(difusi('report', 'funnel', '--from', '2024-13-01')).rejects.toThrow(/--from/);
    await expect(difusi('report', 'funnel', '--format', 'xml')).rejects.toThrow(/--format/);
    await expect(difusi('report', 'adopters', '--solution', 'No Such Thing')).rejects.toThrow(/not found/);
    await expect(difusi('report', 'diffusion', '--solution', 'No Such Thing')).rejects.toThrow(/not found/);
  });
});
