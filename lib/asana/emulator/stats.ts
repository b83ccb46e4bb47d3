import type { FaultKind } from "./faults";

/** Counters a test or benchmark can read at any time; the object is live, not a snapshot. */
export interface EmulatorStats {
  /** Every request received, whatever became of it. */
  requests: number;
  /** Answers sent, by HTTP status (resets have none). */
  byStatus: Record<number, number>;
  pagesServed: number;
  eventsServed: number;
  faultsInjected: Partial<Record<FaultKind, number>>;
  /** 429s from the per-token request budget. */
  rateLimited: number;
  /** 429s from the in-flight cap. */
  concurrencyLimited: number;
  peakConcurrency: number;
  inFlight: number;
  /** Pages answered from a page built ahead of the request. */
  prefetchHits: number;
}

export function emptyStats(): EmulatorStats {
  return {
    requests: 0,
    byStatus: {},
    pagesServed: 0,
    eventsServed: 0,
    faultsInjected: {},
    rateLimited: 0,
    concurrencyLimited: 0,
    peakConcurrency: 0,
    inFlight: 0,
    prefetchHits: 0,
  };
}

export function resetStats(stats: EmulatorStats): void {
  Object.assign(stats, emptyStats());
}
