import { describe, expect, it } from 'vitest';
import { isCurrencyCode, minorDigits, rateOn, totalIn } from './money.js';

describe('money', () => {
  it('knows the minor-unit digits of ISO 4217 currencies', () => {
    expect(minorDigits('IDR')).toBe(2);
    expect(minorDigits('USD')).toBe(2);
    expect(minorDigits('JPY')).toBe(0);
    expect(minorDigits('KWD')).toBe(3);
  });

  it('accepts real currency codes and refuses made-up ones', () => {
    expect(isCurrencyCode('IDR')).toBe(true);
    expect(isCurrencyCode('SGD')).toBe(true);
    expect(isCurrencyCode('XYZ')).toBe(false);
    expect(isCurrencyCode('idr')).toBe(false);
  });

  it('uses the latest rate on or before the date', () => {
    const rates = [
      { currency: 'USD', validFrom: '2026-01-01', rate: 16000 },
      { currency: 'USD', validFrom: '2026-03-01', rate: 16400 },
    ];
    expect(rateOn(rates, 'USD', '2025-12-31')).toBeNull();
    expect(rateOn(rates, 'USD', '2026-03-01')).toBe(16400);
    expect(rateOn(rates, 'USD', '2026-02-28')).toBe(16000);
  });

  it('totals mixed currencies in the workspace currency and rounds once', () => {
    const rates = [{ currency: 'USD', validFrom: '2026-01-01', rate: 16_123.45 }];
    // USD 10.01 = 1001 cents → 10.01 × 16,123.45 = Rp 161,395.7345 → 16,139,573 sen (rounded once).
    expect(totalIn('IDR', [{ amountMinor: 1001, currency: 'USD' }, { amountMinor: 50_00, currency: 'IDR' }], rates, '2026-02-01')).toEqual({
      ok: true,
      amountMinor: 16_139_573 + 5_000,
    });
    expect(totalIn('IDR', [{ amountMinor: 1, currency: 'SGD' }], rates, '2026-02-01')).toEqual({ ok: false, missingCurrency: 'SGD' });
  });
});
