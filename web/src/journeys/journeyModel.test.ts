import { describe, expect, it } from 'vitest';
import { amountForInput, isCalendarDate, parseAmount, timeline, validateJourneyEdit } from './journeyModel';

describe('journey model', () => {
  it('reads rupiah typed the Indonesian way or plainly into minor units', () => {
    expect(parseAmount('1.500.000')).toEqual({ ok: true, minor: 150_000_000 });
    expect(parseAmount('Rp 1.500.000,50')).toEqual({ ok: true, minor: 150_000_050 });
    expect(parseAmount('2500000')).toEqual({ ok: true, minor: 250_000_000 });
    expect(parseAmount('12,5')).toEqual({ ok: true, minor: 1250 });
    expect(parseAmount('')).toEqual({ ok: false, error: 'validation.valueRequired' });
    expect(parseAmount('-5')).toEqual({ ok: false, error: 'validation.valueInvalid' });
    expect(parseAmount('1,234')).toEqual({ ok: false, error: 'validation.valueTooPrecise' });
  });

  it('writes an amount back the way the form reads it', () => {
    expect(amountForInput(150_000_000)).toBe('1500000');
    expect(amountForInput(150_000_005)).toBe('1500000,05');
    expect(parseAmount(amountForInput(123_456_789))).toEqual({ ok: true, minor: 123_456_789 });
  });

  it('accepts only real calendar dates', () => {
    expect(isCalendarDate('2025-02-28')).toBe(true);
    expect(isCalendarDate('2025-02-30')).toBe(false);
    expect(isCalendarDate('28/02/2025')).toBe(false);
  });

  it('checks the edit form and builds the patch', () => {
    expect(validateJourneyEdit({ value: '1.000.000', expectedDecisionDate: '' }, 'IDR')).toEqual({ ok: true, patch: { valueMinor: 100_000_000, expectedDecisionDate: null } });
    expect(validateJourneyEdit({ value: 'abc', expectedDecisionDate: '2025-13-01' }, 'IDR')).toEqual({
      ok: false,
      errors: { value: 'validation.valueInvalid', expectedDecisionDate: 'validation.dateInvalid' },
    });
  });

  it('shows the newest history row first', () => {
    const rows = [{ seq: 1 }, { seq: 3 }, { seq: 2 }];
    expect(timeline(rows).map((r) => r.seq)).toEqual([3, 2, 1]);
  });
});
