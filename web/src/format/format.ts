import { minorDigits } from '../../../src/domain/money';

/** How numbers, money and dates read for each UI language (Indonesian conventions by default). */
export function intlLocale(locale: string): string {
  return locale === 'en' ? 'en-GB' : 'id-ID';
}

const moneyFormats = new Map<string, Intl.NumberFormat>();
/** Building an Intl.NumberFormat costs far more than using one: a board shows hundreds of amounts. */
function moneyFormat(locale: string, currency: string, fractionDigits: number, maxDigits: number): Intl.NumberFormat {
  const key = `${locale}|${currency}|${fractionDigits}|${maxDigits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = new Intl.NumberFormat(locale, { style: 'currency', currency, minimumFractionDigits: fractionDigits, maximumFractionDigits: maxDigits });
    moneyFormats.set(key, format);
  }
  return format;
}

/** Money in minor units → "Rp 1.500.000" (IDR via Intl 'id-ID'; whole rupiah, as sellers speak). */
export function formatMoney(valueMinor: number, currency: string, locale = 'id'): string {
  const digits = minorDigits(currency);
  const major = valueMinor / 10 ** digits;
  const whole = Number.isInteger(major);
  return moneyFormat(currency === 'IDR' ? 'id-ID' : intlLocale(locale), currency, whole ? 0 : digits, digits).format(major);
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

export const DEFAULT_TIME_ZONE = 'Asia/Jakarta';
let displayTimeZone = DEFAULT_TIME_ZONE;

/** The signed-in user's time zone (their profile's), used wherever a screen does not pass one. */
export function setDisplayTimeZone(timeZone: string | null | undefined): void {
  displayTimeZone = timeZone && isTimeZone(timeZone) ? timeZone : DEFAULT_TIME_ZONE;
}

export function getDisplayTimeZone(): string {
  return displayTimeZone;
}

export function isTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone });
    return true;
  } catch {
    return false;
  }
}

/** A UTC timestamp shown in the user's time zone (DESIGN.md §8). */
export function formatDateTime(iso: string, locale: string, timeZone: string = displayTimeZone): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeStyle: 'short', timeZone }).format(new Date(iso));
}

const wallParts = new Map<string, Intl.DateTimeFormat>();
/** The wall-clock fields of an instant in a zone. */
function partsIn(instant: Date, timeZone: string): { year: number; month: number; day: number; hour: number; minute: number } {
  let format = wallParts.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', { timeZone, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' });
    wallParts.set(timeZone, format);
  }
  const get = (type: string) => Number(format.formatToParts(instant).find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day'), hour: get('hour'), minute: get('minute') };
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/**
 * A stored instant as the wall time a date-time input shows in a zone: "2026-11-28T23:30"
 * (the value of an <input type="datetime-local">). Null for an unparsable instant.
 */
export function toZonedInput(iso: string, timeZone: string = displayTimeZone): string | null {
  const instant = new Date(iso);
  if (Number.isNaN(instant.getTime())) return null;
  const p = partsIn(instant, timeZone);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

const wallPattern = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/**
 * What the user typed ("2026-11-28T23:30", or a bare date meaning midnight), read as wall time in
 * their zone, as the UTC instant the API stores: 2026-11-28 23:30 in Asia/Jakarta (UTC+7) is
 * 2026-11-28T16:30:00.000Z. Null when it is not a real date and time. A wall time that a
 * daylight-saving change skips is read with the offset in force just before it.
 */
export function fromZonedInput(wall: string, timeZone: string = displayTimeZone): string | null {
  const m = wallPattern.exec(wall.trim());
  if (!m) return null;
  const [year, month, day, hour, minute] = [m[1], m[2], m[3], m[4] ?? '0', m[5] ?? '0'].map(Number) as [number, number, number, number, number];
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59) return null;
  const asUtc = Date.UTC(year, month - 1, day, hour, minute);
  const check = new Date(asUtc);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31 February
  // The zone's offset at that moment, refined once (the offset can differ on either side of a change).
  let guess = asUtc - offsetMs(new Date(asUtc), timeZone);
  guess = asUtc - offsetMs(new Date(guess), timeZone);
  return new Date(guess).toISOString();
}

/** How far a zone's wall clock is ahead of UTC at an instant, in milliseconds. */
function offsetMs(instant: Date, timeZone: string): number {
  const p = partsIn(instant, timeZone);
  const wallAsUtc = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute);
  return wallAsUtc - Math.floor(instant.getTime() / 60_000) * 60_000;
}

/** A calendar date (YYYY-MM-DD) shown without shifting it through a time zone. */
export function formatDate(date: string, locale: string): string {
  return new Intl.DateTimeFormat(intlLocale(locale), { dateStyle: 'medium', timeZone: 'UTC' }).format(new Date(`${date}T00:00:00Z`));
}
