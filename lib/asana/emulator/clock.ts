import type { Clock } from "./types";

export interface ManualClock {
  now: Clock;
  set(ms: number): void;
  advance(ms: number): void;
}

/** A clock tests move by hand: retention, offset expiry and rate windows all read it. */
export function manualClock(startMs: number): ManualClock {
  let t = startMs;
  return {
    now: () => t,
    set(ms) {
      t = ms;
    },
    advance(ms) {
      t += ms;
    },
  };
}
