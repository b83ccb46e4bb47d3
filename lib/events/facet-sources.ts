import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { and, dimensionConditions, intervalSql, resolvedInterval, type Source, type SourceOptions } from "@/lib/stats/sources";
import { DAY_MS, splitRange, type Interval } from "@/lib/stats/spans";
import type { EventFilter } from "./filters";

const sql = Prisma.sql;

/** The columns of event_facet_rollup_daily, as audit_event's with a missing value as "". */
const FACET_COLUMNS = ["event_type", "event_category", "actor_type", "resource_type", "context_type", "auth_method"] as const;
const EVENT_COLUMNS = Prisma.raw(FACET_COLUMNS.map((c) => (c === "event_type" || c === "actor_type" ? c : `COALESCE(${c}, '') AS ${c}`)).join(", "));
const ROLLUP_COLUMNS = Prisma.raw(FACET_COLUMNS.join(", "));

/**
 * (event_type, event_category, actor_type, resource_type, context_type, auth_method, n): the
 * filter's events, whole UTC days read from event_facet_rollup_daily and the partial days at
 * the ends of the range from audit_event. The caller has checked that the rollup can serve
 * the filter (rollupFor in facet-rollups.ts).
 */
export function facetRollupCounts(filter: EventFilter, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const conditions = dimensionConditions(filter, options);
  const events = (range: Interval) => sql`SELECT ${EVENT_COLUMNS}, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions])}`;
  const split = splitRange(resolvedInterval(filter, options.now), DAY_MS);
  const parts = split.raw.map(events);
  if (split.rollup) parts.push(sql`SELECT ${ROLLUP_COLUMNS}, count AS n FROM event_facet_rollup_daily WHERE ${and([...intervalSql("day", split.rollup, true), ...conditions])}`);
  return { relation: Prisma.join(parts, " UNION ALL "), source: split.rollup ? "rollup" : "events" };
}
