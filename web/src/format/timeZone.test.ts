import { afterEach, describe, expect, it } from 'vitest';
import { formatDateTime, fromZonedInput, getDisplayTimeZone, setDisplayTimeZone, toZonedInput } from './format';

describe('dates in the user’s time zone', () => {
  afterEach(() => setDisplayTimeZone(null));

  it('reads what a user in Jakarta types as Jakarta wall time', () => {
    expect(fromZonedInput('2026-11-28T23:30', 'Asia/Jakarta')).toBe('2026-11-28T16:30:00.000Z');
    expect(fromZonedInput('2026-11-28 23:30', 'Asia/Jakarta')).toBe('2026-11-28T16:30:00.000Z');
    expect(fromZonedInput('2026-11-29', 'Asia/Jakarta')).toBe('2026-11-28T17:00:00.000Z');
  });

  it('shows the same instant at a different wall time to a user in Makassar or Jayapura', () => {
    const stored = '2026-11-28T16:30:00.000Z';
    expect(toZonedInput(stored, 'Asia/Jakarta')).toBe('2026-11-28T23:30');
    expect(toZonedInput(stored, 'Asia/Makassar')).toBe('2026-11-29T00:30');
    expect(toZonedInput(stored, 'Asia/Jayapura')).toBe('2026-11-29T01:30');
    expect(fromZonedInput('2026-11-29T00:30', 'Asia/Makassar')).toBe(stored);
  });

  it('round-trips across a daylight-saving change', () => {
    // Europe/Amsterdam moves from UTC+1 to UTC+2 on 29 March 2026 at 02:00.
    expect(fromZonedInput('2026-03-28T12:00', 'Europe/Amsterdam')).toBe('2026-03-28T11:00:00.000Z');
    expect(fromZonedInput('2026-03-30T12:00', 'Europe/Amsterdam')).toBe('2026-03-30T10:00:00.000Z');
    expect(toZonedInput('2026-03-30T10:00:00.000Z', 'Europe/Amsterdam')).toBe('2026-03-30T12:00');
  });

  it('refuses what is not a date and time', () => {
    expect(fromZonedInput('2026-02-31T10:00', 'Asia/Jakarta')).toBeNull();
    expect(fromZonedInput('28/11/2026 23:30', 'Asia/Jakarta')).toBeNull();
    expect(fromZonedInput('2026-11-28T24:00', 'Asia/Jakarta')).toBeNull();
    expect(toZonedInput('not a date', 'Asia/Jakarta')).toBeNull();
  });

  it('formats in the signed-in user’s zone when a screen passes none, falling back to Jakarta', () => {
    expect(getDisplayTimeZone()).toBe('Asia/Jakarta');
    const jakarta = formatDateTime('2026-11-28T16:30:00.000Z', 'en');
    setDisplayTimeZone('Asia/Makassar');
    expect(toZonedInput('2026-11-28T16:30:00.000Z')).toBe('2026-11-29T00:30');
    expect(fromZonedInput('2026-11-29T00:30')).toBe('2026-11-28T16:30:00.000Z');
    expect(formatDateTime('2026-11-28T16:30:00.000Z', 'en')).not.toBe(jakarta);
    expect(formatDateTime('2026-11-28T16:30:00.000Z', 'en')).toContain('00:30');
    setDisplayTimeZone('Not/AZone');
    expect(getDisplayTimeZone()).toBe('Asia/Jakarta');
  });
});
