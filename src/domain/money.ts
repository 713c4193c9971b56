/**
 * Money is integer minor units plus an ISO 4217 currency (DESIGN.md §8).
 * Conversions use the exchange rate in force on a date: the latest rate on or before it.
 */
export interface Money {
  amountMinor: number;
  currency: string;
}

export interface ExchangeRate {
  currency: string;
  /** ISO date (YYYY-MM-DD) from which this rate applies. */
  validFrom: string;
  /** Units of the workspace currency for one unit of `currency`. */
  rate: number;
}

// ISO 4217 exponents that differ from the usual 2 (IDR's exponent is 2, although cash has none).
const zeroDigit = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'UYI', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const threeDigit = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Digits after the decimal point of a currency's minor unit (ISO 4217): IDR 2, JPY 0, KWD 3. */
export function minorDigits(currency: string): number {
  if (zeroDigit.has(currency)) return 0;
  if (threeDigit.has(currency)) return 3;
  return 2;
}

let knownCurrencies: Set<string> | null = null;

/** Whether `value` is an ISO 4217 code the platform knows (IDR, USD, SGD, …). */
export function isCurrencyCode(value: string): boolean {
  knownCurrencies ??= new Set(Intl.supportedValuesOf('currency'));
  return knownCurrencies.has(value);
}

export function rateOn(rates: readonly ExchangeRate[], currency: string, date: string): number | null {
  let best: ExchangeRate | null = null;
  for (const r of rates) {
    if (r.currency !== currency || r.validFrom > date) continue;
    if (best === null || r.validFrom > best.validFrom) best = r;
  }
  return best?.rate ?? null;
}

export type ConversionResult = { ok: true; amountMinor: number } | { ok: false; missingCurrency: string };

/**
 * Sums amounts in mixed currencies into the workspace currency, converting each at its
 * rate on `date`. Rounds once, at the end, to whole minor units of the target.
 */
export function totalIn(
  target: string,
  amounts: readonly Money[],
  rates: readonly ExchangeRate[],
  date: string,
): ConversionResult {
  const targetDigits = minorDigits(target);
  let total = 0;
  for (const money of amounts) {
    if (money.currency === target) {
      total += money.amountMinor;
      continue;
    }
    const rate = rateOn(rates, money.currency, date);
    if (rate === null) return { ok: false, missingCurrency: money.currency };
    const major = money.amountMinor / 10 ** minorDigits(money.currency);
    total += major * rate * 10 ** targetDigits;
  }
  return { ok: true, amountMinor: Math.round(total) };
}
