import type { CategoryBar, HeatMap, SCurve } from './chartData';
import type { FunnelReport } from './analyticsApi';

/**
 * ECharts options as plain objects (no chart code here, so this stays out of the lazy chart
 * chunk's way and can be unit-tested). Colours come from the echarts default palette.
 */
export type ChartOption = Record<string, unknown>;
type Label = (key: string, options?: Record<string, unknown>) => string;

const base = { animation: false, aria: { enabled: true }, tooltip: { trigger: 'axis' }, grid: { left: 56, right: 24, top: 40, bottom: 40, containLabel: true } };

export function funnelOption(report: FunnelReport, t: Label): ChartOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'value', name: t('analytics.col.journeys') },
    yAxis: { type: 'category', inverse: true, data: report.stages.map((s) => t(`stage.${s.stage}`)) },
    series: [
      { name: t('analytics.col.entered'), type: 'bar', data: report.stages.map((s) => s.entered), label: { show: true, position: 'right' } },
      {
        name: t('analytics.col.advanced'),
        type: 'bar',
        data: report.stages.map((s) => s.advanced),
        label: { show: true, position: 'right', formatter: (p: { dataIndex: number; value: number }) => conversionLabel(report.stages[p.dataIndex]?.conversion ?? null, p.value) },
      },
    ],
  };
}

function conversionLabel(conversion: number | null, value: number): string {
  return conversion === null ? String(value) : `${value} (${(conversion * 100).toFixed(0)}%)`;
}

export function outcomesOption(report: FunnelReport, t: Label): ChartOption {
  const o = report.outcomes;
  return {
    ...base,
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: [t('outcome.adopted'), t('outcome.rejected'), t('outcome.discontinued')] },
    yAxis: { type: 'value', name: t('analytics.col.journeys'), minInterval: 1 },
    series: [{ type: 'bar', data: [o.adopted, o.rejected, o.discontinued], label: { show: true, position: 'top' } }],
  };
}

export function sCurveOption(curve: SCurve, t: Label): ChartOption {
  const lower = curve.bandLower;
  const width = curve.bandUpper.map((u, i) => (u === null || lower[i] === null || lower[i] === undefined ? null : u - (lower[i] ?? 0)));
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: curve.periods, boundaryGap: false },
    yAxis: [
      { type: 'value', name: t('analytics.col.cumulative'), minInterval: 1 },
      { type: 'value', name: t('analytics.col.adoptions'), minInterval: 1, splitLine: { show: false } },
    ],
    series: [
      { name: t('analytics.col.adoptions'), type: 'bar', yAxisIndex: 1, data: curve.adoptions, itemStyle: { opacity: 0.45 } },
      { name: t('analytics.col.cumulative'), type: 'line', data: curve.cumulative, symbolSize: 4 },
      {
        name: t('analytics.col.fitted'),
        type: 'line',
        data: curve.fitted,
        showSymbol: false,
        lineStyle: { type: 'dashed', width: 2 },
        markPoint: curve.peak
          ? { symbol: 'pin', symbolSize: 44, data: [{ name: t('analytics.fit.peak'), coord: [curve.peak.index, curve.peak.cumulative], value: t('analytics.chart.peak') }] }
          : undefined,
        markLine: curve.peak ? { symbol: 'none', label: { formatter: t('analytics.chart.peakAt', { t: curve.peak.t.toFixed(1) }) }, data: [{ xAxis: curve.peak.index }] } : undefined,
      },
      // The forecast band: an invisible base at the lower bound with the band's width stacked on it.
      { name: t('analytics.col.lower'), type: 'line', data: lower, stack: 'band', lineStyle: { opacity: 0 }, showSymbol: false, tooltip: { show: false } },
      { name: t('analytics.chart.band'), type: 'line', data: width, stack: 'band', lineStyle: { opacity: 0 }, showSymbol: false, areaStyle: { opacity: 0.2 } },
    ],
  };
}

export function adoptersOption(bars: CategoryBar[], total: number, t: Label): ChartOption {
  return {
    ...base,
    legend: { top: 0 },
    xAxis: { type: 'category', data: bars.map((b) => t(`analytics.category.${b.category}`)) },
    yAxis: { type: 'value', name: t('analytics.col.adopters'), minInterval: 1 },
    series: [
      { name: t('analytics.col.adopters'), type: 'bar', data: bars.map((b) => b.count), label: { show: true, position: 'top' } },
      { name: t('analytics.col.rogers'), type: 'line', data: bars.map((b) => Math.round(b.rogersShare * total * 10) / 10), lineStyle: { type: 'dashed' } },
    ],
  };
}

export function heatMapOption(map: HeatMap, t: Label): ChartOption {
  return {
    ...base,
    tooltip: { position: 'top' },
    grid: { left: 8, right: 24, top: 16, bottom: 72, containLabel: true },
    xAxis: { type: 'category', data: map.stages.map((s) => t(`stage.${s}`)), splitArea: { show: true } },
    yAxis: { type: 'category', data: map.rows, splitArea: { show: true } },
    visualMap: { min: 0, max: 1, calculable: true, orient: 'horizontal', left: 'center', bottom: 0, dimension: 2, formatter: (v: number) => `${Math.round(v * 100)}%` },
    series: [
      {
        name: t('analytics.col.conversion'),
        type: 'heatmap',
        data: map.cells.filter((c) => c[2] !== null).map((c) => [c[0], c[1], Math.round((c[2] ?? 0) * 1000) / 1000, c[3]]),
        label: { show: true, formatter: (p: { value: number[] }) => `${Math.round((p.value[2] ?? 0) * 100)}%` },
      },
    ],
  };
}

export function practiceOption(names: string[], conversion: (number | null)[], t: Label): ChartOption {
  return {
    ...base,
    xAxis: { type: 'value', name: t('analytics.col.conversion'), max: 100, axisLabel: { formatter: '{value}%' } },
    yAxis: { type: 'category', inverse: true, data: names },
    series: [{ type: 'bar', data: conversion.map((c) => (c === null ? null : Math.round(c * 1000) / 10)), label: { show: true, position: 'right', formatter: '{c}%' } }],
  };
}

/** One bar per row of a two-column table (label, count): CSAT scores, NPS categories. */
export function countBarsOption(rows: (string | number | null)[][], yName: string): ChartOption {
  return {
    ...base,
    tooltip: { trigger: 'item' },
    xAxis: { type: 'category', data: rows.map((r) => String(r[0])) },
    yAxis: { type: 'value', name: yName, minInterval: 1 },
    series: [{ type: 'bar', data: rows.map((r) => Number(r[1] ?? 0)), label: { show: true, position: 'top' } }],
  };
}
