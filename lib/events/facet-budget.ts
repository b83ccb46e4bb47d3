/**
 * How many events the facet panel counts one by one when no rollup can serve the filter (free
 * text, a resource, an IP address, an actor next to another condition). Counting is a pass
 * over the rows themselves (no index holds all nine columns).
 *
 * EXACT_BUDGET: up to this many rows led to by the indexes (the planner's estimate), every
 * matching event is counted: measured at about 5 µs a row picked by time, four times that a
 * row picked by an actor, a type or an address (those are spread over the table, a page read
 * each), so about half a second at most, well under the statement timeout.
 *
 * FACET_BUDGET: beyond that, only the newest this many of those rows are checked, and the
 * panel says that its counts are an estimate and over which window.
 */
export const EXACT_BUDGET = { clustered: 100_000, scattered: 25_000 } as const;
export const FACET_BUDGET = { clustered: 20_000, scattered: 5_000 } as const;
