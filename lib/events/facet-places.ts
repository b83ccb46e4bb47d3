import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALL_TIME } from "@/lib/events/filter-ops";
import { and, dimensionConditions, intervalSql, resolvedInterval, rollupValueParts, type SourceOptions } from "@/lib/stats/sources";
import { DAY_MS, splitRange, type Interval } from "@/lib/stats/spans";
import { emptyValues, type EventFilter } from "./filters";
import { LIST_TEXT_MAX } from "./event-row";
import type { FacetDimension, FacetValue, Relation } from "./facet-grouping";
import { eventConditions } from "./where";

const sql = Prisma.sql;

/**
 * Country and network counts. Both are properties of an address, so they are counted by
 * address: the per-value rollup's address rows (a row per address, month and actor type)
 * joined to ip_location, whenever the filter names nothing but addresses, their locations and
 * actor types; otherwise the matching events, joined the same way.
 */
const LOCATION = sql`(SELECT ip, country AS geo_country, asn::text AS geo_asn FROM ip_location)`;

export const countsPlaces = (dimensions: readonly FacetDimension[]) => dimensions.includes("country") || dimensions.includes("asn");

/** The events under `where` as a facet pass reads them, with their address's location when it counts one. */
export function eventsRelation(where: Prisma.Sql, dimensions: readonly FacetDimension[]): Relation {
  const from = countsPlaces(dimensions) ? sql`audit_event LEFT JOIN ${LOCATION} AS loc ON loc.ip = client_ip WHERE ${where}` : sql`audit_event WHERE ${where}`;
  return { from, count: "count(*)", inet: true };
}

/**
 * (client_ip, n, geo_country, geo_asn): events per located address over the filter's range,
 * from the per-value rollup's address rows for whole UTC days (the events themselves at the
 * range's ends), under the filter's actor types, with its other conditions (addresses and
 * their locations) checked on each address. An address without a row counts towards no
 * country or network, so the join is an inner one. The caller has checked that the filter
 * has no other conditions (rollupFor's "places").
 */
export function placesRelation(filter: EventFilter, options: SourceOptions): Relation {
  const byActorType: EventFilter = { ...filter, include: { ...emptyValues(), actorType: filter.include.actorType }, exclude: { ...emptyValues(), actorType: filter.exclude.actorType }, expression: null };
  const byAddress: EventFilter = { ...filter, time: ALL_TIME, include: { ...filter.include, actorType: [] }, exclude: { ...filter.exclude, actorType: [] } };
  const actorTypes = dimensionConditions(byActorType, options);
  const split = splitRange(resolvedInterval(filter, options.now), DAY_MS);
  // Grouped by the stored inet, and naming gid so that PostgreSQL reads the time index rather
  // than skip-scanning every address's (as valueCounts explains).
  const events = (range: Interval) =>
    sql`SELECT client_ip, count(*)::int AS n FROM audit_event WHERE ${and([...intervalSql("created_at", range), ...actorTypes, sql`client_ip IS NOT NULL`, sql`gid <> ''`])} GROUP BY client_ip`;
  const days = split.rollup ? rollupValueParts("ip", split.rollup, actorTypes).map((part) => sql`SELECT value::inet AS client_ip, n FROM (${part}) AS d WHERE n > 0`) : [];
  const counts = Prisma.join([...split.raw.map(events), ...days], " UNION ALL ");
  return {
    from: sql`(
      SELECT a.client_ip, a.n, loc.geo_country, loc.geo_asn FROM (${counts}) AS a JOIN ${LOCATION} AS loc ON loc.ip = a.client_ip
    ) AS r WHERE ${and(eventConditions(byAddress, { now: options.now }))}`,
    count: "sum(n)",
    inet: true,
  };
}

/** Each network's organisation as its label (one of them, should the databases give a number two names). */
export async function labelNetworks(values: FacetValue[] | undefined): Promise<void> {
  if (!values || values.length === 0) return;
  const numbers = values.map((v) => v.value).filter((v) => /^\d{1,10}$/.test(v));
  const rows = await db().$queryRaw<{ asn: string; org: string }[]>`
    SELECT DISTINCT ON (asn) asn::text AS asn, left(as_org, ${LIST_TEXT_MAX}) AS org FROM ip_location
    WHERE asn = ANY(${numbers}::bigint[]) AND as_org IS NOT NULL ORDER BY asn, as_org`;
  const byNumber = new Map(rows.map((r) => [r.asn, r.org]));
  for (const v of values) v.label = byNumber.get(v.value) ?? null;
}
