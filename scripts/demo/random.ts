/**
 * Seedable pseudo-random numbers for the demo org: sfc32 (Chris Doty-Humphrey's small fast
 * counting generator, 128-bit state) seeded through splitmix32. Demo data must be reproducible, so
 * nothing here (or anywhere in the generator) touches Math.random.
 */

/** splitmix32 step: turns any 32-bit value into a well-mixed one (used only for seeding). */
function splitmix32(value: number): number {
  let z = (value + 0x9e3779b9) | 0;
  z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
  z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
  return (z ^ (z >>> 16)) >>> 0;
}

/** FNV-1a over a label, so forked streams ("logins", "crm") are independent of each other. */
function hashLabel(label: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < label.length; i += 1) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  }
  return hash >>> 0;
}

export class Random {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  private readonly seedLow: number;
  private readonly seedHigh: number;

  /** Any safe integer seed; the label selects an independent stream for the same seed. */
  constructor(seed: number, label = '') {
    this.seedLow = seed >>> 0;
    this.seedHigh = Math.floor(seed / 0x100000000) >>> 0;
    let state = splitmix32(this.seedLow ^ splitmix32(this.seedHigh ^ hashLabel(label)));
    this.a = state;
    state = splitmix32(state);
    this.b = state;
    state = splitmix32(state);
    this.c = state;
    state = splitmix32(state);
    this.d = state;
    // Warm-up: sfc32's first outputs are correlated with the seed.
    for (let i = 0; i < 12; i += 1) this.nextUint32();
  }

  /** An independent generator for one part of the data; its sequence depends only on seed + label. */
  fork(label: string): Random {
    return new Random(this.seedHigh * 0x100000000 + this.seedLow, label);
  }

  nextUint32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** Uniform in [0, 1). */
  next(): number {
    return this.nextUint32() / 0x100000000;
  }

  /** Uniform integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  /** Uniform real in [min, max). */
  float(min: number, max: number): number {
    return min + this.next() * (max - min);
  }

  /** True with probability p. */
  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  /** Index chosen with probability proportional to its weight. */
  weighted(weights: readonly number[]): number {
    let total = 0;
    for (const weight of weights) total += weight;
    let target = this.next() * total;
    for (let i = 0; i < weights.length; i += 1) {
      target -= weights[i];
      if (target < 0) return i;
    }
    return weights.length - 1;
  }

  /**
   * Bell-shaped value with the given mean and standard deviation (Irwin–Hall sum of four uniforms:
   * cheap, and bounded to mean ± 3.46 sd, which suits clamped human behaviour better than tails).
   */
  gaussian(mean: number, sd: number): number {
    const sum = this.next() + this.next() + this.next() + this.next();
    return mean + (sum - 2) * Math.sqrt(3) * sd;
  }

  /** A non-negative count around `mean` (gaussian-ish, variance ≈ mean like a Poisson count). */
  count(mean: number): number {
    if (mean <= 0) return 0;
    return Math.max(0, Math.round(this.gaussian(mean, Math.sqrt(mean))));
  }

  /** Fisher–Yates shuffle in place. */
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i -= 1) {
      const j = Math.floor(this.next() * (i + 1));
      const swap = items[i];
      items[i] = items[j];
      items[j] = swap;
    }
    return items;
  }
}
