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

/** What the client needs of a request budget: a turn to send, and a pause after a 429. */
export interface RequestBudget {
  acquire(): Promise<void>;
  pause(ms: number): void;
}

/**
 * A share of another budget: a caller takes a turn of its own (at `share` of the token's
 * rate) and then one of the token's. Background work (reconciliation) runs on a share, so
 * that whatever it does, the rest of the token's budget stays for the polling cursor.
 */
export class ShareOfBudget implements RequestBudget {
  private readonly own: RateLimiter;

  constructor(
    private readonly whole: RequestBudget,
    perMinute: number,
    options: Omit<RateLimiterOptions, "perMinute"> = {},
  ) {
    this.own = new RateLimiter({ ...options, perMinute, burst: options.burst ?? 1 });
  }

  async acquire(): Promise<void> {
    await this.own.acquire();
    await this.whole.acquire();
  }

  pause(ms: number): void {
    this.own.pause(ms);
    this.whole.pause(ms);
  }
}
