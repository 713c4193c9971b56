import type { PrincipalInput, SolutionInput } from '../api/client';
import type { Principal, Solution } from '../api/types';

/** The catalogue forms: what they start from, and their checks (errors are translation keys). */

export interface SolutionForm {
  name: string;
  category: Solution['category'];
  description: string;
  launchDate: string;
  principalIds: string[];
}

export function solutionForm(s?: Solution): SolutionForm {
  return s
    ? { name: s.name, category: s.category, description: s.description ?? '', launchDate: s.launchDate ?? '', principalIds: [...s.principalIds] }
    : { name: '', category: 'data_center', description: '', launchDate: '', principalIds: [] };
}

export type Checked<F, B> = { ok: true; body: B } | { ok: false; errors: Partial<Record<keyof F, string>> };

export function validateSolution(form: SolutionForm): Checked<SolutionForm, SolutionInput> {
  const errors: Partial<Record<keyof SolutionForm, string>> = {};
  if (!form.name.trim()) errors.name = 'validation.required';
  else if (form.name.trim().length > 150) errors.name = 'validation.tooLong';
  if (form.launchDate && !/^\d{4}-\d{2}-\d{2}$/.test(form.launchDate)) errors.launchDate = 'validation.dateInvalid';
  if (form.description.length > 4000) errors.description = 'validation.tooLong';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return {
    ok: true,
    body: { name: form.name.trim(), category: form.category, description: form.description.trim() || null, launchDate: form.launchDate || null, principalIds: form.principalIds },
  };
}

export interface PrincipalForm {
  name: string;
  website: string;
  country: string;
}

export function principalForm(p?: Principal): PrincipalForm {
  return { name: p?.name ?? '', website: p?.website ?? '', country: p?.country ?? '' };
}

export function validatePrincipal(form: PrincipalForm): Checked<PrincipalForm, PrincipalInput> {
  const errors: Partial<Record<keyof PrincipalForm, string>> = {};
  if (!form.name.trim()) errors.name = 'validation.required';
  else if (form.name.trim().length > 100) errors.name = 'validation.tooLong';
  const website = form.website.trim();
  if (website && !/^https?:\/\/[^\s.]+\.[^\s]+$/i.test(website)) errors.website = 'validation.urlInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, body: { name: form.name.trim(), website: website || null, country: form.country.trim() || null } };
}
