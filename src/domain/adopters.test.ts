import { describe, expect, it } from 'vitest';
import type { AdopterClassification, AdoptionTime } from './adopters.js';
import { classifyAdopters, innovativeness, rogersShares } from './adopters.js';

const adoptions = (times: Record<string, number>): AdoptionTime[] =>
  Object.entries(times).map(([id, time]) => ({ id, time }));

function categoriesOf(result: AdopterClassification): Record<string, string> {
  if (!result.ok) throw new Error(`expected a classification, got ${result.reason}`);
  return Object.fromEntries(result.adopters.map((a) => [a.id, a.category]));
}

describe("Rogers' adopter categories", () => {
  // Twelve adoption times (months since launch):
  //   1, 6, 8, 14, 14, 15, 16, 16, 17, 17, 20, 24     sum = 168, mean = 168/12 = 14
  // deviations²: 169, 64, 36, 0, 0, 1, 4, 4, 9, 9, 36, 100   sum = 432
  // population variance = 432/12 = 36, sd = 6
  // cut points: mean − 2sd = 2, mean − sd = 8, mean = 14, mean + sd = 20
  //   1 < 2                 → innovator
  //   2 ≤ 6 < 8             → early adopter
  //   8 is ON mean − sd     → early majority (the later category)
  //   14, 14 are ON mean    → late majority; 15, 16, 16, 17, 17 also late majority
  //   20 is ON mean + sd    → laggard; 24 → laggard
  const example = adoptions({ a: 1, b: 6, c: 8, d: 14, e: 14, f: 15, g: 16, h: 16, i: 17, j: 17, k: 20, l: 24 });

  it('classifies a hand-computed example, putting times on a cut point in the later category', () => {
    const result = classifyAdopters(example);
    expect(result).toMatchObject({ ok: true, mean: 14, sd: 6 });
    expect(categoriesOf(result)).toEqual({
      a: 'innovator',
      b: 'early_adopter',
      c: 'early_majority',
      d: 'late_majority',
      e: 'late_majority',
      f: 'late_majority',
      g: 'late_majority',
      h: 'late_majority',
      i: 'late_majority',
      j: 'late_majority',
      k: 'laggard',
      l: 'laggard',
    });
  });

  it('reports z-scores, cut points, and counts with their share beside Rogers’ share', () => {
    const result = classifyAdopters(example);
    if (!result.ok) throw new Error('expected a classification');
    expect(result.adopters.find((a) => a.id === 'c')?.z).toBe(-1);
    expect(result.adopters.find((a) => a.id === 'a')?.z).toBeCloseTo(-13 / 6, 12);
    expect(result.cutPoints).toEqual({ earlyAdopter: 2, earlyMajority: 8, lateMajority: 14, laggard: 20 });
    expect(result.categories).toEqual([
      { category: 'innovator', count: 1, share: 1 / 12, rogersShare: 0.025 },
      { category: 'early_adopter', count: 1, share: 1 / 12, rogersShare: 0.135 },
      { category: 'early_majority', count: 1, share: 1 / 12, rogersShare: 0.34 },
      { category: 'late_majority', count: 7, share: 7 / 12, rogersShare: 0.34 },
      { category: 'laggard', count: 2, share: 2 / 12, rogersShare: 0.16 },
    ]);
  });

  it('keeps a time that is on a cut point only up to rounding in the later category', () => {
    // 0.1 and 0.3: mean 0.2, sd 0.1, so z = −1 and +1 exactly; in floating point they come
    // out as −1.0000000000000002 and 0.9999999999999999.
    expect(categoriesOf(classifyAdopters(adoptions({ early: 0.1, late: 0.3 })))).toEqual({
      early: 'early_majority',
      late: 'laggard',
    });
  });

  it("Rogers' reference shares add up to the whole population", () => {
    expect(Object.values(rogersShares).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('cannot classify fewer than two adopters', () => {
    expect(classifyAdopters([])).toEqual({ ok: false, reason: 'unclassifiable', cause: 'fewer_than_two_adopters', count: 0 });
    expect(classifyAdopters(adoptions({ only: 30 }))).toEqual({
      ok: false,
      reason: 'unclassifiable',
      cause: 'fewer_than_two_adopters',
      count: 1,
    });
  });

  it('cannot classify adopters who all adopted at the same time (sd = 0)', () => {
    expect(classifyAdopters(adoptions({ a: 0.1, b: 0.1, c: 0.1 }))).toEqual({
      ok: false,
      reason: 'unclassifiable',
      cause: 'no_spread',
      count: 3,
    });
  });

  it('refuses a time that is not a finite number', () => {
    expect(classifyAdopters(adoptions({ a: 1, b: Number.NaN }))).toEqual({ ok: false, reason: 'invalid_time', id: 'b' });
  });
});

describe('account innovativeness', () => {
  it('averages each account’s standardised adoption times over the solutions it adopted', () => {
    // crm:   A = 0, B = 10                  → mean 5, sd 5:   A −1, B +1
    // cloud: A = 0, B = 0, C = 20, D = 20   → mean 10, sd 10: A −1, B −1, C +1, D +1
    //        (A's second adoption at 30 is ignored: its earliest adoption counts)
    // A = (−1 − 1)/2 = −1 over 2; B = (+1 − 1)/2 = 0 over 2; C = +1 over 1; D = +1 over 1.
    // "solo" has one adopter and "batch" no spread: both are skipped.
    const result = innovativeness(
      new Map([
        ['crm', adoptions({ A: 0, B: 10 })],
        ['cloud', [...adoptions({ A: 0, B: 0, C: 20, D: 20 }), { id: 'A', time: 30 }]],
        ['solo', adoptions({ E: 3 })],
        ['batch', adoptions({ F: 5, G: 5 })],
      ]),
    );
    expect(result.accounts).toEqual([
      { id: 'A', innovativeness: -1, solutions: 2 },
      { id: 'B', innovativeness: 0, solutions: 2 },
      { id: 'C', innovativeness: 1, solutions: 1 },
      { id: 'D', innovativeness: 1, solutions: 1 },
    ]);
    expect(result.skipped).toEqual([
      { solutionId: 'solo', reason: 'unclassifiable' },
      { solutionId: 'batch', reason: 'unclassifiable' },
    ]);
  });

  it('is empty when there are no solutions', () => {
    expect(innovativeness(new Map())).toEqual({ accounts: [], skipped: [] });
  });
});
