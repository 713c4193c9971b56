import { adopterCategories, rogersShares, type AdopterCategory } from '../../../src/domain/adopters';
import { stages, type Stage } from '../../../src/shared/vocabulary';
import type { AdopterSummary, AdoptersReport, DiffusionReport, FunnelReport, SellingPracticeReport, SurveySummary } from './analyticsApi';

/**
 * Pure shaping of the analytics reports into what a chart draws and what its table and CSV
 * show: every chart's numbers come from one of these, so the picture, the accessible table and
 * the download always agree. `t` translates a key (t from react-i18next).
 */
export type Cell = string | number | null;
export interface DataTable {
  headers: string[];
  rows: Cell[][];
}
type Label = (key: string, options?: Record<string, unknown>) => string;

/** A share as a percentage with one decimal ("66.7%"), empty when there is no denominator. */
export function percent(value: number | null | undefined): string {
  return value === null || value === undefined ? '' : `${(value * 100).toFixed(1)}%`;
}

/** A number to `digits` decimals without trailing noise; empty for null. */
export function round(value: number | null | undefined, digits = 2): number | null {
  if (value === null || value === undefined || !Number.isFinite(value)) return null;
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Four significant digits, for p and q. */
export function significant(value: number): number {
  return Number(value.toPrecision(4));
}

/** RFC 4180 CSV (with a BOM so spreadsheet programs read UTF-8). */
export function toCsv(table: DataTable): string {
  const quote = (c: Cell) => {
    const s = c === null ? '' : String(c);
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\uFEFF${[table.headers, ...table.rows].map((row) => row.map(quote).join(',')).join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------
// Funnel
// ---------------------------------------------------------------------------------------

export function funnelTable(report: FunnelReport, t: Label): DataTable {
  return {
    headers: [t('analytics.col.stage'), t('analytics.col.entered'), t('analytics.col.advanced'), t('analytics.col.conversion'), t('analytics.col.medianDays'), t('analytics.col.p90Days')],
    rows: report.stages.map((s) => [t(`stage.${s.stage}`), s.entered, s.advanced, percent(s.conversion), round(s.timeInStage.medianDays, 1), round(s.timeInStage.p90Days, 1)]),
  };
}

export function outcomesTable(report: FunnelReport, t: Label): DataTable {
  const o = report.outcomes;
  return {
    headers: [t('analytics.col.outcome'), t('analytics.col.journeys'), t('analytics.col.share')],
    rows: [
      [t('outcome.adopted'), o.adopted, percent(o.adoptedRate)],
      [t('outcome.rejected'), o.rejected, percent(o.rejectedRate)],
      [t('outcome.discontinued'), o.discontinued, percent(o.discontinuedRate)],
    ],
  };
}

export function reasonsTable(report: FunnelReport, t: Label): DataTable {
  return {
    headers: [t('analytics.col.outcome'), t('analytics.col.reason'), t('analytics.col.journeys')],
    rows: report.reasons.map((r) => [t(`outcome.${r.outcome}`), r.reason, r.count]),
  };
}

// ---------------------------------------------------------------------------------------
// Diffusion: the S-curve
// ---------------------------------------------------------------------------------------

/** The period after `period` ("2024-12" → "2025-01", "2024-Q4" → "2025-Q1"). */
export function nextPeriod(period: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(period);
  if (quarter) {
    const year = Number(quarter[1]);
    const q = Number(quarter[2]);
    return q === 4 ? `${year + 1}-Q1` : `${year}-Q${q + 1}`;
  }
  const year = Number(period.slice(0, 4));
  const month = Number(period.slice(5, 7));
  return month === 12 ? `${year + 1}-01` : `${year}-${String(month + 1).padStart(2, '0')}`;
}

export interface SCurve {
  /** Observed periods, then the forecast periods. */
  periods: string[];
  adoptions: (number | null)[];
  cumulative: (number | null)[];
  /** The fitted Bass curve (cumulative) over the complete periods, then the forecast's expected path. */
  fitted: (number | null)[];
  bandLower: (number | null)[];
  bandUpper: (number | null)[];
  /** The period holding the fitted peak of the adoption rate (t* periods after launch), if it is on the chart. */
  peak: { period: string; index: number; t: number; cumulative: number } | null;
}

export function sCurve(report: DiffusionReport): SCurve {
  const observed = report.periods;
  const periods = observed.map((p) => p.period);
  const adoptions: (number | null)[] = observed.map((p) => p.adoptions);
  const cumulative: (number | null)[] = observed.map((p) => p.cumulative);
  const fitted: (number | null)[] = observed.map(() => null);
  const bandLower: (number | null)[] = observed.map(() => null);
  const bandUpper: (number | null)[] = observed.map(() => null);
  const fit = report.fit;
  if (!fit.ok) return { periods, adoptions, cumulative, fitted, bandLower, bandUpper, peak: null };

  // The fit saw the complete periods (1 … n); the model's cumulative is the running sum of its fitted values.
  let running = 0;
  fit.fitted.forEach((value, i) => {
    running += value;
    if (i < fitted.length) fitted[i] = running;
  });
  const forecast = fit.forecast?.points ?? [];
  let last = periods[periods.length - 1] ?? null;
  for (const point of forecast) {
    const index = point.period - 1;
    if (index >= periods.length) {
      last = last === null ? `+${point.period}` : nextPeriod(last);
      periods.push(last);
      adoptions.push(null);
      cumulative.push(null);
      fitted.push(null);
      bandLower.push(null);
      bandUpper.push(null);
    }
    fitted[index] = point.cumulative.expected;
    bandLower[index] = point.cumulative.lower;
    bandUpper[index] = point.cumulative.upper;
  }
  // Join the band to the last fitted point so the shaded area starts where the curve leaves the data.
  const firstForecast = forecast[0]?.period;
  if (firstForecast !== undefined && firstForecast >= 2) {
    const joint = firstForecast - 2;
    if (fitted[joint] !== null && fitted[joint] !== undefined) {
      bandLower[joint] = fitted[joint] ?? null;
      bandUpper[joint] = fitted[joint] ?? null;
    }
  }
  // Period i covers (i − 1, i] periods since launch: t* falls in period ceil(t*), at least the first.
  const peakIndex = Math.max(1, Math.ceil(fit.peak.t)) - 1;
  const peakValue = fitted[peakIndex];
  const peak = peakIndex < periods.length && peakValue !== null && peakValue !== undefined ? { period: periods[peakIndex] ?? '', index: peakIndex, t: fit.peak.t, cumulative: peakValue } : null;
  return { periods, adoptions, cumulative, fitted, bandLower, bandUpper, peak };
}

export function sCurveTable(curve: SCurve, t: Label): DataTable {
  return {
    headers: [t('analytics.col.period'), t('analytics.col.adoptions'), t('analytics.col.cumulative'), t('analytics.col.fitted'), t('analytics.col.lower'), t('analytics.col.upper')],
    rows: curve.periods.map((period, i) => [period, curve.adoptions[i] ?? null, curve.cumulative[i] ?? null, round(curve.fitted[i], 2), round(curve.bandLower[i], 2), round(curve.bandUpper[i], 2)]),
  };
}

/** The fitted parameters as rows (name, value), with the flags and the parts that came from a prior. */
export function fitTable(report: DiffusionReport, t: Label): DataTable {
  const fit = report.fit;
  const headers = [t('analytics.col.parameter'), t('analytics.col.value')];
  if (!fit.ok) return { headers, rows: [[t('analytics.fit.cannot'), fit.message]] };
  const flags = [
    fit.flags.prePeak ? t('analytics.fit.prePeak') : null,
    fit.flags.thinData ? t('analytics.fit.thinData') : null,
    ...fit.flags.activeBounds.map((b) => t('analytics.fit.bound', { bound: b })),
  ].filter((f): f is string => f !== null);
  const priorSource = fit.prior ? t(`analytics.priorSource.${fit.prior.source}`) : '';
  return {
    headers,
    rows: [
      ['p', significant(fit.p)],
      ['q', significant(fit.q)],
      ['m', round(fit.m, 1)],
      [t('analytics.fit.peak'), fit.peak.kind === 'interior' ? round(fit.peak.t, 2) : t('analytics.fit.peakAtLaunch')],
      ['R²', round(fit.r2, 3)],
      ['RMSE', round(fit.rmse, 3)],
      [t('analytics.fit.flags'), flags.length > 0 ? flags.join('; ') : '—'],
      [t('analytics.fit.fromPrior'), fit.flags.usedPrior.length > 0 ? `${fit.flags.usedPrior.join(', ')} (${priorSource})` : '—'],
    ],
  };
}

// ---------------------------------------------------------------------------------------
// Adopter categories
// ---------------------------------------------------------------------------------------

export interface CategoryBar {
  category: AdopterCategory;
  count: number;
  share: number;
  rogersShare: number;
}

export function adopterDistribution(report: AdoptersReport): CategoryBar[] {
  if (!report.classification.ok) return [];
  const byCategory = new Map(report.classification.categories.map((c) => [c.category, c]));
  return adopterCategories.map((category) => {
    const c = byCategory.get(category);
    return { category, count: c?.count ?? 0, share: c?.share ?? 0, rogersShare: c?.rogersShare ?? rogersShares[category] };
  });
}

export function adopterTable(bars: CategoryBar[], t: Label): DataTable {
  return {
    headers: [t('analytics.col.category'), t('analytics.col.adopters'), t('analytics.col.share'), t('analytics.col.rogers')],
    rows: bars.map((b) => [t(`analytics.category.${b.category}`), b.count, percent(b.share), percent(b.rogersShare)]),
  };
}

/**
 * Every solution's adopter categories as one table: adopters, the count in each category
 * (empty while a solution cannot be classified), and whether the labels are provisional.
 */
export function adopterSummaryTable(summaries: readonly AdopterSummary[], t: Label): DataTable {
  return {
    headers: [t('analytics.col.solution'), t('analytics.col.adopters'), ...adopterCategories.map((c) => t(`analytics.category.${c}`)), t('analytics.col.provisional')],
    rows: summaries.map((s) => {
      const counts = s.classification.ok ? s.classification.categories : null;
      return [
        s.solution.name,
        s.adopters,
        ...adopterCategories.map((c) => (counts ? (counts.find((k) => k.category === c)?.count ?? 0) : null)),
        s.provisional.value ? t('analytics.adopters.provisional') : '',
      ];
    }),
  };
}

// ---------------------------------------------------------------------------------------
// Heat map: conversion by segment attribute × stage
// ---------------------------------------------------------------------------------------

export interface HeatMap {
  rows: string[];
  stages: Stage[];
  /** [stage index, row index, conversion 0–1 or null, entered] */
  cells: [number, number, number | null, number][];
}

export function heatMap(report: FunnelReport, noneLabel: string, labelOf: (key: string | null, label: string | null) => string = (k, l) => l ?? k ?? noneLabel): HeatMap {
  const groups = report.slices?.groups ?? [];
  const cells: HeatMap['cells'] = [];
  groups.forEach((g, row) => {
    g.stages.forEach((s) => cells.push([stages.indexOf(s.stage), row, s.conversion, s.entered]));
  });
  return { rows: groups.map((g) => labelOf(g.key, g.label)), stages: [...stages], cells };
}

export function heatMapTable(map: HeatMap, t: Label, dimension: string): DataTable {
  return {
    headers: [dimension, ...map.stages.map((s) => t(`stage.${s}`))],
    rows: map.rows.map((row, r) => [row, ...map.stages.map((_, s) => {
      const cell = map.cells.find((c) => c[0] === s && c[1] === r);
      return cell && cell[3] > 0 ? `${percent(cell[2])} (${cell[3]})` : '';
    })]),
  };
}

// ---------------------------------------------------------------------------------------
// Selling practice
// ---------------------------------------------------------------------------------------

export function practiceBars(report: SellingPracticeReport, t: Label): { names: string[]; conversion: (number | null)[]; decided: number[] } {
  const rows = [
    { name: t('analytics.practice.withDemo'), ...report.demo.withDemo },
    { name: t('analytics.practice.withoutDemo'), ...report.demo.withoutDemo },
    ...report.responseTime.map((r) => ({ name: t(`analytics.response.${r.bucket}`), ...r })),
  ];
  return { names: rows.map((r) => r.name), conversion: rows.map((r) => r.conversion), decided: rows.map((r) => r.decided) };
}

export function practiceTable(report: SellingPracticeReport, t: Label): DataTable {
  const bars = practiceBars(report, t);
  return {
    headers: [t('analytics.col.group'), t('analytics.col.decided'), t('analytics.col.conversion')],
    rows: bars.names.map((name, i) => [name, bars.decided[i] ?? 0, percent(bars.conversion[i])]),
  };
}

export function amTable(report: SellingPracticeReport, t: Label): DataTable {
  return {
    headers: [t('analytics.col.am'), t('analytics.col.team'), t('analytics.col.decided'), t('analytics.col.conversion'), t('analytics.col.teamConversion'), t('analytics.col.difference')],
    rows: report.accountManagers.map((a) => [
      a.ownerName ?? '—',
      a.teamName ?? '—',
      a.decided,
      percent(a.conversion),
      percent(a.teamConversion),
      a.difference === null ? '' : `${a.difference >= 0 ? '+' : ''}${(a.difference * 100).toFixed(1)} pp`,
    ]),
  };
}

/** The survey summary's query from the page's filters: solution and period (`to` inclusive here, exclusive there). */
export function surveyQuery(filters: { solution?: string | null; from?: string | null; to?: string | null }): Record<string, string> {
  const query: Record<string, string> = {};
  if (filters.solution) query.solutionId = filters.solution;
  if (filters.from) query.from = filters.from;
  if (filters.to) query.to = nextDay(filters.to);
  return query;
}

function nextDay(date: string): string {
  const d = new Date(`${date}T00:00:00.000Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** Answered ÷ sent, as a percentage; "—" when nothing was sent. */
export function answerRate(answered: number, sent: number): string {
  return sent === 0 ? '—' : percent(answered / sent);
}

export function csatTable(summary: SurveySummary, t: Label): DataTable {
  return { headers: [t('analytics.satisfaction.score'), t('analytics.satisfaction.answers')], rows: summary.csat.distribution.map((n, i) => [String(i + 1), n]) };
}

export function npsTable(summary: SurveySummary, t: Label): DataTable {
  const n = summary.nps;
  return {
    headers: [t('analytics.satisfaction.category'), t('analytics.satisfaction.answers')],
    rows: [
      [t('analytics.satisfaction.promoters'), n.promoters],
      [t('analytics.satisfaction.passives'), n.passives],
      [t('analytics.satisfaction.detractors'), n.detractors],
    ],
  };
}
