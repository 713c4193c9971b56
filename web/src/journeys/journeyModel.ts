import { minorDigits } from '../../../src/domain/money';
import type { HistoryEntry, Journey } from '../api/types';

/**
 * The journey page's plain logic: reading a value typed in rupiah, checking the edit form,
 * and turning history rows into timeline lines.
 */

export type ParsedAmount = { ok: true; minor: number } | { ok: false; error: string };

/**
 * Reads an amount typed the Indonesian way ("1.500.000", "1.500.000,50", "Rp 2.000.000")
 * or plainly ("1500000", "1500000.50") into minor units of `currency`.
 */
export function parseAmount(text: string, currency = 'IDR'): ParsedAmount {
  const cleaned = text.replace(/rp|idr|\s/gi, '');
  if (!cleaned) return { ok: false, error: 'validation.valueRequired' };
  let normalised: string;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(cleaned) || /^\d+,\d+$/.test(cleaned)) normalised = cleaned.replace(/\./g, '').replace(',', '.');
  else if (/^\d+(\.\d+)?$/.test(cleaned)) normalised = cleaned;
  else return { ok: false, error: 'validation.valueInvalid' };
  const digits = minorDigits(currency);
  const [whole = '0', fraction = ''] = normalised.split('.');
  if (fraction.length > digits) return { ok: false, error: 'validation.valueTooPrecise' };
  const minor = Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0');
  if (!Number.isSafeInteger(minor)) return { ok: false, error: 'validation.valueTooLarge' };
  return { ok: true, minor };
}

/** The amount as it is typed back into the form: "1500000" or "1500000,50". */
export function amountForInput(minor: number, currency = 'IDR'): string {
  const digits = minorDigits(currency);
  const whole = Math.floor(minor / 10 ** digits);
  const fraction = minor % 10 ** digits;
  return fraction === 0 ? String(whole) : `${whole},${String(fraction).padStart(digits, '0')}`;
}

export interface JourneyEdit {
  value: string;
  expectedDecisionDate: string;
}

export type JourneyEditResult =
  | { ok: true; patch: { valueMinor: number; expectedDecisionDate: string | null } }
  | { ok: false; errors: Partial<Record<keyof JourneyEdit, string>> };

export function validateJourneyEdit(input: JourneyEdit, currency: string): JourneyEditResult {
  const errors: Partial<Record<keyof JourneyEdit, string>> = {};
  const amount = parseAmount(input.value, currency);
  if (!amount.ok) errors.value = amount.error;
  const date = input.expectedDecisionDate.trim();
  if (date && !isCalendarDate(date)) errors.expectedDecisionDate = 'validation.dateInvalid';
  if (!amount.ok || errors.expectedDecisionDate) return { ok: false, errors };
  return { ok: true, patch: { valueMinor: amount.minor, expectedDecisionDate: date || null } };
}

export function isCalendarDate(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const date = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

export function editFromJourney(journey: Pick<Journey, 'valueMinor' | 'currency' | 'expectedDecisionDate'>): JourneyEdit {
  return { value: amountForInput(journey.valueMinor, journey.currency), expectedDecisionDate: journey.expectedDecisionDate ?? '' };
}

/** Newest first, for the timeline. */
export function timeline<T extends Pick<HistoryEntry, 'seq'>>(entries: readonly T[]): T[] {
  return [...entries].sort((a, b) => b.seq - a.seq);
}
