import { describe, expect, it } from 'vitest';
import { normalizePhone } from './phone.js';

function e164(raw: string): string | null {
  const result = normalizePhone(raw);
  return result.ok ? result.e164 : null;
}

describe('normalizePhone', () => {
  it('turns a national mobile number starting with 08 into +628…', () => {
    expect(e164('081234567890')).toBe('+6281234567890');
  });

  it('adds the plus to a number written as 628…', () => {
    expect(e164('6281234567890')).toBe('+6281234567890');
  });

  it('keeps a number that already starts with +', () => {
    expect(e164('+6281234567890')).toBe('+6281234567890');
    expect(e164('+6591234567')).toBe('+6591234567');
  });

  it('ignores the spaces, dashes, dots and brackets people type between groups', () => {
    expect(e164(' 0812-3456-7890 ')).toBe('+6281234567890');
    expect(e164('+62 (812) 3456.7890')).toBe('+6281234567890');
  });

  it('reads a Jakarta landline with its trunk 0 as +6221…', () => {
    expect(e164('(021) 5551234')).toBe('+62215551234');
  });

  it('refuses a trunk 0 wrongly kept after +62', () => {
    expect(normalizePhone('+62081234567890')).toMatchObject({ ok: false });
  });

  it('refuses letters and other junk with a reason', () => {
    const result = normalizePhone('call me maybe');
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(/digits/);
    expect(e164('0812-3456-789x')).toBeNull();
    expect(e164('+62+812345678')).toBeNull();
  });

  it('refuses an empty number', () => {
    expect(normalizePhone('   ')).toEqual({ ok: false, reason: 'is empty' });
  });

  it('refuses Indonesian numbers that are too short or too long', () => {
    expect(e164('0812345')).toBeNull();
    expect(e164('08123456789012')).toBeNull();
    expect(e164('02112345')).toBe('+622112345');
    expect(e164('021123')).toBeNull();
  });

  it('refuses a number without a country or trunk prefix', () => {
    expect(e164('81234567890')).toBeNull();
  });

  it('refuses an international access code in place of the plus', () => {
    expect(e164('006281234567890')).toBeNull();
  });

  it('refuses foreign numbers longer than E.164 allows', () => {
    expect(e164('+1234567890123456')).toBeNull();
    expect(e164('+0123456789')).toBeNull();
  });
});
