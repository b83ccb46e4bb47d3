/**
 * Facets count at most this many events: the newest of those matching, which is every
 * matching event unless the set is large. Counting is a pass over the rows themselves (no
 * index holds all nine columns), so a fixed budget keeps the panel fast over any range; the
 * panel names the window when it is narrower than the range.
 *
 * Rows picked by time alone sit together on disk (the sync writes them in time order); rows
 * picked by an actor, a type or an address are spread over the whole table, a page read
 * each. Measured over a million events, the second kind costs about four times as much a
 * row, hence the smaller budget.
 */
export const FACET_BUDGET = { clustered: 20_000, scattered: 5_000 } as const;
