import "server-only";
import { estimateEvents } from "./count-events";
import type { EventFilter } from "./filters";
import { GEO_DIMENSIONS } from "./geo-values";
import { eventWhere, type WhereOptions } from "./where";

/**
 * Below this many matching events (the planner's estimate, which is close for a location: it
 * knows the addresses' share of the events), a page reads every match through the addresses'
 * index and sorts them; above it, matches are dense enough that the time index, read newest
 * first, meets a page of them soon. At 1M events a rare country (1,442 events) cost 1,768
 * buffers the first way against 27,957 the planner's way, and a common one (137,453) 888
 * buffers its way against 92,405 by address. 20,000 keeps both ends at tens of thousands of
 * rows up to 10M events.
 */
const BY_ADDRESS_BELOW = 20_000;

/** Whether the filter's included locations should be read by address (WhereOptions.placesByAddress). */
export async function placesByAddress(filter: EventFilter, options: WhereOptions): Promise<boolean> {
  if (!GEO_DIMENSIONS.some((d) => filter.include[d].length > 0)) return false;
  return (await estimateEvents(eventWhere(filter, { ...options, part: "indexed" }))) < BY_ADDRESS_BELOW;
}
