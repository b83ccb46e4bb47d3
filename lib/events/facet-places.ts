import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALL_TIME } from "@/lib/events/filter-ops";
import { and, valueCounts, type SourceOptions } from "@/lib/stats/sources";
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
 * (client_ip, n, geo_country, geo_asn): events per address over the filter's range, from the
 * per-value rollup (raw events at the range's ends) under the filter's actor types, with the
 * filter's other conditions (addresses and their locations) checked on each address. The
 * caller has checked that the filter has no others (rollupFor's "places").
 */
export function placesRelation(filter: EventFilter, options: SourceOptions): Relation {
  const byActorType: EventFilter = {
    ...filter,
    include: { ...emptyValues(), actorType: filter.include.actorType },
    exclude: { ...emptyValues(), actorType: filter.exclude.actorType },
    expression: null,
  };
  const byAddress: EventFilter = {
    ...filter,
    time: ALL_TIME,
    include: { ...filter.include, actorType: [] },
    exclude: { ...filter.exclude, actorType: [] },
  };
  const { relation } = valueCounts(byActorType, "ip", options);
  const conditions = eventConditions(byAddress, { now: options.now });
  return {
    from: sql`(
      SELECT v.value::inet AS client_ip, v.n, loc.geo_country, loc.geo_asn
      FROM (${relation}) AS v LEFT JOIN ${LOCATION} AS loc ON loc.ip = v.value::inet
    ) AS r WHERE ${and(conditions)}`,
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
