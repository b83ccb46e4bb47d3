/**
 * Counter-based randomness: every draw is a pure function of (seed, index, salt), so event i can be
 * rebuilt at any time without generating events 0..i-1 first. That is what lets ten million events
 * be served lazily.
 */

/** murmur3's finaliser: a cheap, well-mixed 32-bit hash step. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

export function hash3(seed: number, index: number, salt: number): number {
  // index may exceed 2^32 in principle; fold the high part in so large positions stay distinct.
  const hi = Math.floor(index / 4294967296);
  let h = fmix32((seed ^ Math.imul(index | 0, 0x9e3779b1)) >>> 0);
  h = fmix32((h ^ Math.imul(salt + 1, 0x632be5ab) ^ Math.imul(hi, 0x27d4eb2d)) >>> 0);
  return h;
}

export function hashFloat(seed: number, index: number, salt: number): number {
  return hash3(seed, index, salt) / 4294967296;
}

/** Folds an arbitrary number or string seed into 32 bits. */
export function seed32(seed: number | string): number {
  const s = String(seed);
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

/**
 * A small sequential generator (mulberry32). Mutable and reused by the event builder, because
 * allocating one per event would dominate the cost of serving a page.
 */
export class Rng {
  private state = 0;

  reset(seed: number, index: number, salt = 0): this {
    this.state = hash3(seed, index, salt) | 0;
    return this;
  }

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(n: number): number {
    return Math.floor(this.next() * n);
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)] as T;
  }

  /** Index skewed towards 0: a few members do most of the work, as in any organisation. */
  skewed(n: number, power = 1.8): number {
    return Math.min(n - 1, Math.floor(Math.pow(this.next(), power) * n));
  }
}

/** Cumulative weights for O(log n) weighted picks. */
export class WeightedTable<T> {
  private readonly cumulative: Float64Array;
  readonly total: number;

  constructor(
    readonly items: readonly T[],
    weights: readonly number[],
  ) {
    if (items.length !== weights.length || items.length === 0) throw new Error("weights must match items");
    this.cumulative = new Float64Array(items.length);
    let sum = 0;
    weights.forEach((w, i) => {
      sum += Math.max(0, w);
      this.cumulative[i] = sum;
    });
    this.total = sum;
  }

  indexFor(u: number): number {
    const target = u * this.total;
    let lo = 0;
    let hi = this.cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((this.cumulative[mid] as number) > target) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }

  pick(rng: Rng): T {
    return this.items[this.indexFor(rng.next())] as T;
  }
}
