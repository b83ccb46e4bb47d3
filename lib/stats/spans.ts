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

export interface Levels {
  /** Whole units of each size, coarsest first, each read from the rollup of that size. */
  parts: Array<{ unit: number; interval: Interval }>;
  /** What no rollup holds whole, read from audit_event. */
  raw: Interval[];
}

/**
 * Splits a range over several rollups, coarsest first: whole days in the middle, whole hours
 * at the ends of those, raw events at the very ends. `units` is coarsest first.
 */
export function splitLevels(range: Interval, units: readonly number[]): Levels {
  const [unit, ...finer] = units;
  if (unit === undefined) return { parts: [], raw: [range] };
  const split = splitRange(range, unit);
  const levels: Levels = { parts: split.rollup ? [{ unit, interval: split.rollup }] : [], raw: [] };
  for (const edge of split.raw) {
    const sub = splitLevels(edge, finer);
    levels.parts.push(...sub.parts);
    levels.raw.push(...sub.raw);
  }
  return levels;
}

export const monthStart = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
export const nextMonth = (d: Date) => new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1));

export interface MonthPart {
  /** Whole months in [from, to) (open ends allowed), read from `total`. */
  whole?: Interval;
  /** Part of one month: its days `first` to `last` (1-based, inclusive), read from `days`. */
  slice?: { month: Date; first: number; last: number };
}

/** Splits a range of whole UTC days into whole months and at most two slices of months. */
export function splitMonths(range: Interval): MonthPart[] {
  const parts: MonthPart[] = [];
  let wholeFrom = range.from;
  let wholeTo = range.to;
  const dayBefore = (d: Date) => new Date(d.getTime() - DAY_MS).getUTCDate();
  if (range.from && range.from.getTime() !== monthStart(range.from).getTime()) {
    const month = monthStart(range.from);
    const end = range.to && range.to < nextMonth(month) ? range.to : nextMonth(month);
    parts.push({ slice: { month, first: range.from.getUTCDate(), last: dayBefore(end) } });
    wholeFrom = nextMonth(month);
  }
  if (range.to && range.to.getTime() !== monthStart(range.to).getTime()) {
    const month = monthStart(range.to);
    // Unless the first slice already ran to `to` (both ends in one month).
    if (!wholeFrom || month >= wholeFrom) {
      parts.push({ slice: { month, first: range.from && range.from > month ? range.from.getUTCDate() : 1, last: dayBefore(range.to) } });
      wholeTo = month;
    }
  }
  if (!wholeFrom || !wholeTo || wholeFrom < wholeTo) parts.push({ whole: { from: wholeFrom, to: wholeTo } });
  return parts;
}
