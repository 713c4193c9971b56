/**
 * The Bass (1969) diffusion model as the generator uses it: adoption times drawn by
 * inverting the cumulative curve F(t) = (1 − e^{−(p+q)t}) / (1 + (q/p)·e^{−(p+q)t}).
 * Fitting lives with the analytics; this module only draws from a known curve.
 */
export interface BassParameters {
  p: number;
  q: number;
}

export function bassCdf({ p, q }: BassParameters, t: number): number {
  if (t <= 0) return 0;
  const e = Math.exp(-(p + q) * t);
  return (1 - e) / (1 + (q / p) * e);
}

/** The time at which F(t) = u, for 0 ≤ u < 1. */
export function bassQuantile({ p, q }: BassParameters, u: number): number {
  if (u <= 0) return 0;
  const x = (1 - u) / (1 + (u * q) / p);
  return -Math.log(x) / (p + q);
}

/** Peak of the adoption rate, t* = ln(q/p)/(p+q); 0 when q ≤ p (adoptions highest at launch). */
export function bassPeakTime({ p, q }: BassParameters): number {
  return q > p ? Math.log(q / p) / (p + q) : 0;
}
