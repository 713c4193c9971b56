import { uuidv7 } from '../shared/ids.js';

/**
 * Seeded randomness for the demo generator: the same seed gives the same workspace.
 * mulberry32 (Tommy Ettinger, public domain) is small, fast and good enough for synthetic data.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** A 32-bit unsigned integer. */
  uint32(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return (t ^ (t >>> 14)) >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.uint32() / 4294967296;
  }

  /** Uniform in [min, max). */
  uniform(min: number, max: number): number {
    return min + (max - min) * this.next();
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    const item = items[Math.floor(this.next() * items.length)];
    if (item === undefined) throw new RangeError('pick from an empty list');
    return item;
  }

  /** One of `items`, with probability proportional to its weight. */
  weighted<T>(items: readonly (readonly [T, number])[]): T {
    let total = 0;
    for (const [, w] of items) total += w;
    let r = this.next() * total;
    for (const [item, w] of items) {
      r -= w;
      if (r < 0) return item;
    }
    const last = items[items.length - 1];
    if (!last) throw new RangeError('weighted pick from an empty list');
    return last[0];
  }

  /** Standard normal (Box–Muller). */
  normal(): number {
    const u = 1 - this.next();
    const v = this.next();
    return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
  }

  /** Log-normal with the given median and spread (sigma of the underlying normal). */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** Poisson (Knuth's method; the means used here are small). */
  poisson(mean: number): number {
    const limit = Math.exp(-mean);
    let k = 0;
    let p = this.next();
    while (p > limit) {
      k += 1;
      p *= this.next();
    }
    return k;
  }

  /** `count` distinct items, each drawn with probability proportional to its weight. */
  sampleDistinct<T>(items: readonly (readonly [T, number])[], count: number): T[] {
    const pool = items.slice();
    const chosen: T[] = [];
    while (chosen.length < count && pool.length > 0) {
      let total = 0;
      for (const [, w] of pool) total += w;
      let r = this.next() * total;
      let index = pool.length - 1;
      for (let i = 0; i < pool.length; i++) {
        r -= pool[i]?.[1] ?? 0;
        if (r < 0) {
          index = i;
          break;
        }
      }
      const [item] = pool.splice(index, 1);
      if (item) chosen.push(item[0]);
    }
    return chosen;
  }

  /** `digits` random decimal digits. */
  digits(count: number): string {
    let out = '';
    for (let i = 0; i < count; i++) out += String(this.uint32() % 10);
    return out;
  }
}

/** Standard normal CDF (Abramowitz & Stegun 7.1.26, |error| < 1.5e-7). */
export function normalCdf(x: number): number {
  const z = Math.abs(x) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * z);
  const poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-z * z);
  return x >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** UUIDv7-shaped ids whose time part is the record's synthetic time and whose random part comes from the seed. */
export class SeededIds {
  private readonly bytes = new Uint8Array(10);

  constructor(private readonly rng: Rng) {}

  at(time: number | string): string {
    const ms = typeof time === 'number' ? time : Date.parse(time);
    for (let i = 0; i < 10; i += 4) {
      const word = this.rng.uint32();
      this.bytes[i] = word & 0xff;
      this.bytes[i + 1] = (word >>> 8) & 0xff;
      if (i + 2 < 10) this.bytes[i + 2] = (word >>> 16) & 0xff;
      if (i + 3 < 10) this.bytes[i + 3] = (word >>> 24) & 0xff;
    }
    return uuidv7(ms, this.bytes);
  }
}
