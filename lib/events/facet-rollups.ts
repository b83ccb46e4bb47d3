import type { Dimension, EventFilter } from "./filters";
import { onlyOn } from "./filter-ops";
import { GEO_DIMENSIONS } from "./geo-values";

/**
 * The rollups the sync keeps that facet counts can be read from, each with the dimensions it
 * has a count per value of (`counts`) and the dimensions a filter may name to be answered by
 * it (`filters`: the columns it has, or for the per-value rollup the actor type beside it).
 *
 * - types: event_rollup_daily and event_rollup_hourly (whole days, then whole hours);
 * - facets: event_facet_rollup_daily and event_facet_rollup_hourly (whole days, then whole hours);
 * - values: event_value_rollup_monthly (whole months, then days of a month);
 * - places: its address rows joined to ip_location: a country or network is an address's,
 *   so conditions on addresses and their locations are checked on each address row.
 *
 * The ends of a range that no rollup holds whole are counted from audit_event, so a count is
 * exact whichever way it is read. The first rollup that can serve a dimension is used: the
 * types rollups before the facet ones, which have more rows for the same span.
 */
const TYPE_DIMENSIONS = ["eventType", "category", "actorType"] as const satisfies readonly Dimension[];
const FACET_DIMENSIONS = [...TYPE_DIMENSIONS, "resourceType", "contextType", "authMethod"] as const satisfies readonly Dimension[];

export const FACET_ROLLUPS = {
  types: { counts: TYPE_DIMENSIONS, filters: TYPE_DIMENSIONS },
  facets: { counts: FACET_DIMENSIONS, filters: FACET_DIMENSIONS },
  values: { counts: ["actor", "ip", "oauthApp"], filters: ["actorType"] },
  places: { counts: ["country", "asn"], filters: ["actorType", "ip", ...GEO_DIMENSIONS] },
} as const satisfies Record<string, { counts: readonly Dimension[]; filters: readonly Dimension[] }>;

export type FacetRollup = keyof typeof FACET_ROLLUPS;

/**
 * The one place that decides whether rollups can count `dimension` under `filter` (the filter
 * as that dimension is counted: its own selection already left out), and which: null when
 * the events themselves must be counted. Every condition of the filter has to be one the
 * rollup's columns can check; free text, a resource, an IP address or range, or an actor
 * next to any other dimension cannot be.
 */
export function rollupFor(filter: EventFilter, dimension: Dimension): FacetRollup | null {
  for (const name of Object.keys(FACET_ROLLUPS) as FacetRollup[]) {
    const rollup = FACET_ROLLUPS[name];
    if ((rollup.counts as readonly Dimension[]).includes(dimension) && onlyOn(filter, rollup.filters)) return name;
  }
  return null;
}
