/**
 * The Bass diffusion model (ANALYTICS.md "Bass (1969) model"), as pure functions: the
 * curve, its peak, Bass's own discrete regression, a bounded non-linear least-squares fit
 * with literature priors for thin data, and a bootstrap forecast. No I/O, no clock, no
 * global randomness. Time is counted in periods since launch; period i covers (i − 1, i].
 */

export type BassParameter = 'p' | 'q' | 'm';

/** Sultan, Farley & Lehmann 1990 meta-analysis means: the default prior for thin data. */
export const literaturePrior = { p: 0.03, q: 0.38 } as const;

/** Series shorter than this are "thin" and are shrunk toward the prior (ANALYTICS.md). */
export const minPeriodsWithoutPrior = 6;

// ---------------------------------------------------------------------------------------
// The curve
// ---------------------------------------------------------------------------------------

/** Share of the market that has adopted by time t (0 for t ≤ 0, and for p ≤ 0: nobody starts). */
export function bassCumulative(t: number, p: number, q: number): number {
  if (!(t > 0) || !(p > 0)) return 0;
  // Bass 1969: F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}).
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** Expected adoptions in periods 1..periods: m·[F(i) − F(i − 1)] (Bass 1969). */
export function bassAdoptions(periods: number, p: number, q: number, m: number): number[] {
  const out: number[] = [];
  let previous = 0;
  for (let i = 1; i <= periods; i++) {
    const current = bassCumulative(i, p, q);
    out.push(m * (current - previous));
    previous = current;
  }
  return out;
}

export interface BassPeak {
  /** 'at_launch' when q ≤ p: adoptions are highest at t = 0 and only fall afterwards. */
  kind: 'interior' | 'at_launch';
  /** Time of the peak, in periods since launch. */
  t: number;
  /** F(t*), the share of m that has adopted at the peak. */
  cumulativeShare: number;
  /** Instantaneous adoption rate at the peak, m·f(t*), in adopters per period. */
  rate: number;
}

/** Peak of the adoption rate; m defaults to 1, which makes `rate` a share of the market. */
export function bassPeak(p: number, q: number, m = 1): BassPeak {
  // f(0) = p(1 − F(0)) + q·F(0)(1 − F(0)) = p, and f only falls when q ≤ p.
  if (q <= p) return { kind: 'at_launch', t: 0, cumulativeShare: 0, rate: m * p };
  // Bass 1969: t* = ln(q/p)/(p+q), F(t*) = (q − p)/(2q), m·f(t*) = m(p+q)²/(4q).
  return {
    kind: 'interior',
    t: Math.log(q / p) / (p + q),
    cumulativeShare: (q - p) / (2 * q),
    rate: (m * (p + q) ** 2) / (4 * q),
  };
}

// ---------------------------------------------------------------------------------------
// Bass's discrete regression (the OLS start)
// ---------------------------------------------------------------------------------------

export type BassOlsRefusal =
  | 'too_few_periods'
  | 'invalid_value'
  | 'singular_design'
  | 'c_not_negative'
  | 'no_real_root'
  | 'no_positive_root'
  | 'p_not_positive';

export type BassOlsResult =
  | { ok: true; a: number; b: number; c: number; p: number; q: number; m: number }
  | { ok: false; reason: BassOlsRefusal };

/**
 * Bass 1969 discrete regression Sₜ = a + b·Yₜ₋₁ + c·Y²ₜ₋₁ (Y cumulative before period t,
 * Y₀ = 0); m is the positive root of c·m² + b·m + a = 0, p = a/m, q = p + b. Biased: use it
 * only as a starting point.
 */
export function bassOls(series: readonly number[]): BassOlsResult {
  const n = series.length;
  if (n < 3) return { ok: false, reason: 'too_few_periods' };
  if (series.some((s) => !Number.isFinite(s) || s < 0)) return { ok: false, reason: 'invalid_value' };

  const before: number[] = [];
  let cumulative = 0;
  for (const s of series) {
    before.push(cumulative);
    cumulative += s;
  }
  // Y is rescaled to [0, 1] so the normal equations stay well conditioned.
  const scale = Math.max(...before);
  if (!(scale > 0)) return { ok: false, reason: 'singular_design' };
  const xtx = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const xty = [0, 0, 0];
  for (let t = 0; t < n; t++) {
    const y = (before[t] ?? 0) / scale;
    const row = [1, y, y * y];
    const s = series[t] ?? 0;
    for (let i = 0; i < 3; i++) {
      xty[i] = (xty[i] ?? 0) + (row[i] ?? 0) * s;
      const xtxRow = xtx[i] ?? [];
      for (let j = 0; j < 3; j++) xtxRow[j] = (xtxRow[j] ?? 0) + (row[i] ?? 0) * (row[j] ?? 0);
    }
  }
  const solution = solveSymmetric(xtx, xty, 0);
  if (solution === null) return { ok: false, reason: 'singular_design' };
  const a = solution[0] ?? 0;
  const b = (solution[1] ?? 0) / scale;
  const c = (solution[2] ?? 0) / (scale * scale);

  // A c that is zero up to rounding (an exactly linear series) is not negative either.
  const cIsZero = Math.abs(solution[2] ?? 0) <= 1e-9 * (Math.abs(a) + Math.abs(solution[1] ?? 0));
  if (!(c < 0) || cIsZero) return { ok: false, reason: 'c_not_negative' };
  const discriminant = b * b - 4 * a * c;
  if (!(discriminant >= 0)) return { ok: false, reason: 'no_real_root' };
  // With c < 0 the larger root is (−b − √Δ)/(2c); it is the positive one when a > 0.
  const m = (-b - Math.sqrt(discriminant)) / (2 * c);
  if (!(m > 0) || !Number.isFinite(m)) return { ok: false, reason: 'no_positive_root' };
  const p = a / m;
  if (!(p > 0)) return { ok: false, reason: 'p_not_positive' };
  return { ok: true, a, b, c, p, q: p + b, m };
}

// ---------------------------------------------------------------------------------------
// Non-linear least squares (Srinivasan & Mason 1986)
// ---------------------------------------------------------------------------------------

export type BassFitRefusal =
  | 'empty_series'
  | 'too_few_periods'
  | 'non_finite_value'
  | 'negative_value'
  | 'no_adoptions'
  | 'invalid_option'
  | 'fit_failed';

export interface BassFitFailure {
  ok: false;
  reason: BassFitRefusal;
  message: string;
}

/** A bound the estimate sits on: the data pushed the parameter against it. */
export type BassBound = 'p_lower' | 'p_upper' | 'q_lower' | 'q_upper' | 'm_lower' | 'm_upper';

export interface FitBassOptions {
  /** Prior for thin data; default Sultan, Farley & Lehmann 1990. `m`, when set, is used as m. */
  prior?: { p: number; q: number; m?: number };
  /** Size of the solution's target segment: m for thin data unless `prior.m` is set. */
  marketSize?: number;
  /** Lower bound on m beyond the adoptions observed (e.g. adopters known before the series). */
  minM?: number;
}

/** Exactly what was minimised, in the series' units, so a forecast can refit the same objective. */
export interface BassObjective {
  bounds: { pMin: number; pMax: number; qMin: number; qMax: number; mMin: number; mMax: number };
  /** m taken from outside the data (thin data with a market size or a prior m), else null. */
  fixedM: number | null;
  /** Gaussian penalty toward the prior: weight·(θ − prior) is added as a residual. */
  penalty: { p: number; q: number; weightP: number; weightQ: number } | null;
}

export interface BassFit {
  ok: true;
  p: number;
  q: number;
  m: number;
  peak: BassPeak;
  /** 1 − SSE/SST; null when the series is constant (SST = 0). */
  r2: number | null;
  rmse: number;
  sse: number;
  iterations: number;
  start: 'ols' | 'grid' | 'prior';
  flags: {
    prePeak: boolean;
    /** Fewer than `minPeriodsWithoutPrior` periods, or pre-peak: the prior was used. */
    thinData: boolean;
    activeBounds: BassBound[];
    usedPrior: BassParameter[];
  };
  prior: {
    p: number;
    q: number;
    m: number | null;
    source: 'sultan_farley_lehmann_1990' | 'user';
    mSource: 'prior' | 'market_size' | null;
  } | null;
  series: number[];
  fitted: number[];
  residuals: number[];
  objective: BassObjective;
}

export type BassFitResult = BassFit | BassFitFailure;

/** The prior's standard deviation, relative to its mean: wide, so data soon outweigh it. */
const priorRelativeSd = 0.5;
const pFloor = 1e-7;
const pCeiling = 5;
const qCeiling = 5;
/** m may not exceed this multiple of its lower bound: without a peak m can run off forever. */
const mCeilingFactor = 1e4;
const gridP = [0.002, 0.01, 0.03, 0.1, 0.3];
const gridQ = [0, 0.1, 0.3, 0.5, 0.8, 1.2];
const gridStarts = 3;

/**
 * Fits Bass's p, q, m by bounded non-linear least squares on per-period adoptions
 * (Srinivasan & Mason 1986) with Levenberg–Marquardt, from the OLS start and a small grid,
 * keeping the best. Thin or pre-peak series are shrunk toward the prior (Sultan, Farley &
 * Lehmann 1990) with m from the market size when given. Never throws, never returns NaN.
 */
export function fitBass(series: readonly number[], options: FitBassOptions = {}): BassFitResult {
  const invalid = validateSeries(series) ?? validateOptions(options);
  if (invalid) return invalid;
  const data = [...series];
  const n = data.length;
  const observed = sum(data);

  const mMin = Math.max(observed, options.minM ?? 0);
  const bounds = { pMin: pFloor, pMax: pCeiling, qMin: 0, qMax: qCeiling, mMin, mMax: mMin * mCeilingFactor };
  const freeObjective: BassObjective = { bounds, fixedM: null, penalty: null };
  const ols = bassOls(data);
  const free = bestFit(data, freeObjective, startingPoints(data, freeObjective, ols, null));
  if (free === null) return failure('fit_failed', 'The least-squares fit did not produce a finite estimate.');

  const lastIsMax = (data[n - 1] ?? 0) >= Math.max(...data);
  const fewPeriods = n < minPeriodsWithoutPrior;
  const freePeakBeyond = !fewPeriods && bassPeak(free.p, free.q).t > n;
  const thin = fewPeriods || lastIsMax || freePeakBeyond;

  let chosen = free;
  let objective = freeObjective;
  let prior: BassFit['prior'] = null;
  const usedPrior: BassParameter[] = [];
  if (thin) {
    const p0 = options.prior?.p ?? literaturePrior.p;
    const q0 = options.prior?.q ?? literaturePrior.q;
    const mFromOutside = options.prior?.m ?? options.marketSize ?? null;
    const mSource = options.prior?.m !== undefined ? 'prior' : options.marketSize !== undefined ? 'market_size' : null;
    // Adoptions are counts, so their variance is at least their mean (Poisson); the prior is
    // weighted as a Gaussian observation against that noise: weight = σ / prior sd.
    const residualVariance = n > 3 ? free.sse / (n - 3) : 0;
    const sigma = Math.sqrt(Math.max(observed / n, residualVariance));
    objective = {
      bounds,
      fixedM: mFromOutside === null ? null : clamp(mFromOutside, bounds.mMin, bounds.mMax),
      penalty: {
        p: p0,
        q: q0,
        weightP: sigma / (priorRelativeSd * p0),
        weightQ: q0 > 0 ? sigma / (priorRelativeSd * q0) : sigma / priorRelativeSd,
      },
    };
    const shrunk = bestFit(data, objective, startingPoints(data, objective, ols, { p: p0, q: q0 }));
    if (shrunk === null) return failure('fit_failed', 'The least-squares fit did not produce a finite estimate.');
    chosen = shrunk;
    usedPrior.push('p', 'q');
    if (objective.fixedM !== null) usedPrior.push('m');
    prior = {
      p: p0,
      q: q0,
      m: objective.fixedM,
      source: options.prior ? 'user' : 'sultan_farley_lehmann_1990',
      mSource,
    };
  }

  const peak = bassPeak(chosen.p, chosen.q, chosen.m);
  const fitted = bassAdoptions(n, chosen.p, chosen.q, chosen.m);
  const residuals = data.map((s, i) => s - (fitted[i] ?? 0));
  const sse = sum(residuals.map((r) => r * r));
  const mean = observed / n;
  const sst = sum(data.map((s) => (s - mean) ** 2));
  const result: BassFit = {
    ok: true,
    p: chosen.p,
    q: chosen.q,
    m: chosen.m,
    peak,
    r2: sst > 0 ? 1 - sse / sst : null,
    rmse: Math.sqrt(sse / n),
    sse,
    iterations: chosen.iterations,
    start: chosen.start,
    flags: {
      prePeak: lastIsMax || freePeakBeyond || peak.t > n,
      thinData: thin,
      activeBounds: activeBounds(chosen, objective),
      usedPrior,
    },
    prior,
    series: data,
    fitted,
    residuals,
    objective,
  };
  if (!allFinite(result)) return failure('fit_failed', 'The least-squares fit did not produce a finite estimate.');
  return result;
}

function validateSeries(series: readonly number[]): BassFitFailure | null {
  if (!Array.isArray(series) || series.length === 0) return failure('empty_series', 'The series has no periods.');
  if (series.some((s) => typeof s !== 'number' || !Number.isFinite(s))) {
    return failure('non_finite_value', 'Every period needs a finite number of adoptions.');
  }
  if (series.some((s) => s < 0)) return failure('negative_value', 'Adoptions per period cannot be negative.');
  if (series.length < 2) return failure('too_few_periods', 'A curve needs at least two periods.');
  if (!series.some((s) => s > 0)) return failure('no_adoptions', 'The series has no adoptions to fit.');
  return null;
}

function validateOptions(options: FitBassOptions): BassFitFailure | null {
  const positive = (x: number | undefined) => x === undefined || (Number.isFinite(x) && x > 0);
  const { prior, marketSize, minM } = options;
  if (prior && (!positive(prior.p) || !(Number.isFinite(prior.q) && prior.q >= 0) || !positive(prior.m))) {
    return failure('invalid_option', 'The prior needs p > 0, q ≥ 0 and, if given, m > 0.');
  }
  if (!positive(marketSize)) return failure('invalid_option', 'The market size must be a positive number.');
  if (minM !== undefined && !(Number.isFinite(minM) && minM >= 0)) {
    return failure('invalid_option', 'The minimum m must be a non-negative number.');
  }
  return null;
}

function failure(reason: BassFitRefusal, message: string): BassFitFailure {
  return { ok: false, reason, message };
}

interface Theta {
  p: number;
  q: number;
  m: number;
}

interface Estimate extends Theta {
  cost: number;
  sse: number;
  iterations: number;
  start: BassFit['start'];
}

interface Start extends Theta {
  start: BassFit['start'];
}

/** The problem in scaled units: adoptions divided by the largest period, so costs stay O(1). */
interface Problem {
  s: number[];
  scale: number;
  objective: BassObjective;
}

function toProblem(series: readonly number[], objective: BassObjective): Problem {
  const scale = Math.max(...series);
  return { s: series.map((x) => x / scale), scale, objective };
}

function startingPoints(
  series: readonly number[],
  objective: BassObjective,
  ols: BassOlsResult,
  prior: { p: number; q: number } | null,
): Start[] {
  const problem = toProblem(series, objective);
  const starts: Start[] = [];
  if (prior) starts.push({ ...prior, m: 0, start: 'prior' });
  // The OLS estimate is admissible when it lies inside the bounds on p and q; m is clamped.
  if (ols.ok && ols.p <= pCeiling && ols.q <= qCeiling) starts.push({ p: ols.p, q: ols.q, m: ols.m, start: 'ols' });
  const grid: { theta: Theta; cost: number }[] = [];
  for (const p of gridP) {
    for (const q of gridQ) {
      const theta = withBestM(problem, { p, q, m: 0 });
      grid.push({ theta, cost: evaluate(problem, theta, false).cost });
    }
  }
  grid.sort((x, y) => x.cost - y.cost);
  for (const g of grid.slice(0, gridStarts)) starts.push({ ...g.theta, m: g.theta.m * problem.scale, start: 'grid' });
  return starts;
}

/** Runs Levenberg–Marquardt from every start and keeps the lowest objective (local optima exist). */
function bestFit(series: readonly number[], objective: BassObjective, starts: readonly Start[]): Estimate | null {
  const problem = toProblem(series, objective);
  let best: Estimate | null = null;
  for (const start of starts) {
    const theta = withBestM(problem, clampTheta(problem, { p: start.p, q: start.q, m: start.m / problem.scale }));
    const run = levenbergMarquardt(problem, theta);
    if (run === null) continue;
    // Earlier starts win ties (costs equal up to rounding), so an equally good OLS start is
    // reported as such.
    const tie = 1e-9 * (best?.cost ?? 0) + 1e-16 * problem.s.length * problem.scale * problem.scale;
    if (best === null || run.cost * problem.scale * problem.scale < best.cost - tie) {
      best = { ...fromScaled(problem, run), start: start.start };
    }
  }
  return best;
}

function fromScaled(problem: Problem, run: { theta: Theta; cost: number; sse: number; iterations: number }) {
  const scale2 = problem.scale * problem.scale;
  return {
    p: run.theta.p,
    q: run.theta.q,
    m: run.theta.m * problem.scale,
    cost: run.cost * scale2,
    sse: run.sse * scale2,
    iterations: run.iterations,
  };
}

/** Bounded Levenberg–Marquardt (Marquardt-scaled, projected onto the box, active-set aware). */
function levenbergMarquardt(
  problem: Problem,
  initial: Theta,
): { theta: Theta; cost: number; sse: number; iterations: number } | null {
  let theta = initial;
  let current = evaluate(problem, theta, true);
  if (!Number.isFinite(current.cost)) return null;
  let lambda = 1e-3;
  let iterations = 0;
  const maxIterations = 200;
  const lower = lowerBounds(problem);
  const upper = upperBounds(problem);

  while (iterations < maxIterations) {
    iterations++;
    const values = [theta.p, theta.q, theta.m];
    const { jtj, jte } = normalEquations(current.residuals, current.jacobian);
    // A parameter is free unless it is fixed, or sits on a bound with the descent pushing past it.
    const freeIndex: number[] = [];
    for (let k = 0; k < 3; k++) {
      if (k === 2 && problem.objective.fixedM !== null) continue;
      const g = jte[k] ?? 0;
      const v = values[k] ?? 0;
      if (v <= (lower[k] ?? 0) && g > 0) continue;
      if (v >= (upper[k] ?? 0) && g < 0) continue;
      if (!((jtj[k]?.[k] ?? 0) > 0)) continue;
      freeIndex.push(k);
    }
    if (freeIndex.length === 0) break;

    let accepted: { theta: Theta; evaluation: Evaluation } | null = null;
    while (lambda < 1e16) {
      const step = dampedStep(jtj, jte, freeIndex, lambda);
      if (step !== null) {
        const moved = [...values];
        freeIndex.forEach((k, i) => (moved[k] = (moved[k] ?? 0) + (step[i] ?? 0)));
        let candidate = clampTheta(problem, { p: moved[0] ?? 0, q: moved[1] ?? 0, m: moved[2] ?? 0 });
        // m enters linearly: its best value given p and q can only lower the cost further.
        candidate = withBestM(problem, candidate);
        const evaluation = evaluate(problem, candidate, true);
        if (Number.isFinite(evaluation.cost) && evaluation.cost < current.cost) {
          accepted = { theta: candidate, evaluation };
          lambda = Math.max(lambda / 3, 1e-12);
          break;
        }
      }
      lambda *= 4;
    }
    if (accepted === null) break;

    const improvement = current.cost - accepted.evaluation.cost;
    const moved = Math.max(
      Math.abs(accepted.theta.p - theta.p) / Math.max(theta.p, 1e-12),
      Math.abs(accepted.theta.q - theta.q) / Math.max(theta.q, 1e-12),
      Math.abs(accepted.theta.m - theta.m) / Math.max(theta.m, 1e-12),
    );
    theta = accepted.theta;
    current = accepted.evaluation;
    if (improvement <= 1e-14 * current.cost || current.cost < 1e-30 || moved < 1e-13) break;
  }
  return { theta, cost: current.cost, sse: current.sse, iterations };
}

interface Evaluation {
  cost: number;
  sse: number;
  residuals: number[];
  /** Rows of ∂residual/∂(p, q, m); empty when not requested. */
  jacobian: number[][];
}

/** Residuals (model − data) in scaled units, with the prior's penalty rows when there is one. */
function evaluate(problem: Problem, theta: Theta, withJacobian: boolean): Evaluation {
  const { p, q, m } = theta;
  const residuals: number[] = [];
  const jacobian: number[][] = [];
  let previous: [number, number, number] = [0, 0, 0];
  let sse = 0;
  for (let i = 0; i < problem.s.length; i++) {
    const current = cumulativeWithGradient(i + 1, p, q);
    const dF = current[0] - previous[0];
    const r = m * dF - (problem.s[i] ?? 0);
    residuals.push(r);
    sse += r * r;
    if (withJacobian) jacobian.push([m * (current[1] - previous[1]), m * (current[2] - previous[2]), dF]);
    previous = current;
  }
  let cost = sse;
  const penalty = problem.objective.penalty;
  if (penalty) {
    const wp = penalty.weightP / problem.scale;
    const wq = penalty.weightQ / problem.scale;
    const rp = wp * (p - penalty.p);
    const rq = wq * (q - penalty.q);
    residuals.push(rp, rq);
    cost += rp * rp + rq * rq;
    if (withJacobian) jacobian.push([wp, 0, 0], [0, wq, 0]);
  }
  return { cost, sse, residuals, jacobian };
}

/** F(t) with ∂F/∂p and ∂F/∂q, differentiating Bass 1969's closed form. */
function cumulativeWithGradient(t: number, p: number, q: number): [number, number, number] {
  const e = Math.exp(-(p + q) * t);
  const ratio = q / p;
  const numerator = 1 - e;
  const denominator = 1 + ratio * e;
  const dNumerator = t * e; // same for p and q
  const dDenominatorDp = -ratio * e * (1 / p + t);
  const dDenominatorDq = (e / p) * (1 - q * t);
  const d2 = denominator * denominator;
  return [
    numerator / denominator,
    (dNumerator * denominator - numerator * dDenominatorDp) / d2,
    (dNumerator * denominator - numerator * dDenominatorDq) / d2,
  ];
}

function normalEquations(residuals: readonly number[], jacobian: readonly number[][]) {
  const jtj = [
    [0, 0, 0],
    [0, 0, 0],
    [0, 0, 0],
  ];
  const jte = [0, 0, 0];
  jacobian.forEach((row, r) => {
    const e = residuals[r] ?? 0;
    for (let i = 0; i < 3; i++) {
      const ji = row[i] ?? 0;
      jte[i] = (jte[i] ?? 0) + ji * e;
      const jtjRow = jtj[i] ?? [];
      for (let j = 0; j < 3; j++) jtjRow[j] = (jtjRow[j] ?? 0) + ji * (row[j] ?? 0);
    }
  });
  return { jtj, jte };
}

/** Solves (A + λ·diag A)δ = −g over the free parameters (Marquardt 1963 scaling). */
function dampedStep(jtj: number[][], jte: number[], free: readonly number[], lambda: number): number[] | null {
  const a = free.map((i) => free.map((j) => jtj[i]?.[j] ?? 0));
  const g = free.map((i) => -(jte[i] ?? 0));
  return solveSymmetric(a, g, lambda);
}

/**
 * Solves (A + λ·diag A)x = b for symmetric positive semi-definite A by Cholesky on the
 * unit-diagonal rescaling of A, so parameters of very different sizes (p ~ 0.01, m ~ 1) do
 * not distort the pivots; null when the system is singular.
 */
function solveSymmetric(a: number[][], b: number[], lambda: number): number[] | null {
  const k = b.length;
  const d = a.map((row, i) => Math.sqrt(row[i] ?? 0));
  if (d.some((x) => !(x > 0) || !Number.isFinite(x))) return null;
  const l: number[][] = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  for (let i = 0; i < k; i++) {
    for (let j = 0; j <= i; j++) {
      let s = ((a[i]?.[j] ?? 0) / ((d[i] ?? 1) * (d[j] ?? 1))) * (i === j ? 1 + lambda : 1);
      for (let r = 0; r < j; r++) s -= (l[i]?.[r] ?? 0) * (l[j]?.[r] ?? 0);
      const li = l[i] ?? [];
      if (i === j) {
        if (!(s > 1e-12)) return null;
        li[j] = Math.sqrt(s);
      } else {
        li[j] = s / (l[j]?.[j] ?? 1);
      }
    }
  }
  const y = new Array<number>(k).fill(0);
  for (let i = 0; i < k; i++) {
    let s = (b[i] ?? 0) / (d[i] ?? 1);
    for (let r = 0; r < i; r++) s -= (l[i]?.[r] ?? 0) * (y[r] ?? 0);
    y[i] = s / (l[i]?.[i] ?? 1);
  }
  const x = new Array<number>(k).fill(0);
  for (let i = k - 1; i >= 0; i--) {
    let s = y[i] ?? 0;
    for (let r = i + 1; r < k; r++) s -= (l[r]?.[i] ?? 0) * (x[r] ?? 0);
    x[i] = s / (l[i]?.[i] ?? 1);
  }
  const solution = x.map((xi, i) => xi / (d[i] ?? 1));
  return solution.every(Number.isFinite) ? solution : null;
}

function lowerBounds(problem: Problem): number[] {
  const { pMin, qMin, mMin } = problem.objective.bounds;
  return [pMin, qMin, mMin / problem.scale];
}

function upperBounds(problem: Problem): number[] {
  const { pMax, qMax, mMax } = problem.objective.bounds;
  return [pMax, qMax, mMax / problem.scale];
}

function clampTheta(problem: Problem, theta: Theta): Theta {
  const [pl, ql, ml] = lowerBounds(problem);
  const [pu, qu, mu] = upperBounds(problem);
  return {
    p: clamp(theta.p, pl ?? 0, pu ?? 0),
    q: clamp(theta.q, ql ?? 0, qu ?? 0),
    m: clamp(theta.m, ml ?? 0, mu ?? 0),
  };
}

/** Sets m to its least-squares value for the given p and q (or to the fixed m), within bounds. */
function withBestM(problem: Problem, theta: Theta): Theta {
  const fixed = problem.objective.fixedM;
  const [, , ml] = lowerBounds(problem);
  const [, , mu] = upperBounds(problem);
  if (fixed !== null) return { ...theta, m: fixed / problem.scale };
  const shape = bassAdoptions(problem.s.length, theta.p, theta.q, 1);
  const sf = sum(shape.map((f, i) => f * (problem.s[i] ?? 0)));
  const ff = sum(shape.map((f) => f * f));
  if (!(ff > 0)) return { ...theta, m: clamp(theta.m, ml ?? 0, mu ?? 0) };
  return { ...theta, m: clamp(sf / ff, ml ?? 0, mu ?? 0) };
}

function activeBounds(estimate: Theta, objective: BassObjective): BassBound[] {
  const { pMin, pMax, qMin, qMax, mMin, mMax } = objective.bounds;
  // Projection puts a parameter exactly on its bound; the tolerance only absorbs unit rescaling.
  const on = (x: number, bound: number) => Math.abs(x - bound) <= 1e-12 * Math.max(Math.abs(bound), 1e-12);
  const active: BassBound[] = [];
  if (on(estimate.p, pMin)) active.push('p_lower');
  if (on(estimate.p, pMax)) active.push('p_upper');
  if (on(estimate.q, qMin)) active.push('q_lower');
  if (on(estimate.q, qMax)) active.push('q_upper');
  if (on(estimate.m, mMin)) active.push('m_lower');
  if (on(estimate.m, mMax)) active.push('m_upper');
  return active;
}

function allFinite(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(allFinite);
  if (value !== null && typeof value === 'object') return Object.values(value).every(allFinite);
  return true;
}

// ---------------------------------------------------------------------------------------
// Forecast
// ---------------------------------------------------------------------------------------

export interface BassForecastOptions {
  /** Bootstrap resamples; default 200. */
  resamples?: number;
  /** Central coverage of the band; default 0.8 (10% and 90% quantiles). */
  level?: number;
  /** Seed of the resampling PRNG; the same seed gives the same band. */
  seed?: number;
}

export interface ForecastBand {
  expected: number;
  lower: number;
  upper: number;
}

export interface BassForecastPoint {
  /** Period number counted from launch (the first forecast period is series.length + 1). */
  period: number;
  adoptions: ForecastBand;
  /** Observed cumulative adopters plus forecast adoptions up to this period. */
  cumulative: ForecastBand;
}

export type BassForecast =
  | { ok: true; level: number; resamples: number; seed: number; points: BassForecastPoint[] }
  | { ok: false; reason: 'invalid_horizon' | 'invalid_option'; message: string };

/**
 * The fitted curve `periodsAhead` periods forward, with a residual-bootstrap band: the fit's
 * residuals are resampled onto its fitted values, the same objective is refitted, and each
 * refit's forecast plus a resampled residual gives one path (Efron & Tibshirani 1993).
 */
export function forecastBass(fit: BassFit, periodsAhead: number, options: BassForecastOptions = {}): BassForecast {
  const resamples = options.resamples ?? 200;
  const level = options.level ?? 0.8;
  const seed = options.seed ?? 1;
  if (!Number.isInteger(periodsAhead) || periodsAhead < 0) {
    return { ok: false, reason: 'invalid_horizon', message: 'The horizon must be a whole number of periods ≥ 0.' };
  }
  if (!Number.isInteger(resamples) || resamples < 1 || !(level > 0 && level < 1) || !Number.isFinite(seed)) {
    return { ok: false, reason: 'invalid_option', message: 'Resamples must be ≥ 1 and the level between 0 and 1.' };
  }

  const n = fit.series.length;
  const observed = sum(fit.series);
  const expected = futureAdoptions(fit, n, periodsAhead);
  const meanResidual = sum(fit.residuals) / n;
  const centred = fit.residuals.map((r) => r - meanResidual);
  const random = mulberry32(seed);
  const draw = () => centred[Math.min(n - 1, Math.floor(random() * n))] ?? 0;

  const adoptionPaths: number[][] = expected.map(() => []);
  const cumulativePaths: number[][] = expected.map(() => []);
  let used = 0;
  for (let b = 0; b < resamples; b++) {
    const resampled = fit.fitted.map((f) => Math.max(0, f + draw()));
    if (!resampled.some((s) => s > 0)) continue;
    const problem = toProblem(resampled, fit.objective);
    const start = withBestM(problem, clampTheta(problem, { p: fit.p, q: fit.q, m: fit.m / problem.scale }));
    const run = levenbergMarquardt(problem, start);
    if (run === null) continue;
    const refit = fromScaled(problem, run);
    const path = futureAdoptions(refit, n, periodsAhead);
    let cumulative = observed;
    path.forEach((a, j) => {
      const adoptions = Math.max(0, a + draw());
      cumulative += adoptions;
      adoptionPaths[j]?.push(adoptions);
      cumulativePaths[j]?.push(cumulative);
    });
    used++;
  }

  const lowQ = (1 - level) / 2;
  const highQ = (1 + level) / 2;
  let cumulativeExpected = observed;
  const points = expected.map((a, j): BassForecastPoint => {
    cumulativeExpected += a;
    const aPaths = adoptionPaths[j] ?? [];
    const cPaths = cumulativePaths[j] ?? [];
    return {
      period: n + j + 1,
      adoptions: { expected: a, lower: quantile(aPaths, lowQ, a), upper: quantile(aPaths, highQ, a) },
      cumulative: {
        expected: cumulativeExpected,
        lower: quantile(cPaths, lowQ, cumulativeExpected),
        upper: quantile(cPaths, highQ, cumulativeExpected),
      },
    };
  });
  return { ok: true, level, resamples: used, seed, points };
}

function futureAdoptions(theta: Theta, observedPeriods: number, ahead: number): number[] {
  return bassAdoptions(observedPeriods + ahead, theta.p, theta.q, theta.m).slice(observedPeriods);
}

/** Type-7 (linear interpolation) quantile; `fallback` when there are no values. */
function quantile(values: readonly number[], probability: number, fallback: number): number {
  if (values.length === 0) return fallback;
  const sorted = [...values].sort((x, y) => x - y);
  const position = probability * (sorted.length - 1);
  const below = Math.floor(position);
  const fraction = position - below;
  const low = sorted[below] ?? fallback;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] ?? low;
  return low + fraction * (high - low);
}

/** Mulberry32: a tiny seeded PRNG, so bootstrap bands are reproducible. */
function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function clamp(x: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, x));
}

function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}
