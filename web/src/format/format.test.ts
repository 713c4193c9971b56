import { describe, expect, it } from 'vitest';
import { daysSince, formatMoney, initials } from './format';

describe('format', () => {
  it('shows IDR minor units as rupiah the Indonesian way', () => {
    expect(formatMoney(150_000_000, 'IDR').replace(/\s/g, ' ')).toBe('Rp 1.500.000');
    expect(formatMoney(150_000_050, 'IDR').replace(/\s/g, ' ')).toBe('Rp 1.500.000,50');
  });

  it('shows other currencies with their own minor digits', () => {
    expect(formatMoney(12_345, 'USD', 'en')).toBe('US$123.45');
    expect(formatMoney(500, 'JPY', 'en')).toBe('JP¥500');
  });

  it('counts whole days in a stage and never a negative number', () => {
    const now = new Date('2025-03-10T12:00:00Z');
    expect(daysSince('2025-03-01T13:00:00Z', now)).toBe(8);
    expect(daysSince('2025-03-11T00:00:00Z', now)).toBe(0);
  });

  it('takes initials from the first and last name', () => {
    expect(initials('Siti Nur Rahayu')).toBe('SR');
    expect(initials('budi')).toBe('BU');
    expect(initials('  ')).toBe('?');
  });
});
