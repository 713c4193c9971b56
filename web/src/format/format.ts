import { minorDigits } from '../../../src/domain/money';

/** How numbers, money and dates read for each UI language (Indonesian conventions by default). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

/** Money in minor units → "Rp 1.500.000" (IDR via Intl 'id-ID'; whole rupiah, as sellers speak). */
export function formatMoney(valueMinor: number, currency: string, locale = 'id'): string {
  const digits = minorDigits(currency);
  const major = valueMinor / 10 ** digits;
  const whole = Number.isInteger(major);
  return new Intl.NumberFormat(currency === 'IDR' ? 'id-ID' : intlLocale(locale), {
    style: 'currency',
    currency,
    minimumFractionDigits: whole ? 0 : digits,
    maximumFractionDigits: digits,
  }).format(major);
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** Whole days since `since` (ISO timestamp), never negative. */
export function daysSince(since: string, now: Date = new Date()): number {
  return Math.max(0, Math.floor((now.getTime() - Date.parse(since)) / DAY_MS));
}

/** "Siti Rahayu" → "SR"; one word → its first two letters. */
export function initials(name: string): string {
  const words = name.trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return '?';
  if (words.length === 1) return (words[0] ?? '').slice(0, 2).toUpperCase();
  return ((words[0]?.[0] ?? '') + (words[words.length - 1]?.[0] ?? '')).toUpperCase();
}

/** A UTC timestamp shown in the user's time zone (DESIGN.md §8). */
export function formatDateTime(iso: string, locale: string, timeZone = 'Asia/Jakarta'): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

/** A calendar date (YYYY-MM-DD) shown without shifting it through a time zone. */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
