/**
 * Rogers' adopter categories and account innovativeness (ANALYTICS.md "Rogers' adopter
 * categories"), as pure functions. Only adopters are classified; times are adoption times
 * (any unit, e.g. days since launch). While a solution is still spreading the labels are
 * provisional: the mean and sd move as late adopters arrive.
 */

export const adopterCategories = ['innovator', 'early_adopter', 'early_majority', 'late_majority', 'laggard'] as const;
export type AdopterCategory = (typeof adopterCategories)[number];

/** Rogers' reference shares (Rogers 2003, Diffusion of Innovations): a reference, never a quota. */
export const rogersShares: Record<AdopterCategory, number> = {
  innovator: 0.025,
  early_adopter: 0.135,
  early_majority: 0.34,
  late_majority: 0.34,
  laggard: 0.16,
};

export interface AdoptionTime {
  id: string;
  time: number;
}

export interface ClassifiedAdopter extends AdoptionTime {
  category: AdopterCategory;
  /** (time − mean)/sd: negative adopted earlier than average. */
  z: number;
}

export interface CategoryCount {
  category: AdopterCategory;
  count: number;
  share: number;
  rogersShare: number;
}

export type AdopterClassification =
  | {
      ok: true;
      mean: number;
      /** Population standard deviation (ddof 0). */
      sd: number;
      /** Lower edge of each category after the first: mean − 2sd, mean − sd, mean, mean + sd. */
      cutPoints: { earlyAdopter: number; earlyMajority: number; lateMajority: number; laggard: number };
      adopters: ClassifiedAdopter[];
      categories: CategoryCount[];
    }
  | { ok: false; reason: 'unclassifiable'; cause: 'fewer_than_two_adopters' | 'no_spread'; count: number }
  | { ok: false; reason: 'invalid_time'; id: string };

/**
 * A cut point is hit when z is within this of −2, −1, 0 or 1: times that sit exactly on a cut
 * (whole days, say) must not slip into the earlier category through rounding of mean and sd.
 */
const onCutTolerance = 1e-9;

/**
 * Classifies adopters by adoption time into Rogers' five categories, with cut points at
 * mean − 2sd, mean − sd, mean and mean + sd; a time on a cut point goes to the later category.
 */
export function classifyAdopters(items: readonly AdoptionTime[]): AdopterClassification {
  const invalid = items.find((item) => !Number.isFinite(item.time));
  if (invalid) return { ok: false, reason: 'invalid_time', id: invalid.id };
  const n = items.length;
  if (n < 2) return { ok: false, reason: 'unclassifiable', cause: 'fewer_than_two_adopters', count: n };

  const stats = meanAndSd(items.map((item) => item.time));
  // Equal times can leave a rounding-sized sd; that is no spread, not a tiny one.
  if (!(stats.sd > 1e-12 * Math.max(1, Math.abs(stats.mean)))) {
    return { ok: false, reason: 'unclassifiable', cause: 'no_spread', count: n };
  }
  const { mean, sd } = stats;
  const adopters = items.map((item): ClassifiedAdopter => {
    const z = (item.time - mean) / sd;
    return { id: item.id, time: item.time, category: categoryOf(z), z };
  });
  const counts = new Map<AdopterCategory, number>(adopterCategories.map((category) => [category, 0]));
  for (const adopter of adopters) counts.set(adopter.category, (counts.get(adopter.category) ?? 0) + 1);
  const categories = adopterCategories.map((category): CategoryCount => {
    const count = counts.get(category) ?? 0;
    return { category, count, share: count / n, rogersShare: rogersShares[category] };
  });
  return {
    ok: true,
    mean,
    sd,
    cutPoints: { earlyAdopter: mean - 2 * sd, earlyMajority: mean - sd, lateMajority: mean, laggard: mean + sd },
    adopters,
    categories,
  };
}

/** The category of a z-score: before a cut point (by more than the tolerance) is the earlier category. */
function categoryOf(z: number): AdopterCategory {
  if (z < -2 - onCutTolerance) return 'innovator';
  if (z < -1 - onCutTolerance) return 'early_adopter';
  if (z < 0 - onCutTolerance) return 'early_majority';
  if (z < 1 - onCutTolerance) return 'late_majority';
  return 'laggard';
}

function meanAndSd(values: readonly number[]): { mean: number; sd: number } {
  let total = 0;
  for (const v of values) total += v;
  const mean = total / values.length;
  let squares = 0;
  for (const v of values) squares += (v - mean) ** 2;
  return { mean, sd: Math.sqrt(squares / values.length) };
}

export interface AccountInnovativeness {
  id: string;
  /** Mean over the account's solutions of its standardised adoption time; more negative = earlier. */
  innovativeness: number;
  /** How many classifiable solutions the mean is based on. */
  solutions: number;
}

export interface InnovativenessResult {
  /** Most innovative first (lowest score), then by id. */
  accounts: AccountInnovativeness[];
  /** Solutions that could not be standardised (fewer than two adopters, no spread, bad time). */
  skipped: { solutionId: string; reason: 'unclassifiable' | 'invalid_time' }[];
}

/**
 * Account innovativeness (ANALYTICS.md): the mean over the solutions an account adopted of
 * (x − x̄)/sd per solution. If an account appears twice for one solution, its earliest
 * adoption counts: that is when it adopted.
 */
export function innovativeness(perSolution: ReadonlyMap<string, readonly AdoptionTime[]>): InnovativenessResult {
  const totals = new Map<string, { sum: number; solutions: number }>();
  const skipped: InnovativenessResult['skipped'] = [];
  for (const [solutionId, items] of perSolution) {
    const earliest = new Map<string, number>();
    for (const item of items) {
      const seen = earliest.get(item.id);
      if (seen === undefined || item.time < seen) earliest.set(item.id, item.time);
    }
    const classification = classifyAdopters([...earliest].map(([id, time]) => ({ id, time })));
    if (!classification.ok) {
      skipped.push({ solutionId, reason: classification.reason });
      continue;
    }
    for (const adopter of classification.adopters) {
      const total = totals.get(adopter.id) ?? { sum: 0, solutions: 0 };
      totals.set(adopter.id, { sum: total.sum + adopter.z, solutions: total.solutions + 1 });
    }
  }
  const accounts = [...totals].map(([id, t]) => ({ id, innovativeness: t.sum / t.solutions, solutions: t.solutions }));
  accounts.sort((a, b) => a.innovativeness - b.innovativeness || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return { accounts, skipped };
}
