import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import { overviewSearch } from "./search-params";
import { eventSearch } from "@/lib/events/search-params";
import { fetchJson } from "@/lib/query/query-client";
import type { Interval } from "./buckets";
import type { PanelDataMap, Stack, StatPanel } from "./panels";

/** The time chart's zone (an IANA name: the browser resolves "local") and interval. */
export interface ChartOptions {
  zone: string;
  interval: Interval;
}

const UTC_CHART: ChartOptions = { zone: "UTC", interval: "auto" };

/**
 * The overview's queries, one per panel so that each loads, fails and retries on its own.
 * Keys carry the API's search string: the page's server prefetch (the data function itself)
 * and the browser's fetch share one cache entry.
 */
export function panelSearch(panel: StatPanel, filter: EventFilter, stack: Stack, chart: ChartOptions = UTC_CHART): string {
  if (panel !== "over-time") return eventSearch(filter);
  // The chart's days follow the zone: it goes by name (a calendar range already names it).
  const params = new URLSearchParams(eventSearch(filter));
  if (chart.zone !== "UTC") params.set("tz", chart.zone);
  for (const [key, value] of new URLSearchParams(overviewSearch.search({ stack, interval: chart.interval }))) params.set(key, value);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const statsKeys = {
  all: ["stats"] as const,
  panel: (panel: StatPanel, filter: EventFilter, stack: Stack, chart?: ChartOptions) => [...statsKeys.all, panel, panelSearch(panel, filter, stack, chart)] as const,
};

export const panelQuery = <P extends StatPanel>(panel: P, filter: EventFilter, stack: Stack, chart?: ChartOptions) =>
  queryOptions({
    queryKey: statsKeys.panel(panel, filter, stack, chart),
    queryFn: ({ signal }) => fetchJson<PanelDataMap[P]>(`/api/stats/${panel}${panelSearch(panel, filter, stack, chart)}`, { signal }),
    // A new filter keeps the old chart on screen, dimmed, until the new one arrives.
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });
