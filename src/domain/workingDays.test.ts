import { describe, expect, it } from 'vitest';
import { addWorkingDays, endOfWorkingDay, indonesianHolidays, isWorkingDay, localDate } from './workingDays.js';

const none = new Set<string>();

describe('working days', () => {
  it('counts two working days from a Wednesday as Friday', () => {
    expect(addWorkingDays('2026-07-01', 2, none)).toBe('2026-07-03');
  });

  it('skips the weekend: two working days from Thursday is Monday', () => {
    expect(addWorkingDays('2026-07-02', 2, none)).toBe('2026-07-06');
  });

  it('skips a holiday in the list', () => {
    // Monday 17 August 2026 is Independence Day.
    expect(addWorkingDays('2026-08-14', 1, new Set(['2026-08-17']))).toBe('2026-08-18');
  });

  it('skips the Idulfitri week of 2026 with the seeded holidays', () => {
    const holidays = new Set(indonesianHolidays.map((h) => h.date));
    // Tuesday 17 March 2026: 18–24 March are Nyepi, Idulfitri and cuti bersama.
    expect(addWorkingDays('2026-03-17', 1, holidays)).toBe('2026-03-25');
  });

  it('keeps a working day for zero working days and moves a weekend to Monday', () => {
    expect(addWorkingDays('2026-07-01', 0, none)).toBe('2026-07-01');
    expect(addWorkingDays('2026-07-04', 0, none)).toBe('2026-07-06');
  });

  it('treats Saturday and Sunday as non-working days', () => {
    expect(isWorkingDay('2026-07-04', none)).toBe(false);
    expect(isWorkingDay('2026-07-05', none)).toBe(false);
    expect(isWorkingDay('2026-07-06', none)).toBe(true);
  });

  it('refuses a negative count', () => {
    expect(() => addWorkingDays('2026-07-01', -1, none)).toThrow(RangeError);
  });

  it('reads the calendar date in Jakarta, seven hours ahead of UTC', () => {
    expect(localDate(new Date('2026-07-01T18:30:00Z'), 'Asia/Jakarta')).toBe('2026-07-02');
    expect(localDate(new Date('2026-07-01T16:59:00Z'), 'Asia/Jakarta')).toBe('2026-07-01');
  });

  it('puts the end of a working day at 17:00 local time', () => {
    expect(endOfWorkingDay('2026-07-03', 'Asia/Jakarta')).toBe('2026-07-03T10:00:00.000Z');
    expect(endOfWorkingDay('2026-07-03', 'UTC')).toBe('2026-07-03T17:00:00.000Z');
  });

  it('seeds each holiday date once, in order', () => {
    const dates = indonesianHolidays.map((h) => h.date);
    expect(new Set(dates).size).toBe(dates.length);
    expect([...dates].sort()).toEqual(dates);
  });
});
