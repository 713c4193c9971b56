import type { ApiError } from '../api/client';

/** Field errors as translation keys (or, from the server, its own words). */
export type FieldErrors<F extends string> = Partial<Record<F, string>>;

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10; // the server's passwordSchema

export interface SignInInput {
  email: string;
  password: string;
}

export function validateSignIn(input: SignInInput): FieldErrors<keyof SignInInput> {
  const errors: FieldErrors<keyof SignInInput> = {};
  if (!input.email.trim()) errors.email = 'validation.emailRequired';
  else if (!EMAIL.test(input.email.trim())) errors.email = 'validation.emailInvalid';
  if (!input.password) errors.password = 'validation.passwordRequired';
  return errors;
}

export interface SetupInput {
  name: string;
  email: string;
  password: string;
  confirm: string;
}

export function validateSetup(input: SetupInput): FieldErrors<keyof SetupInput> {
  const errors: FieldErrors<keyof SetupInput> = {};
  if (!input.name.trim()) errors.name = 'validation.nameRequired';
  if (!input.email.trim()) errors.email = 'validation.emailRequired';
  else if (!EMAIL.test(input.email.trim())) errors.email = 'validation.emailInvalid';
  if (input.password.length < MIN_PASSWORD) errors.password = 'validation.passwordTooShort';
  if (input.confirm !== input.password) errors.confirm = 'validation.passwordMismatch';
  return errors;
}

export function hasErrors(errors: Record<string, unknown>): boolean {
  return Object.values(errors).some(Boolean);
}

/** The server's 400 issues (`body.email: …`) placed on the form's fields. */
export function serverFieldErrors<F extends string>(error: ApiError, fields: readonly F[]): FieldErrors<F> {
  const errors: FieldErrors<F> = {};
  for (const issue of error.details.issues ?? []) {
    const field = issue.field.replace(/^body\./, '') as F;
    if (fields.includes(field)) errors[field] = issue.reason;
  }
  return errors;
}
