import "server-only";
import type { Dimension, EventFilter } from "@/lib/events/filters";
import { resolveTimeRange } from "@/lib/events/time-range";
import { eventConditions } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALL_TIME, onlyOn } from "./filter-ops";
import { DAY_MS, HOUR_MS, splitRange, type Interval } from "./spans";

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
}

export type Source = "rollup" | "events";

export function resolvedInterval(filter: EventFilter, now: Date): Interval {
  return resolveTimeRange(filter.time, now);
}

function intervalSql(column: string, interval: Interval, asDate = false): Prisma.Sql[] {
  const value = (d: Date) => (asDate ? sql`${d.toISOString().slice(0, 10)}::date` : sql`${d}::timestamptz`);
  return [
    ...(interval.from ? [sql`${raw(column)} >= ${value(interval.from)}`] : []),
    ...(interval.to ? [sql`${raw(column)} < ${value(interval.to)}`] : []),
  ];
}

const and = (parts: Prisma.Sql[]) => (parts.length === 0 ? sql`TRUE` : Prisma.join(parts, " AND "));

/** The filter's conditions other than time: they read the same on audit_event and the rollups. */
function dimensionConditions(filter: EventFilter, now: Date): Prisma.Sql[] {
  return eventConditions({ ...filter, time: ALL_TIME }, { now });
}

const EVENT_COLUMNS = sql`event_type, COALESCE(event_category, '') AS event_category, actor_type`;

/**
 * (t, event_type, event_category, actor_type, n): n events at instant t (raw) or in the hour
 * starting at t (rollup). Sum n over groups of t coarser than an hour, never finer.
 */
export function typeCounts(filter: EventFilter, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const interval = resolvedInterval(filter, options.now);
  const conditions = dimensionConditions(filter, options.now);
  const events = (range: Interval) =>
    sql`SELECT created_at AS t, ${EVENT_COLUMNS}, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions])}`;
  if (options.useRollups === false || !onlyOn(filter, HOURLY_DIMENSIONS)) return { relation: events(interval), source: "events" };
  const split = splitRange(interval, HOUR_MS);
  const parts = split.raw.map(events);
  if (split.rollup) {
    parts.push(sql`SELECT bucket AS t, event_type, event_category, actor_type, count AS n FROM event_rollup_hourly WHERE ${and([...intervalSql("bucket", split.rollup), ...conditions])}`);
  }
  return { relation: Prisma.join(parts, " UNION ALL "), source: split.rollup ? "rollup" : "events" };
}

/** The dimensions with a "top values" list, and the audit_event expression of each. */
export const VALUE_COLUMNS = {
  actor: { dimension: "actor", expression: "actor_gid" },
  ip: { dimension: "ip", expression: "host(client_ip)" },
  oauthApp: { dimension: "oauth_app", expression: "oauth_app_name" },
} as const;
export type ValueDimension = keyof typeof VALUE_COLUMNS;

/** (value, n): events per value of an actor, IP address or OAuth app; values never null. */
export function valueCounts(filter: EventFilter, of: ValueDimension, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const { dimension, expression } = VALUE_COLUMNS[of];
  const interval = resolvedInterval(filter, options.now);
  const conditions = dimensionConditions(filter, options.now);
  const events = (range: Interval) =>
    sql`SELECT ${raw(expression)} AS value, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions, sql`${raw(expression)} IS NOT NULL`])}`;
  if (options.useRollups === false || !onlyOn(filter, VALUE_DIMENSIONS)) return { relation: events(interval), source: "events" };
  const split = splitRange(interval, DAY_MS);
  const parts = split.raw.map(events);
  if (split.rollup) {
    parts.push(sql`SELECT value, count AS n FROM event_value_rollup_daily WHERE ${and([sql`dimension = ${dimension}`, ...intervalSql("day", split.rollup, true), ...conditions])}`);
  }
  return { relation: Prisma.join(parts, " UNION ALL "), source: split.rollup ? "rollup" : "events" };
}
