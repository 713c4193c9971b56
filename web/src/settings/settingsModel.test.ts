import { describe, expect, it } from 'vitest';
import { emptyNewUser, timeZoneOptions, validateNewUser, validateTeamName } from './settingsModel';

describe('settings', () => {
  it('offers Indonesia’s zones first and every other zone once', () => {
    const zones = timeZoneOptions(['Europe/Amsterdam', 'Asia/Jakarta', 'UTC']);
    expect(zones).toEqual(['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura', 'Europe/Amsterdam', 'UTC']);
    expect(timeZoneOptions().length).toBeGreaterThan(3);
  });

  it('checks a new user’s name, email and password before asking the server', () => {
    expect(validateNewUser(emptyNewUser)).toEqual({ name: 'validation.nameRequired', email: 'validation.emailRequired', password: 'validation.passwordTooShort' });
    expect(validateNewUser({ ...emptyNewUser, name: 'Budi', email: 'budi@', password: 'x'.repeat(10) })).toEqual({ email: 'validation.emailInvalid' });
    expect(validateNewUser({ ...emptyNewUser, name: 'Budi', email: 'budi@contoh.co.id', password: 'x'.repeat(10) })).toEqual({});
  });

  it('asks for a team name of at most 100 characters', () => {
    expect(validateTeamName('  ')).toBe('validation.required');
    expect(validateTeamName('x'.repeat(101))).toBe('validation.tooLong');
    expect(validateTeamName('Enterprise Team')).toBeNull();
  });
});
