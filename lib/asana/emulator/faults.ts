import { MESSAGES, errorBody, errorPhrase } from "./errors";
import { Rng } from "./random";
import type { AsanaError } from "./types";

/**
 * What can go wrong with a request on purpose:
 * - 429 / 500 / 502 / 503 / 504: an Asana-like error answer (500s carry a phrase);
 * - "reset": the connection is destroyed without an answer;
 * - "truncate": a 200 whose JSON body stops half way (the response itself ends cleanly).
 */
export type FaultKind = 429 | 500 | 502 | 503 | 504 | "reset" | "truncate";

export const FAULT_KINDS: readonly FaultKind[] = [429, 500, 502, 503, 504, "reset", "truncate"];

export interface FaultSettings {
  /** Probability per request of each fault, e.g. { 500: 0.02, reset: 0.01 }. */
  rates?: Partial<Record<FaultKind, number>>;
  /** Added to every request: fixed, or uniform in [min, max]. */
  latencyMs?: number | readonly [number, number];
  /** Retry-After (seconds) on an injected 429. */
  retryAfterSec?: number;
}

export interface ErrorAnswer {
  status: number;
  body: { errors: AsanaError[] };
  headers?: Record<string, string>;
}

export class FaultInjector {
  private readonly rng: Rng;
  private queue: Array<{ kind: FaultKind; remaining: number }> = [];
  constructor(seed: number) {
    this.rng = new Rng().reset(seed, 0, 0xfa17);
  }

  /** The next `count` requests that reach the fault stage fail with `kind`, before any random fault. */
  failNext(kind: FaultKind, count = 1): void {
    if (count > 0) this.queue.push({ kind, remaining: count });
  }

  clearQueue(): void {
    this.queue = [];
  }

  get queued(): number {
    return this.queue.reduce((n, q) => n + q.remaining, 0);
  }

  pick(settings: FaultSettings): FaultKind | null {
    const head = this.queue[0];
    if (head) {
      if (--head.remaining <= 0) this.queue.shift();
      return head.kind;
    }
    const rates = settings.rates;
    if (!rates) return null;
    // One draw per request keeps a seeded run reproducible whatever the rates are.
    const u = this.next();
    let acc = 0;
    for (const kind of FAULT_KINDS) {
      acc += rates[kind] ?? 0;
      if (u < acc) return kind;
    }
    return null;
  }

  latency(settings: FaultSettings): number {
    const l = settings.latencyMs;
    if (l === undefined) return 0;
    if (typeof l === "number") return Math.max(0, l);
    const [lo, hi] = l;
    return Math.max(0, lo + this.next() * (hi - lo));
  }

  answer(kind: 429 | 500 | 502 | 503 | 504, settings: FaultSettings): ErrorAnswer {
    switch (kind) {
      case 429:
        return {
          status: 429,
          body: errorBody(MESSAGES.rateLimited),
          headers: { "Retry-After": String(settings.retryAfterSec ?? 2) },
        };
      case 500:
        return { status: 500, body: errorBody(MESSAGES.serverError, { phrase: errorPhrase(this.rng) }) };
      case 502:
        return { status: 502, body: errorBody(MESSAGES.badGateway) };
      case 503:
        return { status: 503, body: errorBody(MESSAGES.unavailable), headers: { "Retry-After": "5" } };
      case 504:
        return { status: 504, body: errorBody(MESSAGES.gatewayTimeout) };
    }
  }

  private next(): number {
    return this.rng.next();
  }
}
