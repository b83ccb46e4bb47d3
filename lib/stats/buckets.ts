import { shiftDay, startOfDay, startOfWeek, UTC } from "@/lib/time/zone";

/**
 * Bucket sizes for the events-over-time chart, each used for ranges up to `upTo`: a
 * 15-minute window shows minutes, a week 3-hour bars, 90 days days. Every size divides a UTC
 * day or week evenly, so buckets line up with the rollups. Past two weeks the bars are days:
 * the daily rollup answers a month in a thirtieth of the rows the hourly one would need.
 *
 * However far apart the stored events are (Asana may date one in the year 1 and another in
 * 9999), a chart has at most MAX_BUCKETS bars: past MAX_BUCKETS weeks, buckets are whole
 * numbers of weeks, as many as that span needs.
 */
const H = 3_600_000;
const WEEK = 7 * 24 * H;

/** A chart a few hundred bars wide still reads; beyond, bars are thinner than a pixel. */
export const MAX_BUCKETS = 500;

export interface Bucket {
  key: string;
  ms: number;
  label: string;
}

export const BUCKETS = [
  { key: "1m", ms: 60_000, label: "minute", upTo: 2 * H },
  { key: "5m", ms: 300_000, label: "5 minutes", upTo: 8 * H },
  { key: "15m", ms: 900_000, label: "15 minutes", upTo: 24 * H },
  { key: "1h", ms: H, label: "hour", upTo: 4 * 24 * H },
  { key: "3h", ms: 3 * H, label: "3 hours", upTo: 14 * 24 * H },
  { key: "1d", ms: 24 * H, label: "day", upTo: 180 * 24 * H },
  { key: "1w", ms: WEEK, label: "week", upTo: MAX_BUCKETS * WEEK },
] as const satisfies ReadonlyArray<Bucket & { upTo: number }>;

/** Weeks start on Monday: 2000-01-03 was one. */
export const BUCKET_ORIGIN = new Date("2000-01-03T00:00:00.000Z");

/** The bucket for a span of time: never more than MAX_BUCKETS of them across it. */
export function bucketFor(spanMs: number): Bucket {
  const fixed = BUCKETS.find((b) => spanMs <= b.upTo);
  if (fixed) return { key: fixed.key, ms: fixed.ms, label: fixed.label };
  // A span JavaScript dates can hold (±273,790 years) needs at most 28,600 weeks a bucket.
  const weeks = Number.isFinite(spanMs) ? Math.ceil(spanMs / (MAX_BUCKETS * WEEK)) : 52;
  return { key: `${weeks}w`, ms: weeks * WEEK, label: `${weeks} weeks` };
}

/** The start of the bucket holding `at`. */
export function bucketStart(at: Date, bucket: Bucket): Date {
  const offset = at.getTime() - BUCKET_ORIGIN.getTime();
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor(offset / bucket.ms) * bucket.ms);
}

/**
 * Every bucket start from the one holding `from` up to (not including) `to`. A bucket from
 * bucketFor(to - from) gives at most MAX_BUCKETS + 1 of them (the first may start before
 * `from`); anything more is a caller's mistake, refused before it allocates.
 */
export function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const first = bucketStart(from, bucket).getTime();
  const count = Math.ceil((to.getTime() - first) / bucket.ms);
  if (!(count <= MAX_BUCKETS + 1)) throw new RangeError(`${count} buckets of ${bucket.label} from ${from.toISOString()} to ${to.toISOString()}: at most ${MAX_BUCKETS + 1}`);
  return Array.from({ length: Math.max(0, count) }, (_, i) => new Date(first + i * bucket.ms));
}

/**
 * The interval a trend chart is asked for: "auto" sizes bars for the span, "day" and "week"
 * fix them (weeks from Monday, ISO 8601) while the span holds at most MAX_BUCKETS of them;
 * past that the chart falls back to "auto" and says so through the bucket's label.
 */
export const INTERVALS = ["auto", "day", "week"] as const;
export type Interval = (typeof INTERVALS)[number];

const DAY_BUCKET = BUCKETS.find((b) => b.key === "1d")!;
const WEEK_BUCKET = BUCKETS.find((b) => b.key === "1w")!;

export function bucketForInterval(spanMs: number, interval: Interval): Bucket {
  const fixed = interval === "week" ? WEEK_BUCKET : interval === "day" ? DAY_BUCKET : null;
  if (fixed && spanMs <= MAX_BUCKETS * fixed.ms) return { key: fixed.key, ms: fixed.ms, label: fixed.label };
  return bucketFor(spanMs);
}

/** Days and weeks follow a zone's calendar (23- and 25-hour days included); finer buckets and runs of weeks keep their fixed length. */
export function isCalendarBucket(bucket: Bucket): boolean {
  return bucket.key === DAY_BUCKET.key || bucket.key === WEEK_BUCKET.key;
}

/** The start of the bucket holding `at`, in `zone`: its midnight, or its Monday's for weeks. */
export function zonedBucketStart(at: Date, bucket: Bucket, zone: string): Date {
  if (zone === UTC || !isCalendarBucket(bucket)) return bucketStart(at, bucket);
  return bucket.key === WEEK_BUCKET.key ? startOfWeek(at, zone) : startOfDay(at, zone);
}

/** The start of the bucket after the one starting at `start` (a calendar day or week later in `zone`). */
export function nextBucketStart(start: Date, bucket: Bucket, zone: string): Date {
  if (zone === UTC || !isCalendarBucket(bucket)) return new Date(start.getTime() + bucket.ms);
  return shiftDay(start, zone, bucket.key === WEEK_BUCKET.key ? 7 : 1);
}

/** bucketStarts in a zone: the same bounds, with days and weeks starting at the zone's midnights. */
export function zonedBucketStarts(from: Date, to: Date, bucket: Bucket, zone: string): Date[] {
  if (zone === UTC || !isCalendarBucket(bucket)) return bucketStarts(from, to, bucket);
  // A zone's day is 23 to 25 hours: a span holds at most one more of them than of fixed ones.
  const limit = Math.ceil((to.getTime() - from.getTime()) / bucket.ms) + 2;
  if (!(limit <= MAX_BUCKETS + 3)) throw new RangeError(`${limit} buckets of ${bucket.label} from ${from.toISOString()} to ${to.toISOString()}: at most ${MAX_BUCKETS + 1}`);
  const starts: Date[] = [];
  for (let at = zonedBucketStart(from, bucket, zone); at < to && starts.length < limit; at = nextBucketStart(at, bucket, zone)) starts.push(at);
  return starts;
}
