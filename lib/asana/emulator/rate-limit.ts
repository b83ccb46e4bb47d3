import type { Clock } from "./types";

export interface RateLimitSettings {
  /** Requests allowed per window and token (Asana: 1500 a minute for paid domains, 150 for free). */
  requests: number;
  windowMs: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number };

const BUCKETS = 60;

interface Window {
  counts: Int32Array;
  stamps: Float64Array;
}

/**
 * A sliding window of 60 buckets per token, so the quota is re-evaluated every window/60 (each
 * second for a one-minute window) rather than once a minute, as Asana documents. Refused
 * requests are counted too: a client that ignores Retry-After keeps itself locked out.
 */
export class SlidingWindowLimiter {
  private windows = new Map<string, Window>();
  private configKey = "";

  constructor(private readonly clock: Clock) {}

  reset(): void {
    this.windows.clear();
  }

  hit(key: string, settings: RateLimitSettings): RateDecision {
    const cfg = `${settings.requests}/${settings.windowMs}`;
    if (cfg !== this.configKey) {
      this.configKey = cfg;
      this.windows.clear();
    }
    const bucketMs = Math.max(1, settings.windowMs / BUCKETS);
    const now = this.clock();
    const bucket = Math.floor(now / bucketMs);
    let w = this.windows.get(key);
    if (!w) {
      w = { counts: new Int32Array(BUCKETS), stamps: new Float64Array(BUCKETS).fill(-1) };
      this.windows.set(key, w);
    }
    const slot = bucket % BUCKETS;
    if (w.stamps[slot] !== bucket) {
      w.stamps[slot] = bucket;
      w.counts[slot] = 0;
    }
    let used = 0;
    for (let i = 0; i < BUCKETS; i++) if ((w.stamps[i] as number) > bucket - BUCKETS) used += w.counts[i] as number;
    w.counts[slot] = (w.counts[slot] as number) + 1;
    if (used < settings.requests) return { allowed: true };

    // Retry when enough of the oldest buckets have slid out for one more request to fit.
    let excess = used + 2 - settings.requests;
    let freeAt = now + settings.windowMs;
    for (let age = BUCKETS - 1; age >= 0; age--) {
      const b = bucket - age;
      const s = ((b % BUCKETS) + BUCKETS) % BUCKETS;
      if (w.stamps[s] !== b) continue;
      excess -= w.counts[s] as number;
      if (excess <= 0) {
        freeAt = (b + BUCKETS) * bucketMs;
        break;
      }
    }
    return { allowed: false, retryAfterSec: Math.max(1, Math.ceil((freeAt - now) / 1000)) };
  }
}

/** In-flight requests per token (Asana: at most 50 concurrent reads). */
export class ConcurrencyGate {
  private inFlight = new Map<string, number>();
  private total = 0;

  get current(): number {
    return this.total;
  }

  tryEnter(key: string, max: number | null): boolean {
    const n = this.inFlight.get(key) ?? 0;
    if (max !== null && n >= max) return false;
    this.inFlight.set(key, n + 1);
    this.total++;
    return true;
  }

  leave(key: string): void {
    const n = (this.inFlight.get(key) ?? 1) - 1;
    if (n <= 0) this.inFlight.delete(key);
    else this.inFlight.set(key, n);
    this.total--;
  }
}
