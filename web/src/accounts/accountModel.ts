import { stages } from '../../../src/shared/vocabulary';
import type { Account, AccountPatch, Journey, Solution, Stage } from '../api/types';

/**
 * Account 360's logic: where the account stands with each solution, and the profile form.
 */

/** The account's relation to a solution, read from its journey (DESIGN.md §3). */
export type AdoptionStatus = 'none' | 'knows' | 'evaluates' | 'uses' | 'rejected' | 'discontinued';
export const adoptionStatuses: readonly AdoptionStatus[] = ['none', 'knows', 'evaluates', 'uses', 'rejected', 'discontinued'];

export function adoptionStatus(journey: Pick<Journey, 'stage' | 'outcome'> | undefined): AdoptionStatus {
  if (!journey) return 'none';
  if (journey.outcome === 'rejected') return 'rejected';
  if (journey.outcome === 'discontinued') return 'discontinued';
  if (journey.outcome === 'adopted') return 'uses';
  if (journey.stage === 'knowledge') return 'knows';
  if (journey.stage === 'persuasion' || journey.stage === 'decision') return 'evaluates';
  return 'uses';
}

export interface MatrixRow {
  solutionId: string;
  solutionName: string;
  /** The latest journey of the account with this solution, if any. */
  journey: Journey | undefined;
  status: AdoptionStatus;
  /** The stage each column shows: true where the journey stands. */
  cells: Record<Stage, boolean>;
}

/**
 * One row per solution (the catalogue's and any the journeys name), with the latest
 * journey's stage. Solutions with journeys come first, in stage order, then the rest by name:
 * what the account has not heard of yet is the cross-selling list.
 */
export function solutionMatrix(journeys: readonly Journey[], solutions: readonly Pick<Solution, 'id' | 'name'>[]): MatrixRow[] {
  const latest = new Map<string, Journey>();
  for (const j of journeys) {
    const seen = latest.get(j.solutionId);
    if (!seen || j.updatedAt > seen.updatedAt) latest.set(j.solutionId, j);
  }
  const names = new Map<string, string>(solutions.map((s) => [s.id, s.name]));
  for (const j of journeys) if (!names.has(j.solutionId)) names.set(j.solutionId, j.solutionName);
  const rows = [...names].map(([solutionId, solutionName]): MatrixRow => {
    const journey = latest.get(solutionId);
    const cells = Object.fromEntries(stages.map((s) => [s, journey?.stage === s])) as Record<Stage, boolean>;
    return { solutionId, solutionName, journey, status: adoptionStatus(journey), cells };
  });
  const rank = (r: MatrixRow) => (r.journey ? stages.indexOf(r.journey.stage) : stages.length);
  return rows.sort((a, b) => (a.journey ? 0 : 1) - (b.journey ? 0 : 1) || rank(b) - rank(a) || a.solutionName.localeCompare(b.solutionName));
}

/** How many solutions the account has at each status (the matrix's summary line). */
export function statusCounts(rows: readonly MatrixRow[]): Record<AdoptionStatus, number> {
  const counts = Object.fromEntries(adoptionStatuses.map((s) => [s, 0])) as Record<AdoptionStatus, number>;
  for (const row of rows) counts[row.status] += 1;
  return counts;
}

export type AccountEdit = {
  name: string;
  industry: Account['industry'];
  sizeBand: Account['sizeBand'];
  tier: Account['tier'];
  city: string;
  province: string;
  region: Account['region'];
  relationship: Account['relationship'];
  website: string;
  phone: string;
};

export function editFromAccount(a: Account): AccountEdit {
  return {
    name: a.name,
    industry: a.industry,
    sizeBand: a.sizeBand,
    tier: a.tier,
    city: a.city,
    province: a.province,
    region: a.region,
    relationship: a.relationship,
    website: a.website ?? '',
    phone: a.phone ?? '',
  };
}

export type AccountEditResult =
  | { ok: true; patch: Omit<AccountPatch, 'version'> }
  | { ok: false; errors: Partial<Record<keyof AccountEdit, string>> };

/** Checks the profile form before sending; errors are translation keys. Sends only what changed. */
export function validateAccountEdit(input: AccountEdit, original: Account): AccountEditResult {
  const errors: Partial<Record<keyof AccountEdit, string>> = {};
  if (!input.name.trim()) errors.name = 'validation.required';
  if (!input.city.trim()) errors.city = 'validation.required';
  if (!input.province.trim()) errors.province = 'validation.required';
  const website = input.website.trim();
  if (website && !/^https?:\/\/[^\s.]+\.[^\s]+$/i.test(website)) errors.website = 'validation.urlInvalid';
  if (Object.keys(errors).length > 0) return { ok: false, errors };

  const next = {
    name: input.name.trim(),
    industry: input.industry,
    sizeBand: input.sizeBand,
    tier: input.tier,
    city: input.city.trim(),
    province: input.province.trim(),
    region: input.region,
    relationship: input.relationship,
    website: website || null,
    phone: input.phone.trim() || null,
  };
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next)) if (original[key as keyof typeof next] !== value) patch[key] = value;
  return { ok: true, patch: patch as Omit<AccountPatch, 'version'> };
}
