import "server-only";
import { db } from "@/lib/db/client";
import { resolveActors } from "@/lib/events/resolve-actors";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { UTC } from "@/lib/time/zone";
import { BUCKET_ORIGIN, bucketFor, bucketForInterval, isCalendarBucket, nextBucketStart, zonedBucketStarts, type Bucket, type Interval } from "./buckets";
import { HOUR_MS } from "./spans";
import { newestEventSince, resolvedInterval, typeCounts, type Source } from "./sources";

export const SERIES_BY = ["category", "actorType"] as const;
export type SeriesBy = (typeof SERIES_BY)[number];

const SERIES_COLUMN: Record<SeriesBy, string> = { category: "event_category", actorType: "actor_type" };

/** Stacks shown by name; the rest of the values are summed as one "other" stack. */
export const MAX_SERIES = 12;
/** A series name longer than this is cut (it could not be a filter's value anyway). */
export const SERIES_KEY_MAX = 200;

export interface Series {
  /** The category or actor type; "" is events without a category; null is every value past the first MAX_SERIES. */
  key: string | null;
  total: number;
  /** True when the stored value is longer than `key` shows. */
  cut?: boolean;
}

export interface TimePoint {
  /** The bucket's part inside the range: the first and last bucket may be cut short. */
  from: string;
  to: string;
  total: number;
  /**
   * Events of each series in this bucket, in the order of `series`. An array rather than an
   * object keyed by value: a category Asana names "constructor" must not meet Object's own.
   */
  counts: number[];
}

export interface CountOverTime {
  from: string | null;
  to: string | null;
  bucket: Bucket["key"];
  bucketMs: number;
  bucketLabel: string;
  /** The zone the buckets were counted in, to label them in. */
  zone: string;
  seriesBy: SeriesBy;
  /** Largest first, the "other" series (key null) last. */
  series: Series[];
  points: TimePoint[];
  total: number;
  source: Source;
}

export interface CountOverTimeOptions {
  seriesBy: SeriesBy;
  now?: Date;
  useRollups?: boolean;
  /** The zone whose days and weeks the bars follow (an IANA name; UTC by default). */
  zone?: string;
  interval?: Interval;
}

/** The first event's time, for "all time": the time index answers it from its first entry. */
async function earliestEvent(): Promise<Date | null> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`SELECT min(created_at) AS at FROM audit_event`;
  return row?.at ?? null;
}

function empty(from: Date | null, to: Date, seriesBy: SeriesBy, zone: string): CountOverTime {
  const bucket = bucketFor(0);
  return { from: from?.toISOString() ?? null, to: to.toISOString(), bucket: bucket.key, bucketMs: bucket.ms, bucketLabel: bucket.label, zone, seriesBy, series: [], points: [], total: 0, source: "events" };
}

/**
 * Events per bucket of time, stacked by category or actor type. Day and week buckets are
 * summed from the daily rollup, hour-sized ones from the hourly rollup, with the range's
 * partial hours counted from the events; finer buckets only occur for ranges of a day or
 * less, which are cheap to count directly.
 *
 * An open range (the last hour, all time) also counts events stamped after `now` (a skewed
 * clock upstream, or a date Asana got wrong by decades): the chart runs to the newest of
 * them, and its buckets are sized for that whole span, so that however far away that event
 * is, the chart has at most MAX_BUCKETS bars.
 */
export async function countOverTime(filter: EventFilter, options: CountOverTimeOptions): Promise<CountOverTime> {
  const now = options.now ?? new Date();
  const interval = resolvedInterval(filter, now);
  const actorGids = await resolveActors(filter);
  const from = interval.from ?? (await earliestEvent());
  let to = interval.to ?? now;
  const newest = interval.to ? null : await newestEventSince(filter, now, { now, actorGids });
  if (newest && newest >= to) to = new Date(newest.getTime() + 1);
  if (!from || from >= to) return empty(from, to, options.seriesBy, options.zone ?? UTC);

  const bucket = bucketForInterval(to.getTime() - from.getTime(), options.interval ?? "auto");
  // Days and weeks of another zone than UTC are summed from the hourly rollup (the daily one
  // holds UTC days): exact for zones whose offsets are whole hours; in the others (+05:30) an
  // hour counts in the day it starts in.
  const zone = options.zone ?? UTC;
  const zoned = zone !== UTC && isCalendarBucket(bucket);
  const binned = zoned
    ? Prisma.sql`date_trunc(${bucket.key === "1w" ? "week" : "day"}, t, ${zone})`
    : Prisma.sql`date_bin(make_interval(secs => ${bucket.ms / 1000}), t, ${BUCKET_ORIGIN}::timestamptz)`;
  // The last bar ends just after the newest event (its bucket cut short, as the first may be).
  const end = interval.to ?? to;
  const { relation, source } = typeCounts(filter, { now, finestMs: zoned ? HOUR_MS : bucket.ms, useRollups: bucket.ms >= HOUR_MS && options.useRollups !== false, actorGids });
  const column = Prisma.raw(SERIES_COLUMN[options.seriesBy]);
  // Buckets × series stays bounded: values past the first MAX_SERIES are one "other" row per bucket.
  // Bucket starts come back as epoch milliseconds: before the year 1 (a bucket of weeks can
  // start there) PostgreSQL writes "BC", which the driver's date parsing does not read.
  const rows = await db().$queryRaw<{ b: number; s: string | null; cut: boolean; n: number }[]>(Prisma.sql`
    WITH x AS (
      SELECT ${binned} AS b, ${column} AS s, sum(n)::int AS n
      FROM (${relation}) AS x
      GROUP BY 1, 2
    ),
    top AS (SELECT s FROM x GROUP BY s ORDER BY sum(n) DESC, s LIMIT ${MAX_SERIES})
    SELECT (extract(epoch FROM b) * 1000)::float8 AS b, left(top.s, ${SERIES_KEY_MAX}) AS s, bool_or(length(top.s) > ${SERIES_KEY_MAX}) AS cut, sum(n)::int AS n
    FROM x LEFT JOIN top ON top.s = x.s
    GROUP BY 1, 2`);

  // Series and buckets are keyed by Maps: the values are whatever Asana sent.
  const seriesIndex = new Map<string | null, number>();
  const series: Series[] = [];
  for (const row of rows) {
    let i = seriesIndex.get(row.s);
    if (i === undefined) {
      i = series.length;
      seriesIndex.set(row.s, i);
      series.push({ key: row.s, total: 0, ...(row.cut ? { cut: true } : {}) });
    }
    series[i]!.total += row.n;
  }
  const order = series.map((_, i) => i).sort((a, b) => rank(series[a]!, series[b]!));
  const position = new Map(order.map((i, at) => [i, at]));
  const byStart = new Map<number, number[]>();
  for (const row of rows) {
    const counts = byStart.get(row.b) ?? Array.from({ length: series.length }, () => 0);
    counts[position.get(seriesIndex.get(row.s)!)!]! += row.n;
    byStart.set(row.b, counts);
  }
  const points = zonedBucketStarts(from, end, bucket, zone).map((start) => {
    const counts = byStart.get(start.getTime()) ?? Array.from({ length: series.length }, () => 0);
    const stop = new Date(Math.min(nextBucketStart(start, bucket, zone).getTime(), end.getTime()));
    const clipped = start < from ? from : start;
    return { from: clipped.toISOString(), to: stop.toISOString(), total: counts.reduce((a, b) => a + b, 0), counts };
  });
  const sorted = order.map((i) => series[i]!);
  return {
    from: from.toISOString(),
    to: end.toISOString(),
    bucket: bucket.key,
    bucketMs: bucket.ms,
    bucketLabel: bucket.label,
    zone,
    seriesBy: options.seriesBy,
    series: sorted,
    points,
    total: sorted.reduce((a, s) => a + s.total, 0),
    source,
  };
}

/** Largest first, by name on a tie; the "other" series last. */
function rank(a: Series, b: Series): number {
  if ((a.key === null) !== (b.key === null)) return a.key === null ? 1 : -1;
  return b.total - a.total || (a.key ?? "").localeCompare(b.key ?? "");
}
