/**
 * How a time range is split between the rollups and the raw events. Rollups hold whole UTC
 * hours (or days); a range that starts or ends inside one must count that partial hour from
 * audit_event itself, or the figure would differ from the explorer's count for the same
 * filter. An open end (relative ranges have no `to`) needs no raw edge at all.
 */
export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

export interface Interval {
  /** Inclusive; null is open. */
  from: Date | null;
  /** Exclusive; null is open. */
  to: Date | null;
}

export interface Split {
  /** Whole units, read from a rollup; null when the range holds no whole unit. */
  rollup: Interval | null;
  /** The partial units at either end, read from audit_event. */
  raw: Interval[];
}

const floorTo = (d: Date, unit: number) => new Date(Math.floor(d.getTime() / unit) * unit);
const ceilTo = (d: Date, unit: number) => new Date(Math.ceil(d.getTime() / unit) * unit);

/** Splits [from, to) at multiples of `unitMs` since the epoch (UTC hours and days). */
export function splitRange(range: Interval, unitMs: number): Split {
  const start = range.from ? ceilTo(range.from, unitMs) : null;
  const end = range.to ? floorTo(range.to, unitMs) : null;
  if (start && end && start >= end) return { rollup: null, raw: [range] };
  const raw: Interval[] = [];
  if (range.from && start && range.from < start) raw.push({ from: range.from, to: start });
  if (range.to && end && end < range.to) raw.push({ from: end, to: range.to });
  return { rollup: { from: start, to: end }, raw };
}
