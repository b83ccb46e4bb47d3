import { fmix32, hashFloat } from "./random";

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const SALT_TIME = 0x71e;

/** Activity by local hour of a working day: busy mornings, a lunch dip, quiet nights. */
const WEEKDAY_HOURS = [
  0.04, 0.03, 0.03, 0.03, 0.04, 0.08, 0.18, 0.35, 0.7, 1.0, 1.0, 0.95, 0.7, 0.9, 0.95, 0.9, 0.8, 0.55, 0.35, 0.25, 0.2,
  0.15, 0.1, 0.06,
];
const WEEKEND_FACTOR = 0.12;

/** UTC offsets (hours) of an organisation's two main sites, picked by seed. */
const SITES: ReadonlyArray<readonly [number, number]> = [
  [-5, 1],
  [-8, -5],
  [1, -5],
  [0, 5.5],
  [10, -8],
  [-5, 9],
];

/**
 * Maps event index -> created_at so that times are non-decreasing in the index and follow a
 * daily and weekly rhythm. Event i sits at quantile (i + u_i) / n of the activity curve, u_i in
 * [0, 1) from the seed: a pure function of (seed, i), found by one binary search over hours.
 */
export class Timeline {
  readonly startMs: number;
  readonly endMs: number;
  private readonly cumulative: Float64Array;
  private readonly weights: Float64Array;
  private readonly total: number;

  constructor(
    private readonly seed: number,
    endMs: number,
    days: number,
    readonly count: number,
  ) {
    this.endMs = endMs;
    this.startMs = endMs - days * DAY;
    const hours = Math.max(1, Math.ceil(days * 24));
    this.weights = new Float64Array(hours);
    this.cumulative = new Float64Array(hours + 1);
    const [mainOffset, secondOffset] = SITES[seed % SITES.length] as readonly [number, number];
    for (let h = 0; h < hours; h++) {
      const mid = this.startMs + (h + 0.5) * HOUR;
      const w = 0.75 * activity(mid, mainOffset) + 0.25 * activity(mid, secondOffset);
      const day = Math.floor(mid / DAY);
      // Day-to-day variation, a few quiet "holidays", and slow growth of the organisation.
      const dayNoise = 0.85 + 0.3 * (fmix32((seed ^ day) >>> 0) / 4294967296);
      const holiday = fmix32((seed * 31 + day) >>> 0) % 37 === 0 ? 0.3 : 1;
      const growth = 0.9 + (0.2 * h) / hours;
      this.weights[h] = w * dayNoise * holiday * growth;
      this.cumulative[h + 1] = (this.cumulative[h] as number) + (this.weights[h] as number);
    }
    this.total = this.cumulative[hours] as number;
  }

  createdAt(i: number): number {
    return this.timeAt((i + hashFloat(this.seed, i, SALT_TIME)) / this.count);
  }

  /** The time at quantile q (0..1) of the activity curve: q uniform gives the organisation's own rhythm. */
  timeAt(q: number): number {
    const target = q * this.total;
    let lo = 0;
    let hi = this.weights.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if ((this.cumulative[mid] as number) <= target) lo = mid;
      else hi = mid - 1;
    }
    const w = this.weights[lo] as number;
    const frac = w > 0 ? Math.min(0.999999, (target - (this.cumulative[lo] as number)) / w) : 0;
    return Math.floor(this.startMs + (lo + frac) * HOUR);
  }

  /** The inverse of timeAt: the share of the span's activity before `ms`. */
  quantileOf(ms: number): number {
    const at = Math.max(0, Math.min(this.weights.length, (ms - this.startMs) / HOUR));
    const h = Math.min(this.weights.length - 1, Math.floor(at));
    return ((this.cumulative[h] as number) + (at - h) * (this.weights[h] as number)) / this.total;
  }

  /** Smallest index whose created_at is >= ms (count when none is). */
  indexAtOrAfter(ms: number): number {
    let lo = 0;
    let hi = this.count;
    while (lo < hi) {
      const mid = Math.floor((lo + hi) / 2);
      if (this.createdAt(mid) >= ms) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

function activity(utcMs: number, offsetHours: number): number {
  const local = new Date(utcMs + offsetHours * HOUR);
  const hour = local.getUTCHours();
  const dow = local.getUTCDay();
  const base = WEEKDAY_HOURS[hour] as number;
  return dow === 0 || dow === 6 ? base * WEEKEND_FACTOR + 0.01 : base;
}

let isoMinute = -1;
let isoPrefix = "";

/**
 * ISO 8601 with milliseconds and Z, as Asana writes created_at. Pages hold runs of events in the
 * same minute, so the "YYYY-MM-DDTHH:MM:" prefix is reused rather than formatting a Date each time.
 */
export function isoTime(ms: number): string {
  const minute = Math.floor(ms / 60_000);
  if (minute !== isoMinute) {
    isoMinute = minute;
    isoPrefix = new Date(minute * 60_000).toISOString().slice(0, 17);
  }
  const rest = ms - minute * 60_000;
  const sec = Math.floor(rest / 1000);
  const milli = rest - sec * 1000;
  return `${isoPrefix}${sec < 10 ? "0" : ""}${sec}.${milli < 10 ? "00" : milli < 100 ? "0" : ""}${milli}Z`;
}
