import "server-only";
import { db } from "@/lib/db/client";
import { resolveActors } from "@/lib/events/resolve-actors";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { BUCKET_ORIGIN, bucketFor, bucketStarts, type Bucket } from "./buckets";
import { HOUR_MS } from "./spans";
import { readAggregate, resolvedInterval, typeCounts, type Source } from "./sources";

export const SERIES_BY = ["category", "actorType"] as const;
export type SeriesBy = (typeof SERIES_BY)[number];

const SERIES_COLUMN: Record<SeriesBy, string> = { category: "event_category", actorType: "actor_type" };

export interface TimePoint {
  /** The bucket's part inside the range: the first and last bucket may be cut short. */
  from: string;
  to: string;
  total: number;
  counts: Record<string, number>;
}

export interface CountOverTime {
  from: string | null;
  to: string | null;
  bucket: Bucket["key"];
  bucketMs: number;
  bucketLabel: string;
  seriesBy: SeriesBy;
  /** Series keys, largest first; "" is events without a category. */
  series: Array<{ key: string; total: number }>;
  points: TimePoint[];
  total: number;
  source: Source;
}

export interface CountOverTimeOptions {
  seriesBy: SeriesBy;
  now?: Date;
  useRollups?: boolean;
}

/** The first event's time, for "all time": the time index answers it from its first entry. */
async function earliestEvent(): Promise<Date | null> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`SELECT min(created_at) AS at FROM audit_event`;
  return row?.at ?? null;
}

/**
 * Events per bucket of time, stacked by category or actor type. Day and week buckets are
 * summed from the daily rollup, hour-sized ones from the hourly rollup, with the range's
 * partial hours counted from the events; finer buckets only occur for ranges of a day or
 * less, which are cheap to count directly.
 */
export async function countOverTime(filter: EventFilter, options: CountOverTimeOptions): Promise<CountOverTime> {
  const now = options.now ?? new Date();
  const interval = resolvedInterval(filter, now);
  const from = interval.from ?? (await earliestEvent());
  const to = interval.to ?? now;
  if (!from || from >= to) {
    const bucket = bucketFor(0);
    return { from: from?.toISOString() ?? null, to: to.toISOString(), bucket: bucket.key, bucketMs: bucket.ms, bucketLabel: bucket.label, seriesBy: options.seriesBy, series: [], points: [], total: 0, source: "events" };
  }
  const bucket = bucketFor(to.getTime() - from.getTime());
  const { relation, source } = typeCounts(filter, { now, finestMs: bucket.ms, useRollups: bucket.ms >= HOUR_MS && options.useRollups !== false, actorGids: await resolveActors(filter) });
  const column = Prisma.raw(SERIES_COLUMN[options.seriesBy]);
  const rows = await readAggregate<{ b: Date; s: string; n: number }>(Prisma.sql`
    SELECT date_bin(make_interval(secs => ${bucket.ms / 1000}), t, ${BUCKET_ORIGIN}::timestamptz) AS b, ${column} AS s, sum(n)::int AS n
    FROM (${relation}) AS x
    GROUP BY 1, 2`);

  const byStart = new Map<number, Record<string, number>>();
  const totals = new Map<string, number>();
  for (const row of rows) {
    const counts = byStart.get(row.b.getTime()) ?? {};
    counts[row.s] = (counts[row.s] ?? 0) + row.n;
    byStart.set(row.b.getTime(), counts);
    totals.set(row.s, (totals.get(row.s) ?? 0) + row.n);
  }
  // An open range also counts events stamped after `now` (a skewed clock upstream): show their buckets.
  const beyond = [...byStart.keys()].filter((start) => start >= to.getTime());
  const end = interval.to ?? (beyond.length > 0 ? new Date(Math.max(...beyond) + bucket.ms) : to);
  const points = bucketStarts(from, end, bucket).map((start) => {
    const counts = byStart.get(start.getTime()) ?? {};
    const stop = new Date(Math.min(start.getTime() + bucket.ms, end.getTime()));
    const clipped = start < from ? from : start;
    return { from: clipped.toISOString(), to: stop.toISOString(), total: Object.values(counts).reduce((a, b) => a + b, 0), counts };
  });
  const series = [...totals].map(([key, total]) => ({ key, total })).sort((a, b) => b.total - a.total || a.key.localeCompare(b.key));
  return {
    from: from.toISOString(),
    to: end.toISOString(),
    bucket: bucket.key,
    bucketMs: bucket.ms,
    bucketLabel: bucket.label,
    seriesBy: options.seriesBy,
    series,
    points,
    total: series.reduce((a, s) => a + s.total, 0),
    source,
  };
}
