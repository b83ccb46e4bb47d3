import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { and, dimensionConditions, intervalSql, resolvedInterval, type Source, type SourceOptions } from "@/lib/stats/sources";
import { DAY_MS, HOUR_MS, splitLevels, type Interval } from "@/lib/stats/spans";
import type { EventFilter } from "./filters";

const sql = Prisma.sql;

/** The columns of event_facet_rollup_daily, as audit_event's with a missing value as "". */
const FACET_COLUMNS = ["event_type", "event_category", "actor_type", "resource_type", "context_type", "auth_method"] as const;
const EVENT_COLUMNS = Prisma.raw(FACET_COLUMNS.map((c) => (c === "event_type" || c === "actor_type" ? c : `COALESCE(${c}, '') AS ${c}`)).join(", "));
const ROLLUP_COLUMNS = Prisma.raw(FACET_COLUMNS.join(", "));

/**
 * (event_type, event_category, actor_type, resource_type, context_type, auth_method, n): the
 * filter's events, whole UTC days read from event_facet_rollup_daily, whole hours at their
 * ends from event_facet_rollup_hourly, and the minutes left at the range's ends from
 * audit_event. The caller has checked that the rollups can serve the filter (rollupFor in
 * facet-rollups.ts).
 */
export function facetRollupCounts(filter: EventFilter, options: SourceOptions): { relation: Prisma.Sql; source: Source } {
  const conditions = dimensionConditions(filter, options);
  const events = (range: Interval) => sql`SELECT ${EVENT_COLUMNS}, 1 AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...conditions])}`;
  const levels = splitLevels(resolvedInterval(filter, options.now), [DAY_MS, HOUR_MS]);
  const parts = levels.raw.map(events);
  for (const { unit, interval } of levels.parts) {
    parts.push(
      unit === DAY_MS
        ? sql`SELECT ${ROLLUP_COLUMNS}, count AS n FROM event_facet_rollup_daily WHERE ${and([...intervalSql("day", interval, true), ...conditions])}`
        : sql`SELECT ${ROLLUP_COLUMNS}, count AS n FROM event_facet_rollup_hourly WHERE ${and([...intervalSql("bucket", interval), ...conditions])}`,
    );
  }
  return { relation: Prisma.join(parts, " UNION ALL "), source: levels.parts.length > 0 ? "rollup" : "events" };
}
