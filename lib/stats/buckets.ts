/**
 * Bucket sizes for the events-over-time chart, each used for ranges up to `upTo`: a
 * 15-minute window shows minutes, a week 3-hour bars, 90 days days. Every size divides a UTC
 * day or week evenly, so buckets line up with the rollups. Past two weeks the bars are days:
 * the daily rollup answers a month in a thirtieth of the rows the hourly one would need.
 */
const H = 3_600_000;
export const BUCKETS = [
  { key: "1m", ms: 60_000, label: "minute", upTo: 2 * H },
  { key: "5m", ms: 300_000, label: "5 minutes", upTo: 8 * H },
  { key: "15m", ms: 900_000, label: "15 minutes", upTo: 24 * H },
  { key: "1h", ms: H, label: "hour", upTo: 4 * 24 * H },
  { key: "3h", ms: 3 * H, label: "3 hours", upTo: 14 * 24 * H },
  { key: "1d", ms: 24 * H, label: "day", upTo: 180 * 24 * H },
  { key: "1w", ms: 7 * 24 * H, label: "week", upTo: Infinity },
] as const;
export type Bucket = (typeof BUCKETS)[number];

/** Weeks start on Monday: 2000-01-03 was one. */
export const BUCKET_ORIGIN = new Date("2000-01-03T00:00:00.000Z");

export function bucketFor(spanMs: number): Bucket {
  return BUCKETS.find((b) => spanMs <= b.upTo)!;
}

/** The start of the bucket holding `at`. */
export function bucketStart(at: Date, bucket: Bucket): Date {
  const offset = at.getTime() - BUCKET_ORIGIN.getTime();
  return new Date(BUCKET_ORIGIN.getTime() + Math.floor(offset / bucket.ms) * bucket.ms);
}

/** Every bucket start from the one holding `from` up to (not including) `to`. */
export function bucketStarts(from: Date, to: Date, bucket: Bucket): Date[] {
  const out: Date[] = [];
  for (let t = bucketStart(from, bucket).getTime(); t < to.getTime(); t += bucket.ms) out.push(new Date(t));
  return out;
}
