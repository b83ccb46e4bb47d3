import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import { overviewSearch } from "./search-params";
import { eventSearch } from "@/lib/events/search-params";
import { fetchJson } from "@/lib/query/query-client";
import type { Interval } from "./buckets";
import type { MapSubject, PanelDataMap, Stack, StatPanel } from "./panels";

/** The time chart's zone (an IANA name: the browser resolves "local") and interval. */
export interface ChartOptions {
  zone: string;
  interval: Interval;
}

/** The overview's own settings a panel may depend on; each panel's key holds only its own. */
export interface PanelView {
  stack?: Stack;
  chart?: ChartOptions;
  map?: MapSubject;
}

const UTC_CHART: ChartOptions = { zone: "UTC", interval: "auto" };

/**
 * The overview's queries, one per panel so that each loads, fails and retries on its own.
 * Keys carry the API's search string: the page's server prefetch (the data function itself)
 * and the browser's fetch share one cache entry.
 */
export function panelSearch(panel: StatPanel, filter: EventFilter, view: PanelView = {}): string {
  const own = panel === "over-time" ? { stack: view.stack, interval: (view.chart ?? UTC_CHART).interval } : panel === "map" ? { map: view.map } : null;
  if (own === null) return eventSearch(filter);
  const params = new URLSearchParams(eventSearch(filter));
  // The chart's days follow the zone: it goes by name (a calendar range already names it).
  const zone = (view.chart ?? UTC_CHART).zone;
  if (panel === "over-time" && zone !== "UTC") params.set("tz", zone);
  for (const [key, value] of new URLSearchParams(overviewSearch.search(own))) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const statsKeys = {
  all: ["stats"] as const,
  panel: (panel: StatPanel, filter: EventFilter, view?: PanelView) => [...statsKeys.all, panel, panelSearch(panel, filter, view)] as const,
};

export const panelQuery = <P extends StatPanel>(panel: P, filter: EventFilter, view?: PanelView) =>
  queryOptions({
    queryKey: statsKeys.panel(panel, filter, view),
    queryFn: ({ signal }) => fetchJson<PanelDataMap[P]>(`/api/stats/${panel}${panelSearch(panel, filter, view)}`, { signal }),
    // A new filter keeps the old chart on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
