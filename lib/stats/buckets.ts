/**
 * Bucket sizes for the events-over-time chart: the smallest that keeps a range within about
 * 120 bars, so a 15-minute window shows minutes and 90 days show days. Every size divides a
 * UTC day or week evenly, so buckets line up with the hourly rollup from an hour upwards.
 */
export const BUCKETS = [
  { key: "1m", ms: 60_000, label: "minute" },
  { key: "5m", ms: 300_000, label: "5 minutes" },
  { key: "15m", ms: 900_000, label: "15 minutes" },
  { key: "1h", ms: 3_600_000, label: "hour" },
  { key: "3h", ms: 10_800_000, label: "3 hours" },
  { key: "6h", ms: 21_600_000, label: "6 hours" },
  { key: "12h", ms: 43_200_000, label: "12 hours" },
  { key: "1d", ms: 86_400_000, label: "day" },
  { key: "1w", ms: 604_800_000, label: "week" },
] as const;
export type Bucket = (typeof BUCKETS)[number];

const MAX_BUCKETS = 120;

/** Weeks start on Monday: 2000-01-03 was one. */
export const BUCKET_ORIGIN = new Date("2000-01-03T00:00:00.000Z");

export function bucketFor(spanMs: number): Bucket {
  return BUCKETS.find((b) => spanMs / b.ms <= MAX_BUCKETS) ?? BUCKETS[BUCKETS.length - 1]!;
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
