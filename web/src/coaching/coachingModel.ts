import type { CoachingReport } from '../team/teamApi';

export type MetricValue = CoachingReport['ams'][number]['gatesOnTime'];
/** Whether a higher figure is better (conversion, gates on time), lower (days in stage), or neither (touches). */
export type Preference = 'higher' | 'lower' | 'neutral';

/** How to colour a figure against the team median: good, bad or neutral. */
export function tone(metric: MetricValue, preference: Preference): 'good' | 'bad' | 'neutral' {
  if (metric.standing === null || metric.standing === 'at' || preference === 'neutral') return 'neutral';
  const better = preference === 'higher' ? metric.standing === 'above' : metric.standing === 'below';
  return better ? 'good' : 'bad';
}

/** A share as a whole percentage, a figure with at most one decimal; '—' when unknown. */
export function formatShare(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { style: 'percent', maximumFractionDigits: 0 }).format(value);
}

export function formatFigure(value: number | null, locale: string): string {
  if (value === null) return '—';
  return new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'id-ID', { maximumFractionDigits: 1 }).format(value);
}

/** The default period of the form: the last 90 days up to today (as the server does). */
export function defaultPeriod(today: Date): { from: string; to: string } {
  const day = 86_400_000;
  const start = Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate());
  return { from: new Date(start + day - 90 * day).toISOString().slice(0, 10), to: new Date(start + day).toISOString().slice(0, 10) };
}

/** The form's period as the API wants it: `to` is exclusive there, inclusive on screen. */
export function periodQuery(from: string, toInclusive: string): { from?: string; to?: string; error?: 'coaching.errors.order' } {
  const to = toInclusive ? new Date(Date.parse(`${toInclusive}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10) : undefined;
  if (from && to && from >= to) return { error: 'coaching.errors.order' };
  return { ...(from ? { from } : {}), ...(to ? { to } : {}) };
}
