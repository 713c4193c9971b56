import { responseKinds, type ResponseKind } from '../../../src/domain/campaigns';

/** View logic for the campaign screens, kept out of the components so it can be tested without a browser. */

/** A ratio as a whole percentage in the user's language (0.5 → "50%"); an em dash for none. */
export function percent(ratio: number | null, locale: string): string {
  if (ratio === null || !Number.isFinite(ratio)) return '—';
  return new Intl.NumberFormat(locale === 'id' ? 'id-ID' : 'en-GB', { style: 'percent', maximumFractionDigits: 1 }).format(ratio);
}

/** Each response kind with its count and its rate over the reach (null without an audience). */
export function responseFunnel(responses: Record<ResponseKind, number>, reachContacts: number): Array<{ kind: ResponseKind; count: number; rate: number | null }> {
  return responseKinds.map((kind) => ({ kind, count: responses[kind] ?? 0, rate: reachContacts > 0 ? (responses[kind] ?? 0) / reachContacts : null }));
}

/** The header and one example row of the CSV the import accepts. */
export const csvTemplate = 'email,kind,at\nbudi.santoso@contoh.co.id,attended,2024-05-02\n';

/** Rupiah input (whole rupiah, dots or commas as thousands separators) as minor units; null when it is not a number. */
export function budgetToMinor(text: string): number | null {
  const digits = text.replace(/[.\s,]/g, '');
  if (digits === '') return 0;
  if (!/^\d+$/.test(digits)) return null;
  const value = Number(digits) * 100;
  return Number.isSafeInteger(value) ? value : null;
}

/** The row problems of a refused import, as "row 3 · kind: must be one of …" lines. */
export function importProblems(details: Record<string, unknown>): Array<{ row: number; field: string; reason: string }> {
  const rows = details.rows;
  if (!Array.isArray(rows)) return [];
  return rows.filter((r): r is { row: number; field: string; reason: string } => typeof r === 'object' && r !== null && typeof (r as { row?: unknown }).row === 'number');
}
