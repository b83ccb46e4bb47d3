/**
 * Keeps the requests of one token under Asana's budget, shared by every request the sync
 * makes in parallel. Tokens refill evenly (Asana checks more often than once a minute, so
 * a burst of a minute's budget would be refused); a 429 pauses everyone for Retry-After.
 */
export interface RateLimiterOptions {
  perMinute: number;
  /** Requests allowed at once before refill; small so that bursts stay within Asana's finer checks. */
  burst?: number;
  now?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export class RateLimiter {
  private tokens: number;
  private last: number;
  private pausedUntil = 0;
  private readonly ratePerMs: number;
  private readonly burst: number;
  private readonly now: () => number;
  private readonly sleep: (ms: number) => Promise<void>;
  private queue: Promise<void> = Promise.resolve();

  constructor(options: RateLimiterOptions) {
    this.ratePerMs = options.perMinute / 60_000;
    this.burst = options.burst ?? Math.max(1, Math.ceil(options.perMinute / 60));
    this.now = options.now ?? Date.now;
    this.sleep = options.sleep ?? sleep;
    this.tokens = this.burst;
    this.last = this.now();
  }

  /** Resolves when this caller may send one request. Callers are served in arrival order. */
  acquire(): Promise<void> {
    const turn = this.queue.then(() => this.take());
    this.queue = turn.catch(() => undefined);
    return turn;
  }

  /** Asana said 429: nobody sends anything until `ms` from now. */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.now() + ms);
    this.tokens = 0;
  }

  private refill() {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + (now - this.last) * this.ratePerMs);
    this.last = now;
  }

  private async take(): Promise<void> {
    for (;;) {
      const pausedFor = this.pausedUntil - this.now();
      if (pausedFor > 0) {
        await this.sleep(pausedFor);
        this.last = this.now();
        continue;
      }
      this.refill();
      if (this.tokens >= 1) {
        this.tokens -= 1;
        return;
      }
      await this.sleep(Math.ceil((1 - this.tokens) / this.ratePerMs));
    }
  }
}
