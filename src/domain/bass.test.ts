import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BassFit, BassFitResult } from './bass.js';
import { bassAdoptions, bassCumulative, bassOls, bassPeak, fitBass, forecastBass, literaturePrior } from './bass.js';

/** Relative error; "4 significant digits" means below 5e-5. */
const relativeError = (estimate: number, truth: number) => Math.abs(estimate / truth - 1);

/** Seeded Mulberry32 + Box–Muller, so the "noisy" series are the same on every run. */
function gaussianNoise(seed: number): () => number {
  let state = seed >>> 0;
  const uniform = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform());
}

function expectFit(result: BassFitResult): BassFit {
  if (!result.ok) throw new Error(`expected a fit, got ${result.reason}`);
  return result;
}

/** Every number reachable from `value` is finite (null is allowed: r² of a constant series). */
function everyNumberFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(everyNumberFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(everyNumberFinite);
  return true;
}

const knownCurves = [
  { p: 0.03, q: 0.38, m: 1000, periods: 30 },
  { p: 0.01, q: 0.5, m: 5000, periods: 30 },
  { p: 0.005, q: 0.8, m: 200, periods: 25 },
];

describe('the Bass curve', () => {
  it('starts at zero, rises and approaches the whole market', () => {
    expect(bassCumulative(0, 0.03, 0.38)).toBe(0);
    expect(bassCumulative(-2, 0.03, 0.38)).toBe(0);
    expect(bassCumulative(1, 0.03, 0.38)).toBeGreaterThan(0);
    expect(bassCumulative(10, 0.03, 0.38)).toBeGreaterThan(bassCumulative(5, 0.03, 0.38));
    expect(bassCumulative(200, 0.03, 0.38)).toBeCloseTo(1, 12);
  });

  it('reduces to 1 − e^(−pt) when there is no imitation', () => {
    expect(bassCumulative(3, 0.1, 0)).toBeCloseTo(1 - Math.exp(-0.3), 14);
  });

  it('gives per-period adoptions that add up to m·F(n)', () => {
    const adoptions = bassAdoptions(12, 0.03, 0.38, 1000);
    expect(adoptions).toHaveLength(12);
    expect(adoptions.reduce((a, b) => a + b, 0)).toBeCloseTo(1000 * bassCumulative(12, 0.03, 0.38), 9);
    // Period 1 is m·F(1) − m·F(0) = m·F(1).
    expect(adoptions[0]).toBeCloseTo(1000 * bassCumulative(1, 0.03, 0.38), 12);
  });
});

describe('the Bass peak', () => {
  it('sits at ln(q/p)/(p+q) with F = (q − p)/2q and rate m(p+q)²/4q', () => {
    // p = 0.03, q = 0.38, m = 1000: t* = ln(12.667)/0.41 = 6.1926, F(t*) = 0.35/0.76 = 0.46053,
    // rate = 1000 · 0.41² / 1.52 = 110.59 adopters per period.
    const peak = bassPeak(0.03, 0.38, 1000);
    expect(peak.kind).toBe('interior');
    expect(peak.t).toBeCloseTo(6.1926, 4);
    expect(peak.cumulativeShare).toBeCloseTo(0.460526, 6);
    expect(peak.rate).toBeCloseTo(110.592, 3);
    expect(bassCumulative(peak.t, 0.03, 0.38)).toBeCloseTo(peak.cumulativeShare, 12);
  });

  it('is where the adoption rate is highest', () => {
    const { t, rate } = bassPeak(0.01, 0.5, 5000);
    const h = 1e-4;
    const rateAt = (x: number) => (5000 * (bassCumulative(x + h, 0.01, 0.5) - bassCumulative(x - h, 0.01, 0.5))) / (2 * h);
    expect(rateAt(t)).toBeCloseTo(rate, 3);
    expect(rateAt(t - 0.5)).toBeLessThan(rate);
    expect(rateAt(t + 0.5)).toBeLessThan(rate);
  });

  it('is at launch when imitation does not exceed innovation', () => {
    expect(bassPeak(0.2, 0.1, 100)).toEqual({ kind: 'at_launch', t: 0, cumulativeShare: 0, rate: 20 });
    expect(bassPeak(0.2, 0.2, 100).kind).toBe('at_launch');
  });
});

describe("Bass's discrete regression", () => {
  it('reproduces a hand-computed example', () => {
    // Choose m = 100, p = 0.1, q = 1.0, so a = pm = 10, b = q − p = 0.9, c = −q/m = −0.01.
    // With Y₀ = 0:  S₁ = 10                                   → Y₁ = 10
    //               S₂ = 10 + 0.9·10 − 0.01·10²  = 18          → Y₂ = 28
    //               S₃ = 10 + 0.9·28 − 0.01·28²  = 27.36       → Y₃ = 55.36
    //               S₄ = 10 + 0.9·55.36 − 0.01·55.36² = 29.176704
    // The regression on these points is exact, so it returns a = 10, b = 0.9, c = −0.01, and
    // −0.01m² + 0.9m + 10 = 0 ⇔ (m − 100)(m + 10) = 0 gives m = 100, p = 10/100 = 0.1, q = 1.0.
    for (const series of [
      [10, 18, 27.36],
      [10, 18, 27.36, 29.176704],
    ]) {
      const ols = bassOls(series);
      expect(ols.ok).toBe(true);
      if (!ols.ok) return;
      expect(ols.a).toBeCloseTo(10, 9);
      expect(ols.b).toBeCloseTo(0.9, 9);
      expect(ols.c).toBeCloseTo(-0.01, 9);
      expect(ols.m).toBeCloseTo(100, 7);
      expect(ols.p).toBeCloseTo(0.1, 9);
      expect(ols.q).toBeCloseTo(1, 9);
    }
  });

  it('is biased on exact Bass data, which is why it is only a start', () => {
    // ANALYTICS.md: with p = 0.03 it returns p ≈ 0.041.
    const ols = bassOls(bassAdoptions(30, 0.03, 0.38, 1000));
    expect(ols.ok && ols.p).toBeGreaterThan(0.039);
    expect(ols.ok && ols.p).toBeLessThan(0.044);
  });

  it('refuses series it cannot turn into a Bass curve', () => {
    expect(bassOls([10, 18])).toEqual({ ok: false, reason: 'too_few_periods' });
    // Y₀ = Y₁ = Y₂ = 0: the design has no spread at all.
    expect(bassOls([0, 0, 5])).toEqual({ ok: false, reason: 'singular_design' });
    // Accelerating growth: Sₜ is convex in Y, c > 0.
    expect(bassOls([1, 2, 4, 10, 30])).toEqual({ ok: false, reason: 'c_not_negative' });
    // Sₜ = 1 + 2·Yₜ₋₁ exactly: c = 0 up to rounding, which is not negative either.
    expect(bassOls([1, 3, 9, 27, 81])).toEqual({ ok: false, reason: 'c_not_negative' });
    expect(bassOls([1, -3, 9])).toEqual({ ok: false, reason: 'invalid_value' });
  });
});

describe('fitting Bass by non-linear least squares', () => {
  it.each(knownCurves)('recovers p=$p, q=$q, m=$m from an exact series to 4 significant digits', (curve) => {
    const fit = expectFit(fitBass(bassAdoptions(curve.periods, curve.p, curve.q, curve.m)));
    expect(relativeError(fit.p, curve.p)).toBeLessThan(5e-5);
    expect(relativeError(fit.q, curve.q)).toBeLessThan(5e-5);
    expect(relativeError(fit.m, curve.m)).toBeLessThan(5e-5);
    expect(fit.r2).toBeCloseTo(1, 9);
    expect(fit.start).toBe('ols');
    expect(fit.flags).toEqual({ prePeak: false, thinData: false, activeBounds: [], usedPrior: [] });
    expect(fit.prior).toBeNull();
  });

  it.each(knownCurves)('recovers p=$p, q=$q, m=$m from 5% noise within 15% on p, 10% on q, 5% on m', (curve) => {
    // Each period is multiplied by 1 + 0.05·N(0, 1). p rests on the first few small periods,
    // so it is the least precise; over these ten seeds the worst errors are about 12% (p),
    // 6% (q) and 3% (m). Over 200 seeds p occasionally misses by up to ~25% on the third curve.
    for (let seed = 1; seed <= 10; seed++) {
      const noise = gaussianNoise(seed);
      const series = bassAdoptions(curve.periods, curve.p, curve.q, curve.m).map((s) => s * (1 + 0.05 * noise()));
      const fit = expectFit(fitBass(series));
      expect(relativeError(fit.p, curve.p)).toBeLessThan(0.15);
      expect(relativeError(fit.q, curve.q)).toBeLessThan(0.1);
      expect(relativeError(fit.m, curve.m)).toBeLessThan(0.05);
      expect(fit.r2).toBeGreaterThan(0.95);
    }
  });

  it('reports the peak, the residual error and the fitted curve of its estimate', () => {
    const noise = gaussianNoise(7);
    const series = bassAdoptions(30, 0.03, 0.38, 1000).map((s) => s * (1 + 0.05 * noise()));
    const fit = expectFit(fitBass(series));
    expect(fit.peak).toEqual(bassPeak(fit.p, fit.q, fit.m));
    expect(fit.fitted).toEqual(bassAdoptions(30, fit.p, fit.q, fit.m));
    expect(fit.residuals.map((r, i) => r + (fit.fitted[i] ?? 0))).toEqual(fit.series.map((s) => expect.closeTo(s, 9)));
    expect(fit.sse).toBeCloseTo(fit.residuals.reduce((a, r) => a + r * r, 0), 9);
    expect(fit.rmse).toBeCloseTo(Math.sqrt(fit.sse / 30), 12);
    expect(fit.iterations).toBeGreaterThan(0);
  });

  it('flags a truncated series as pre-peak and shrinks p and q toward Sultan, Farley & Lehmann', () => {
    // p = 0.01, q = 0.5 peaks at t* = 7.7; five periods see only the rise.
    const fit = expectFit(fitBass(bassAdoptions(5, 0.01, 0.5, 5000)));
    expect(fit.flags.prePeak).toBe(true);
    expect(fit.flags.thinData).toBe(true);
    expect(fit.flags.usedPrior).toEqual(['p', 'q']);
    expect(fit.prior).toEqual({ ...literaturePrior, m: null, source: 'sultan_farley_lehmann_1990', mSource: null });
    expect(everyNumberFinite(fit)).toBe(true);
  });

  it('takes m from the market size when the data are thin, and says so', () => {
    const fit = expectFit(fitBass(bassAdoptions(5, 0.01, 0.5, 5000), { marketSize: 5000 }));
    expect(fit.m).toBe(5000);
    expect(fit.flags.usedPrior).toEqual(['p', 'q', 'm']);
    expect(fit.prior?.mSource).toBe('market_size');
    // With m right, five exact periods pin p and q close to the truth despite the prior.
    expect(relativeError(fit.p, 0.01)).toBeLessThan(0.1);
    expect(relativeError(fit.q, 0.5)).toBeLessThan(0.1);
  });

  it("prefers the user's prior m to the market size, and reports a user prior as such", () => {
    const fit = expectFit(fitBass(bassAdoptions(4, 0.01, 0.5, 5000), { prior: { p: 0.02, q: 0.4, m: 4000 }, marketSize: 9000 }));
    expect(fit.m).toBe(4000);
    expect(fit.prior).toEqual({ p: 0.02, q: 0.4, m: 4000, source: 'user', mSource: 'prior' });
  });

  it('moves thin-data estimates toward the prior they are given', () => {
    const series = bassAdoptions(4, 0.01, 0.5, 5000);
    const low = expectFit(fitBass(series, { prior: { p: 0.002, q: 0.2 } }));
    const high = expectFit(fitBass(series, { prior: { p: 0.1, q: 0.9 } }));
    expect(high.p).toBeGreaterThan(low.p);
    expect(high.q).toBeGreaterThan(low.q);
  });

  it('flags pre-peak on a longer series whose largest period is its last', () => {
    // p = 0.005, q = 0.3 peaks at t* = ln(60)/0.305 = 13.4; ten periods are still rising.
    const fit = expectFit(fitBass(bassAdoptions(10, 0.005, 0.3, 800), { marketSize: 800 }));
    expect(fit.flags.prePeak).toBe(true);
    expect(fit.flags.usedPrior).toEqual(['p', 'q', 'm']);
  });

  it('uses no prior on a series that has peaked, even when a market size is known', () => {
    const fit = expectFit(fitBass(bassAdoptions(30, 0.03, 0.38, 1000), { marketSize: 5000 }));
    expect(fit.flags.usedPrior).toEqual([]);
    expect(fit.prior).toBeNull();
    expect(relativeError(fit.m, 1000)).toBeLessThan(5e-5);
  });

  it('flags m on its lower bound when the series has visibly finished', () => {
    // 98 adopters observed and nothing left to come: the best m would be below 98.
    const fit = expectFit(fitBass([10, 20, 30, 20, 10, 5, 2, 1]));
    expect(fit.m).toBe(98);
    expect(fit.flags.activeBounds).toContain('m_lower');
  });

  it('keeps m at or above a minimum the caller sets', () => {
    const fit = expectFit(fitBass([10, 20, 30, 20, 10, 5, 2, 1], { minM: 150 }));
    expect(fit.m).toBeCloseTo(150, 9);
    expect(fit.flags.activeBounds).toContain('m_lower');
  });

  it.each([
    { name: 'an empty series', series: [], reason: 'empty_series' },
    { name: 'all zeros', series: [0, 0, 0, 0], reason: 'no_adoptions' },
    { name: 'one period', series: [7], reason: 'too_few_periods' },
    { name: 'one period of zero', series: [0], reason: 'too_few_periods' },
    { name: 'a negative period', series: [3, -1, 2], reason: 'negative_value' },
    { name: 'a NaN', series: [1, Number.NaN, 2], reason: 'non_finite_value' },
    { name: 'an infinite period', series: [1, Number.POSITIVE_INFINITY], reason: 'non_finite_value' },
  ])('cannot fit $name and says why', ({ series, reason }) => {
    const result = fitBass(series);
    expect(result).toMatchObject({ ok: false, reason });
    expect(!result.ok && result.message.length).toBeGreaterThan(0);
  });

  it.each([
    { name: 'a market size of zero', options: { marketSize: 0 } },
    { name: 'a prior with p = 0', options: { prior: { p: 0, q: 0.4 } } },
    { name: 'a prior with negative q', options: { prior: { p: 0.03, q: -0.1 } } },
    { name: 'a NaN minimum m', options: { minM: Number.NaN } },
  ])('refuses $name as an invalid option', ({ options }) => {
    expect(fitBass([1, 2, 3], options)).toMatchObject({ ok: false, reason: 'invalid_option' });
  });

  it('fits a constant series without inventing an R²', () => {
    const fit = expectFit(fitBass([5, 5, 5]));
    expect(fit.r2).toBeNull();
    expect(everyNumberFinite(fit)).toBe(true);
  });

  it('never returns NaN and never throws for admissible Bass curves of any length', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0.0005, max: 0.3, noNaN: true }),
        fc.double({ min: 0, max: 1.5, noNaN: true }),
        fc.double({ min: 1, max: 1e6, noNaN: true }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 1000 }),
        (p, q, m, periods, seed) => {
          const noise = gaussianNoise(seed);
          const noisy = seed % 2 === 0;
          const series = bassAdoptions(periods, p, q, m).map((s) => (noisy ? Math.max(0, s * (1 + 0.1 * noise())) : s));
          const result = fitBass(series);
          expect(everyNumberFinite(result)).toBe(true);
          if (result.ok) {
            expect(result.p).toBeGreaterThan(0);
            expect(result.q).toBeGreaterThanOrEqual(0);
            expect(result.m).toBeGreaterThanOrEqual(series.reduce((a, b) => a + b, 0) * (1 - 1e-12));
          } else {
            expect(result.reason).toBeTruthy();
          }
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never throws on arbitrary input, bad values included', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(fc.double(), fc.nat({ max: 500 })), { maxLength: 40 }), (series) => {
        expect(everyNumberFinite(fitBass(series))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('the Bass forecast', () => {
  const noise = gaussianNoise(3);
  const observed = bassAdoptions(20, 0.03, 0.38, 1000).map((s) => s * (1 + 0.05 * noise()));
  const fit = expectFit(fitBass(observed));

  it('continues the fitted curve, anchored on the adopters observed so far', () => {
    const forecast = forecastBass(fit, 5);
    expect(forecast.ok).toBe(true);
    if (!forecast.ok) return;
    const curve = bassAdoptions(25, fit.p, fit.q, fit.m).slice(20);
    expect(forecast.points.map((point) => point.period)).toEqual([21, 22, 23, 24, 25]);
    expect(forecast.points.map((point) => point.adoptions.expected)).toEqual(curve);
    const observedTotal = observed.reduce((a, b) => a + b, 0);
    expect(forecast.points[0]?.cumulative.expected).toBeCloseTo(observedTotal + (curve[0] ?? 0), 9);
  });

  it('gives the same band for the same seed, with lower below upper', () => {
    const first = forecastBass(fit, 6, { seed: 42 });
    const second = forecastBass(fit, 6, { seed: 42 });
    expect(second).toEqual(first);
    if (!first.ok) throw new Error('expected a forecast');
    expect(first.resamples).toBe(200);
    for (const point of first.points) {
      expect(point.adoptions.lower).toBeLessThanOrEqual(point.adoptions.upper);
      expect(point.cumulative.lower).toBeLessThanOrEqual(point.cumulative.upper);
      expect(point.adoptions.upper).toBeGreaterThan(point.adoptions.lower);
    }
  });

  it('widens a 90% band beyond an 80% band', () => {
    const narrow = forecastBass(fit, 3, { level: 0.8 });
    const wide = forecastBass(fit, 3, { level: 0.9 });
    if (!narrow.ok || !wide.ok) throw new Error('expected forecasts');
    const width = (point: (typeof narrow.points)[number] | undefined) =>
      (point?.cumulative.upper ?? 0) - (point?.cumulative.lower ?? 0);
    expect(width(wide.points[2])).toBeGreaterThan(width(narrow.points[2]));
  });

  it('collapses the band onto the curve when the fit is exact', () => {
    const exact = expectFit(fitBass(bassAdoptions(30, 0.01, 0.5, 5000)));
    const forecast = forecastBass(exact, 4, { resamples: 20 });
    if (!forecast.ok) throw new Error('expected a forecast');
    for (const point of forecast.points) {
      expect(point.adoptions.lower).toBeCloseTo(point.adoptions.expected, 3);
      expect(point.adoptions.upper).toBeCloseTo(point.adoptions.expected, 3);
    }
  });

  it('refuses a negative or fractional horizon and a bad level', () => {
    expect(forecastBass(fit, -1)).toMatchObject({ ok: false, reason: 'invalid_horizon' });
    expect(forecastBass(fit, 1.5)).toMatchObject({ ok: false, reason: 'invalid_horizon' });
    expect(forecastBass(fit, 3, { level: 1 })).toMatchObject({ ok: false, reason: 'invalid_option' });
    expect(forecastBass(fit, 0)).toMatchObject({ ok: true, points: [] });
  });
});
