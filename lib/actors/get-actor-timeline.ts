import "server-only";
import { db } from "@/lib/db/client";
import { hasConditions, type EventFilter } from "@/lib/events/filters";
import { listEvents, type EventPage } from "@/lib/events/list-events";
import { resolveTimeRange } from "@/lib/events/time-range";
import type { EventView } from "@/lib/events/view";
import { eventWhere } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import { BUCKET_ORIGIN, bucketFor, bucketStart, isCalendarBucket, nextBucketStart, zonedBucketStarts, type Bucket } from "@/lib/stats/buckets";
import { intervalSql, VALUE_COLUMNS } from "@/lib/stats/sources";
import { DAY_MS, splitRange, type Interval } from "@/lib/stats/spans";
import { UTC } from "@/lib/time/zone";
import { narrow } from "@/lib/events/filter-ops";

/**
 * An actor's events under the page's filter: the explorer's own keyset pages with the actor
 * added to the filter, so "open in Events" shows the same rows and the same count. `gid` is
 * the actor's key (their gid for users), which names that actor alone in a filter.
 */
export function actorFilter(filter: EventFilter, gid: string): EventFilter {
  return narrow(filter, "actor", gid);
}

export function getActorTimeline(gid: string, filter: EventFilter, view: Pick<EventView, "sort" | "size" | "page">, now = new Date()): Promise<EventPage> {
  return listEvents({ filter: actorFilter(filter, gid), sort: view.sort, size: view.size, page: view.page, now });
}

export interface ActorActivity {
  from: string | null;
  to: string;
  bucket: Bucket["key"];
  bucketMs: number;
  bucketLabel: string;
  /** The zone whose days and weeks the buckets are. */
  zone: string;
  points: Array<{ from: string; to: string; total: number }>;
  total: number;
}

/**
 * The actor's events per bucket over the filter's range. Under a time-only filter this reads
 * the (actor_key, created_at) index alone, never the rows: a busy integration's twenty
 * thousand events cost an index range, not twenty thousand heap pages. An open range runs to
 * their newest event if Asana dated one after now, in at most MAX_BUCKETS buckets however
 * far that is (as the overview's chart does).
 */
export async function getActorActivity(gid: string, filter: EventFilter, now = new Date(), zone: string = UTC): Promise<ActorActivity> {
  const where = eventWhere(actorFilter(filter, gid), { now });
  const range = resolveTimeRange(filter.time, now);
  const [first] = range.from ? [{ at: range.from }] : await db().$queryRaw<{ at: Date | null }[]>`SELECT min(created_at) AS at FROM audit_event WHERE actor_key = ${gid}`;
  const [last] = range.to ? [] : await db().$queryRaw<{ at: Date | null }[]>`SELECT max(created_at) AS at FROM audit_event WHERE actor_key = ${gid} AND created_at >= ${now}`;
  const from = first?.at ?? null;
  const newest = last?.at ?? null;
  const to = range.to ?? (newest ? new Date(newest.getTime() + 1) : now);
  if (!from || from >= to) return { from: from?.toISOString() ?? null, to: to.toISOString(), bucket: "1h", bucketMs: 3_600_000, bucketLabel: "hour", zone, points: [], total: 0 };
  const bucket = bucketFor(to.getTime() - from.getTime());
  const byStart = rollupServes(filter, bucket, zone) ? await countFromRollup(gid, where, { from, to }, bucket) : await countOverEvents(where, bucket, zone);
  const points = zonedBucketStarts(from, to, bucket, zone).map((start) => ({
    from: (start < from ? from : start).toISOString(),
    to: new Date(Math.min(nextBucketStart(start, bucket, zone).getTime(), to.getTime())).toISOString(),
    total: byStart.get(start.getTime()) ?? 0,
  }));
  return { from: from.toISOString(), to: to.toISOString(), bucket: bucket.key, bucketMs: bucket.ms, bucketLabel: bucket.label, zone, points, total: [...byStart.values()].reduce((a, n) => a + n, 0) };
}

/** Events per bucket start (epoch milliseconds), counted over the events themselves: exact in any zone and under any filter. */
async function countOverEvents(where: Prisma.Sql, bucket: Bucket, zone: string): Promise<Map<number, number>> {
  // Days and weeks of the reader's zone.
  const binned =
    zone !== UTC && isCalendarBucket(bucket)
      ? Prisma.sql`date_trunc(${bucket.key === "1w" ? "week" : "day"}, created_at, ${zone})`
      : Prisma.sql`date_bin(make_interval(secs => ${bucket.ms / 1000}), created_at, ${BUCKET_ORIGIN}::timestamptz)`;
  // Epoch milliseconds: a bucket starting before the year 1 is written "BC", which the driver cannot read.
  const rows = await db().$queryRaw<{ b: number; n: number }[]>`
    SELECT (extract(epoch FROM ${binned}) * 1000)::float8 AS b, count(*)::int AS n
    FROM audit_event WHERE ${where} GROUP BY 1`;
  return new Map(rows.map((r) => [r.b, r.n]));
}

/**
 * Whether the per-value rollup's UTC days can be summed into the buckets: the filter narrows
 * by time alone, and each bucket is a run of whole UTC days (UTC days and weeks, or runs of
 * weeks, which start on BUCKET_ORIGIN's midnight in every zone).
 */
function rollupServes(filter: EventFilter, bucket: Bucket, zone: string): boolean {
  return !hasConditions(filter) && bucket.ms % DAY_MS === 0 && (zone === UTC || !isCalendarBucket(bucket));
}

/**
 * Events per bucket start from the per-value rollup's day counts for the whole UTC days of the
 * range, and from the events for the hours at its ends: the busiest actor's all-time chart
 * (200,000 events at 10M) reads a few hundred day slots instead of 200,000 index entries.
 */
async function countFromRollup(gid: string, where: Prisma.Sql, range: Interval, bucket: Bucket): Promise<Map<number, number>> {
  const split = splitRange(range, DAY_MS);
  const counts = new Map<number, number>();
  const add = (start: number, n: number) => counts.set(start, (counts.get(start) ?? 0) + n);
  const edges = await Promise.all(split.raw.map((part) => countOverEvents(Prisma.sql`${where} AND ${Prisma.join(intervalSql("created_at", part), " AND ")}`, bucket, UTC)));
  for (const edge of edges) for (const [start, n] of edge) add(start, n);
  if (!split.rollup) return counts;
  const { from, to } = split.rollup;
  const days = await db().$queryRaw<{ day: number; n: number }[]>`
    SELECT (extract(epoch FROM (m.month + (d.i - 1))::timestamp) * 1000)::float8 AS day, sum(m.days[d.i])::int AS n
    FROM event_value_rollup_monthly AS m CROSS JOIN LATERAL generate_subscripts(m.days, 1) AS d(i)
    WHERE m.dimension = ${VALUE_COLUMNS.actor.dimension} AND m.value = ${gid} AND m.days[d.i] > 0
      ${from ? Prisma.sql`AND m.month >= date_trunc('month', ${from}::timestamptz AT TIME ZONE 'UTC')::date` : Prisma.empty}
      ${to ? Prisma.sql`AND m.month < ${to}::timestamptz AT TIME ZONE 'UTC'` : Prisma.empty}
    GROUP BY 1`;
  for (const { day, n } of days) {
    if ((from && day < from.getTime()) || (to && day >= to.getTime())) continue;
    add(bucketStart(new Date(day), bucket).getTime(), n);
  }
  return counts;
}
