import { describe, expect, it } from 'vitest';
import { ApiError } from '../api/client';
import { hasErrors, serverFieldErrors, validateSetup, validateSignIn } from './authModel';

describe('sign-in and setup validation', () => {
  it('asks for an email and a password', () => {
    expect(validateSignIn({ email: '', password: '' })).toEqual({ email: 'validation.emailRequired', password: 'validation.passwordRequired' });
    expect(validateSignIn({ email: 'andi@', password: 'x' })).toEqual({ email: 'validation.emailInvalid' });
    expect(hasErrors(validateSignIn({ email: 'andi@contoh.co.id', password: 'x' }))).toBe(false);
  });

  it('wants a password of at least ten characters, typed twice', () => {
    const errors = validateSetup({ name: ' ', email: 'admin@contoh.co.id', password: 'short', confirm: 'other' });
    expect(errors).toEqual({ name: 'validation.nameRequired', password: 'validation.passwordTooShort', confirm: 'validation.passwordMismatch' });
  });

  it('places the server’s field issues on the form', () => {
    const error = new ApiError(400, { code: 'validation_failed', message: 'x', details: { issues: [{ field: 'body.email', reason: 'is taken' }, { field: 'body.other', reason: '?' }] } });
    expect(serverFieldErrors(error, ['email', 'password'] as const)).toEqual({ email: 'is taken' });
  });
});
