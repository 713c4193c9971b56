import { describe, expect, it } from 'vitest';
import type { AdopterSummary, DiffusionReport, FunnelReport } from './analyticsApi';
import { adopterDistribution, adopterSummaryTable, answerRate, csatTable, fitTable, funnelTable, heatMap, heatMapTable, nextPeriod, npsTable, percent, sCurve, sCurveTable, surveyQuery, toCsv } from './chartData';
import { analyticsHref, apiFilter, filtersFromSearch, viewFromSearch } from './filters';
import { parseSeriesCsv } from './seriesCsv';

const t = (key: string, options?: Record<string, unknown>) => (options ? `${key} ${JSON.stringify(options)}` : key);

function diffusion(overrides: Partial<DiffusionReport> = {}): DiffusionReport {
  return {
    solution: { id: 's1', name: 'SD-WAN' },
    launch: { date: '2024-01-01', source: 'launch_date' },
    bucket: 'month',
    periods: [
      { period: '2024-11', index: 1, adoptions: 1, cumulative: 1, complete: true },
      { period: '2024-12', index: 2, adoptions: 3, cumulative: 4, complete: true },
      { period: '2025-01', index: 3, adoptions: 1, cumulative: 5, complete: false },
    ],
    adopters: 5,
    market: { size: 100, source: 'all_accounts', note: '' },
    savedPrior: null,
    fit: {
      ok: true,
      p: 0.012345678,
      q: 0.4,
      m: 20,
      peak: { kind: 'interior', t: 1.5, cumulativeShare: 0.4, rate: 3 },
      r2: 0.91234,
      rmse: 0.5,
      sse: 0.5,
      start: 'ols',
      flags: { prePeak: true, thinData: true, activeBounds: ['m_lower'], usedPrior: ['p', 'q'] },
      prior: { p: 0.03, q: 0.38, m: null, source: 'solution_prior', mSource: null },
      fitted: [1.5, 2.5],
      residuals: [-0.5, 0.5],
      forecast: {
        level: 0.8,
        points: [
          { period: 3, adoptions: { expected: 2, lower: 1, upper: 3 }, cumulative: { expected: 6, lower: 5, upper: 7 } },
          { period: 4, adoptions: { expected: 2, lower: 1, upper: 3 }, cumulative: { expected: 8, lower: 6, upper: 10 } },
        ],
      },
    },
    ...overrides,
  };
}

describe('the S-curve', () => {
  it('runs the fitted curve over the complete periods, carries the forecast on past the data and marks the peak in the period holding t*', () => {
    const curve = sCurve(diffusion());
    expect(curve.periods).toEqual(['2024-11', '2024-12', '2025-01', '2025-02']);
    expect(curve.cumulative).toEqual([1, 4, 5, null]);
    // Fitted cumulative is the running sum of fitted adoptions (1.5, 4), then the forecast's expected path.
    expect(curve.fitted).toEqual([1.5, 4, 6, 8]);
    // The band starts at the last fitted point so the shading joins the curve.
    expect(curve.bandLower).toEqual([null, 4, 5, 6]);
    expect(curve.bandUpper).toEqual([null, 4, 7, 10]);
    // t* = 1.5 periods after launch falls in the second period (1, 2].
    expect(curve.peak).toEqual({ period: '2024-12', index: 1, t: 1.5, cumulative: 4 });
  });

  it('shows the observed series alone when the curve cannot be fitted', () => {
    const curve = sCurve(diffusion({ fit: { ok: false, reason: 'too_few_periods', message: 'A curve needs at least two periods.' } }));
    expect(curve.fitted).toEqual([null, null, null]);
    expect(curve.peak).toBeNull();
  });

  it('lists p, q, m, the peak, fit quality, flags and what came from the prior as a table', () => {
    const table = fitTable(diffusion(), t);
    const rows = Object.fromEntries(table.rows.map((r) => [r[0], r[1]]));
    expect(rows).toMatchObject({ p: 0.01235, q: 0.4, m: 20, 'R²': 0.912, 'analytics.fit.peak': 1.5 });
    expect(rows['analytics.fit.flags']).toBe('analytics.fit.prePeak; analytics.fit.thinData; analytics.fit.bound {"bound":"m_lower"}');
    expect(rows['analytics.fit.fromPrior']).toBe('p, q (analytics.priorSource.solution_prior)');
  });

  it('writes the curve as CSV with quoted cells where needed', () => {
    const csv = toCsv(sCurveTable(sCurve(diffusion()), t));
    const lines = csv.replace('\uFEFF', '').trim().split('\r\n');
    expect(lines[1]).toBe('2024-11,1,1,1.5,,');
    expect(lines[4]).toBe('2025-02,,,8,6,10');
    expect(toCsv({ headers: ['a'], rows: [['x, "y"']] })).toBe('\uFEFFa\r\n"x, ""y"""\r\n');
  });

  it('steps periods across year ends, monthly and quarterly', () => {
    expect(nextPeriod('2024-12')).toBe('2025-01');
    expect(nextPeriod('2024-09')).toBe('2024-10');
    expect(nextPeriod('2024-Q4')).toBe('2025-Q1');
  });
});

const funnel: FunnelReport = {
  filter: {},
  stages: [
    { stage: 'knowledge', entered: 5, advanced: 3, conversion: 0.6, timeInStage: { stays: 4, medianDays: 7, p90Days: 10 } },
    { stage: 'persuasion', entered: 3, advanced: 3, conversion: 1, timeInStage: { stays: 3, medianDays: 6, p90Days: 9.2 } },
    { stage: 'decision', entered: 3, advanced: 2, conversion: 2 / 3, timeInStage: { stays: 3, medianDays: 10, p90Days: 18 } },
    { stage: 'implementation', entered: 0, advanced: 0, conversion: null, timeInStage: { stays: 0, medianDays: null, p90Days: null } },
    { stage: 'confirmation', entered: 0, advanced: 0, conversion: null, timeInStage: { stays: 0, medianDays: null, p90Days: null } },
  ],
  outcomes: { closed: 0, adopted: 0, rejected: 0, discontinued: 0, adoptedRate: null, rejectedRate: null, discontinuedRate: null },
  reasons: [],
  slices: {
    by: 'channel',
    groups: [
      { key: 'in_person', label: 'in_person', adopted: 1, stages: [{ stage: 'knowledge', entered: 2, advanced: 1, conversion: 0.5 }, { stage: 'persuasion', entered: 0, advanced: 0, conversion: null }] },
      { key: null, label: null, adopted: 0, stages: [{ stage: 'knowledge', entered: 1, advanced: 1, conversion: 1 }] },
    ],
  },
};

describe('funnel and heat map', () => {
  it('gives each stage its entries, conversion as a percentage and days in stage', () => {
    expect(funnelTable(funnel, t).rows[2]).toEqual(['stage.decision', 3, 2, '66.7%', 10, 18]);
    expect(funnelTable(funnel, t).rows[3]).toEqual(['stage.implementation', 0, 0, '', null, null]);
  });

  it('places conversion by slice and stage, leaving stages nobody entered blank in the table', () => {
    const map = heatMap(funnel, '(none)', (k, l) => (k === 'in_person' ? 'In person' : (l ?? '(none)')));
    expect(map.rows).toEqual(['In person', '(none)']);
    expect(map.cells).toContainEqual([0, 0, 0.5, 2]);
    expect(map.cells).toContainEqual([0, 1, 1, 1]);
    expect(heatMapTable(map, t, 'Channel').rows[0]).toEqual(['In person', '50.0% (2)', '', '', '', '']);
  });
});

describe('adopter distribution', () => {
  it('lists the five categories in order with Rogers’ shares, zero where nobody falls', () => {
    const bars = adopterDistribution({
      solution: { id: 's1', name: 'x' },
      launch: { date: null, source: 'none' },
      provisional: { value: true, reasons: ['at_peak'] },
      classification: { ok: true, meanDays: 25, sdDays: 11, cutPoints: { earlyAdopter: 3, earlyMajority: 14, lateMajority: 25, laggard: 36 }, categories: [{ category: 'laggard', count: 1, share: 0.25, rogersShare: 0.16 }] },
      adopters: [],
    });
    expect(bars.map((b) => [b.category, b.count, b.rogersShare])).toEqual([
      ['innovator', 0, 0.025],
      ['early_adopter', 0, 0.135],
      ['early_majority', 0, 0.34],
      ['late_majority', 0, 0.34],
      ['laggard', 1, 0.16],
    ]);
  });
});

describe('filters in the address bar', () => {
  it('reads the board’s filter names plus the period, dropping malformed dates and channels', () => {
    const filters = filtersFromSearch('?solution=s1&owner=u1&team=t1&city=Bandung&from=2024-01-01&to=soon&channel=fax&view=diffusion');
    expect(filters).toMatchObject({ solution: 's1', owner: 'u1', team: 't1', city: 'Bandung', from: '2024-01-01', to: null, channel: null, principal: null });
    expect(apiFilter(filters)).toEqual({ solutionId: 's1', ownerId: 'u1', teamId: 't1', city: 'Bandung', from: '2024-01-01' });
    expect(viewFromSearch('?view=diffusion')).toBe('diffusion');
    expect(viewFromSearch('?view=nope')).toBe('funnel');
    expect(analyticsHref('heatmap', filters, { by: 'channel' })).toBe('/analytics?view=heatmap&solution=s1&team=t1&owner=u1&city=Bandung&from=2024-01-01&by=channel');
  });
});

describe('an analogue series pasted as CSV', () => {
  it('reads period,adoptions with or without the header, and names the bad line', () => {
    expect(parseSeriesCsv('period,adoptions\n2019-01,4\n\n2019-02;7\n')).toEqual({ ok: true, rows: [{ period: '2019-01', adoptions: 4 }, { period: '2019-02', adoptions: 7 }] });
    expect(parseSeriesCsv('2019-01,4\n2019-02,-1')).toEqual({ ok: false, line: 2, reason: 'adoptions' });
    expect(parseSeriesCsv('2019-01')).toEqual({ ok: false, line: 1, reason: 'columns' });
    expect(parseSeriesCsv('period,adoptions\n')).toMatchObject({ ok: false, reason: 'empty' });
  });
});

describe('the satisfaction view', () => {
  const t = (key: string) => key.split('.').at(-1) ?? key;
  const summary = {
    csat: { sent: 8, answered: 4, average: 3.75, distribution: [0, 1, 0, 2, 1] },
    nps: { sent: 5, answered: 4, score: 25, promoters: 2, passives: 1, detractors: 1 },
  };

  it('asks the survey summary for the solution and period, its end day included', () => {
    expect(surveyQuery({ solution: 's1', from: '2026-01-01', to: '2026-12-31' })).toEqual({ solutionId: 's1', from: '2026-01-01', to: '2027-01-01' });
    expect(surveyQuery({ solution: null, from: null, to: null })).toEqual({});
  });

  it('tables CSAT by score and NPS by category, and the share answered', () => {
    expect(csatTable(summary, t).rows).toEqual([['1', 0], ['2', 1], ['3', 0], ['4', 2], ['5', 1]]);
    expect(npsTable(summary, t).rows).toEqual([['promoters', 2], ['passives', 1], ['detractors', 1]]);
    expect(answerRate(4, 8)).toBe(percent(0.5));
    expect(answerRate(0, 0)).toBe('—');
  });
});

describe('the adopter categories of every solution', () => {
  const summary = (name: string, adopters: number, counts: number[] | null, provisional: boolean): AdopterSummary => ({
    solution: { id: name, name },
    launch: { date: null, source: 'none' } as AdopterSummary['launch'],
    provisional: { value: provisional, reasons: provisional ? ['pre_peak'] : [] },
    classification: counts
      ? {
          ok: true,
          meanDays: 100,
          sdDays: 10,
          cutPoints: { earlyAdopter: 80, earlyMajority: 90, lateMajority: 100, laggard: 110 },
          categories: (['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard'] as const).map((category, i) => ({ category, count: counts[i] ?? 0, share: 0, rogersShare: 0 })),
        }
      : { ok: false, reason: 'fewer_than_two_adopters', count: adopters },
    adopters,
  });

  it('puts each solution on a row with its count per category, blank where it cannot be classified', () => {
    const table = adopterSummaryTable([summary('SD-WAN', 10, [1, 2, 3, 3, 1], false), summary('ZTNA', 1, null, true)], t);
    expect(table.headers).toHaveLength(8);
    expect(table.rows).toEqual([
      ['SD-WAN', 10, 1, 2, 3, 3, 1, ''],
      ['ZTNA', 1, null, null, null, null, null, 'analytics.adopters.provisional'],
    ]);
  });
});
