/**
 * How many events the facet panel counts one by one when no rollup can serve the filter (free
 * text, a resource, an IP address, an actor next to another condition). Counting is a pass
 * over the rows themselves (no index holds all nine columns).
 *
 * EXACT_BUDGET: up to this many rows led to by the indexes (the planner's estimate), every
 * matching event is counted: measured at 4–6 µs a row picked by time and checked for free
 * text with every dimension grouped (10M events, a 36,000-event day: 145–213 ms), four times
 * that a row picked by an actor, a type or an address (those are spread over the table, a page
 * read each), so about 100–150 ms at most, the facet panel's target. A rare term is counted
 * whole through the trigram index instead (text-search.ts).
 *
 * FACET_BUDGET: beyond that, only the newest this many of those rows are checked, and the
 * panel says that its counts are an estimate and over which window.
 */
export const EXACT_BUDGET = { clustered: 25_000, scattered: 25_000 } as const;
export const FACET_BUDGET = { clustered: 20_000, scattered: 5_000 } as const;
