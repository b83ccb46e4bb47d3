import "server-only";
import { db } from "@/lib/db/client";
import type { Dimension, EventFilter } from "@/lib/events/filters";
import { resolveTimeRange } from "@/lib/events/time-range";
import { eventConditions, type ActorGids } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALL_TIME, onlyOn } from "@/lib/events/filter-ops";
import { DAY_MS, HOUR_MS, splitLevels, splitMonths, splitRange, type Interval } from "./spans";

/**
 * The relations the overview's queries aggregate: counts of events, read from the rollups the
 * sync keeps whenever the filter can be answered by them, and from audit_event otherwise (and
 * for the partial hours or days at a range's ends). Either way the result is the count the
 * explorer finds for the same filter.
 *
 * The rollups name their columns as audit_event does, so the explorer's own WHERE builder
 * (lib/events/where.ts) applies to them unchanged. A missing category is "" in both branches.
 */
const sql = Prisma.sql;
const raw = Prisma.raw;

/** Dimensions each rollup has a column for. */
const HOURLY_DIMENSIONS: readonly Dimension[] = ["eventType", "category", "actorType"];
const VALUE_DIMENSIONS: readonly Dimension[] = ["actorType"];

export interface SourceOptions {
  now: Date;
  /** False forces a count over audit_event: tests compare both ways. */
  useRollups?: boolean;
  /** Actors named by e-mail or part of a name, looked up beforehand as the explorer does (resolveActors). */
  actorGids?: ActorGids;
}

export type Source = "rollup" | "events";

export function resolvedInterval(filter: EventFilter, now: Date): Interval {
  return resolveTimeRange(filter.time, now);
}

export function intervalSql(column: string, interval: Interval, asDate = false): Prisma.Sql[] {
  const value = (d: Date) => (asDate ? sql`${d.toISOString().slice(0, 10)}::date` : sql`${d}::timestamptz`);
  return [
    ...(interval.from ? [sql`${raw(column)} >= ${value(interval.from)}`] : []),
    ...(interval.to ? [sql`${raw(column)} < ${value(interval.to)}`] : []),
  ];
}

export const and = (parts: Prisma.Sql[]) => (parts.length === 0 ? sql`TRUE` : Prisma.join(parts, " AND "));

/** The filter's conditions other than time: they read the same on audit_event and the rollups. */
export function dimensionConditions(filter: EventFilter, options: SourceOptions): Prisma.Sql[] {
  return eventConditions({ ...filter, time: ALL_TIME }, { now: options.now, actorGids: options.actorGids });
}

/**
 * The newest event at or after `since` under the filter's other conditions: the end an open
 * range's chart must reach (an event Asana dated 2099 is counted, so it is drawn). max() over
 * the time index reads from the newest entry down, so this costs the events ahead of
 * `since`, normally none.
 */
export async function newestEventSince(filter: EventFilter, since: Date, options: SourceOptions): Promise<Date | null> {
  const [row] = await db().$queryRaw<{ at: Date | null }[]>`
    SELECT max(created_at) AS at FROM audit_event WHERE ${and([sql`created_at >= ${since}::timestamptz`, ...dimensionConditions(filter, options)])}`;
  return row?.at ?? null;
}

const EVENT_COLUMNS = sql`event_type, COALESCE(event_category, '') AS event_category, actor_type`;
const ROLLUP_COLUMNS = sql`event_type, event_category, actor_type`;

export interface TypeCountOptions extends SourceOptions {
  /** The finest time the caller groups by: below a day, the daily rollup cannot serve. */
  finestMs?: number;
}

/**
 * (t, event_type, event_category, actor_type, n): n events at instant t (raw), in the hour
 * starting at t (hourly rollup) or in the UTC day starting at t (daily rollup). Group t by
 * buckets no finer than `finestMs`.
 */
export function typeCounts(filter: EventFilter, options: TypeCountOptions): { relation: Prisma.Sql; source: Source } {
  const interval = resolvedInterval(filter, options.now);
  const conditions = dimensionConditions(filter, options);
  const events = (range: Interval) =>
    sql`SELECT created_at AS t, ${EVENT_COLUMNS}, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions])}`;
  if (options.useRollups === false || !onlyOn(filter, HOURLY_DIMENSIONS)) return { relation: events(interval), source: "events" };
  const units = (options.finestMs ?? DAY_MS) >= DAY_MS ? [DAY_MS, HOUR_MS] : [HOUR_MS];
  const levels = splitLevels(interval, units);
  const parts = levels.raw.map(events);
  for (const { unit, interval: whole } of levels.parts) {
    parts.push(
      unit === DAY_MS
        ? sql`SELECT (day::timestamp AT TIME ZONE 'UTC') AS t, ${ROLLUP_COLUMNS}, count AS n FROM event_rollup_daily WHERE ${and([...intervalSql("day", whole, true), ...conditions])}`
        : sql`SELECT bucket AS t, ${ROLLUP_COLUMNS}, count AS n FROM event_rollup_hourly WHERE ${and([...intervalSql("bucket", whole), ...conditions])}`,
    );
  }
  return { relation: Prisma.join(parts, " UNION ALL "), source: levels.parts.length > 0 ? "rollup" : "events" };
}

/** The dimensions with a "top values" list, and the audit_event expression of each. */
export const VALUE_COLUMNS = {
  actor: { dimension: "actor", expression: "actor_key" },
  ip: { dimension: "ip", expression: "host(client_ip)" },
  oauthApp: { dimension: "oauth_app", expression: "oauth_app_name" },
} as const;
export type ValueDimension = keyof typeof VALUE_COLUMNS;

/** `days[first] + … + days[last]`: indices are integers computed here, never input. */
function daySlice(first: number, last: number): Prisma.Sql {
  return raw(Array.from({ length: last - first + 1 }, (_, i) => `days[${first + i}]`).join(" + "));
}

/**
 * The per-value rollup's dimensions: the top lists', and the addresses of successful sign-ins
 * (the world map's: a sign-in filter is on the event type, which the rollup has no column for).
 */
export type RollupDimension = (typeof VALUE_COLUMNS)[ValueDimension]["dimension"] | "sign_in_ip";

/** (value, n) from the per-value rollup over whole UTC days of `whole`: whole months from `total`, the rest from `days`. */
export function rollupValueParts(of: ValueDimension, whole: Interval, conditions: Prisma.Sql[]): Prisma.Sql[] {
  return rollupRows(VALUE_COLUMNS[of].dimension, whole, conditions);
}

export function rollupRows(dimension: RollupDimension, whole: Interval, conditions: Prisma.Sql[]): Prisma.Sql[] {
  const parts: Prisma.Sql[] = [];
  for (const part of splitMonths(whole)) {
    const where = [sql`dimension = ${dimension}`, ...conditions];
    if (part.whole) parts.push(sql`SELECT value, total AS n FROM event_value_rollup_monthly WHERE ${and([...where, ...intervalSql("month", part.whole, true)])}`);
    if (part.slice) {
      const month = part.slice.month.toISOString().slice(0, 10);
      parts.push(sql`SELECT value, ${daySlice(part.slice.first, part.slice.last)} AS n FROM event_value_rollup_monthly WHERE ${and([...where, sql`month = ${month}::date`])}`);
    }
  }
  return parts;
}

/**
 * (value, n): events per value of an actor, IP address or OAuth app; values never null.
 *
 * The raw branch names `gid` so that it cannot be answered from the (actor_key, created_at)
 * index alone: PostgreSQL 18 would otherwise skip-scan that index across every actor for a
 * time range, hundreds of times slower than the time index for a day of events.
 */
export function valueCounts(filter: EventFilter, of: ValueDimension, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const { expression } = VALUE_COLUMNS[of];
  const interval = resolvedInterval(filter, options.now);
  const conditions = dimensionConditions(filter, options);
  const events = (range: Interval) =>
    sql`SELECT ${raw(expression)} AS value, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions, sql`${raw(expression)} IS NOT NULL`, sql`gid <> ''`])}`;
  if (!valueRollupServes(filter, options)) return { relation: events(interval), source: "events" };
  const split = splitRange(interval, DAY_MS);
  const parts = [...split.raw.map(events), ...(split.rollup ? rollupValueParts(of, split.rollup, conditions) : [])];
  return { relation: Prisma.join(parts, " UNION ALL "), source: split.rollup ? "rollup" : "events" };
}

/** Whether the per-value rollup can count under this filter (it has a column for the actor type only). */
export function valueRollupServes(filter: EventFilter, options: SourceOptions): boolean {
  return options.useRollups !== false && onlyOn(filter, VALUE_DIMENSIONS);
}
