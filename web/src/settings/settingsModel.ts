import type { Role } from '../api/types';

/** Settings' logic: time zones to offer, and the checks of the new-user and team forms. */

/** Indonesia's three zones first (WIB, WITA, WIT), then every zone the browser knows. */
export const indonesianZones = ['Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'] as const;

export function timeZoneOptions(known: readonly string[] = supportedZones()): string[] {
  const rest = known.filter((z) => !(indonesianZones as readonly string[]).includes(z));
  return [...indonesianZones, ...rest];
}

function supportedZones(): string[] {
  try {
    return Intl.supportedValuesOf('timeZone');
  } catch {
    return ['UTC'];
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
export const MIN_PASSWORD = 10; // the server's passwordSchema

export interface NewUserInput {
  name: string;
  email: string;
  role: Role;
  teamId: string | null;
  password: string;
}

export const emptyNewUser: NewUserInput = { name: '', email: '', role: 'account_manager', teamId: null, password: '' };

export function validateNewUser(input: NewUserInput): Partial<Record<keyof NewUserInput, string>> {
  const errors: Partial<Record<keyof NewUserInput, string>> = {};
  if (!input.name.trim()) errors.name = 'validation.nameRequired';
  if (!input.email.trim()) errors.email = 'validation.emailRequired';
  else if (!EMAIL.test(input.email.trim())) errors.email = 'validation.emailInvalid';
  if (input.password.length < MIN_PASSWORD) errors.password = 'validation.passwordTooShort';
  return errors;
}

export function validateTeamName(name: string): string | null {
  if (!name.trim()) return 'validation.required';
  if (name.trim().length > 100) return 'validation.tooLong';
  return null;
}
