import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import { overviewSearch } from "./search-params";
import { eventSearch } from "@/lib/events/search-params";
import { fetchJson } from "@/lib/query/query-client";
import type { PanelDataMap, Stack, StatPanel } from "./panels";

/**
 * The overview's queries, one per panel so that each loads, fails and retries on its own.
 * Keys carry the API's search string: the page's server prefetch (the data function itself)
 * and the browser's fetch share one cache entry.
 */
export function panelSearch(panel: StatPanel, filter: EventFilter, stack: Stack): string {
  const search = eventSearch(filter);
  const own = panel === "over-time" ? overviewSearch.search({ stack }) : "";
  return own ? `${search}${search ? "&" : "?"}${own.slice(1)}` : search;
}

export const statsKeys = {
  all: ["stats"] as const,
  panel: (panel: StatPanel, filter: EventFilter, stack: Stack) => [...statsKeys.all, panel, panelSearch(panel, filter, stack)] as const,
};

export const panelQuery = <P extends StatPanel>(panel: P, filter: EventFilter, stack: Stack) =>
  queryOptions({
    queryKey: statsKeys.panel(panel, filter, stack),
    queryFn: ({ signal }) => fetchJson<PanelDataMap[P]>(`/api/stats/${panel}${panelSearch(panel, filter, stack)}`, { signal }),
    // A new filter keeps the old chart on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
