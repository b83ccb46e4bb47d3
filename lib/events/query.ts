import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { EventCount } from "./count-events";
import type { FacetPartCounts } from "./count-facets";
import type { FacetPart } from "./facet-parts";
import type { EventFilter } from "./filters";
import type { EventDetail } from "./get-event";
import type { EventPage } from "./list-events";
import { eventSearch } from "./search-params";
import { DEFAULT_VIEW, encodeCursor, type Cursor, type EventView } from "./view";

/**
 * The explorer's queries. Keys carry the API's own search string, so the server's prefetch
 * (which calls the data functions directly) and the browser's fetch share one cache entry.
 */
type ListView = Pick<EventView, "sort" | "size" | "page">;

export const filterSearch = (filter: EventFilter) => eventSearch(filter);
export const listSearch = (filter: EventFilter, view: ListView) => eventSearch(filter, { ...DEFAULT_VIEW, sort: view.sort, size: view.size, page: view.page });

export const eventKeys = {
  all: ["events"] as const,
  list: (filter: EventFilter, view: ListView) => [...eventKeys.all, "list", listSearch(filter, view)] as const,
  count: (filter: EventFilter, exact = false) => [...eventKeys.all, "count", filterSearch(filter), exact] as const,
  facets: (filter: EventFilter, part: FacetPart) => [...eventKeys.all, "facets", part, filterSearch(filter)] as const,
  newer: (filter: EventFilter, since: Cursor) => [...eventKeys.all, "newer", filterSearch(filter), encodeCursor(since)] as const,
  detail: (gid: string) => [...eventKeys.all, "detail", gid] as const,
};

const withParam = (search: string, key: string, value: string) => `${search}${search ? "&" : "?"}${key}=${encodeURIComponent(value)}`;

export const eventListQuery = (filter: EventFilter, view: ListView, refreshMs: number | false = false) =>
  queryOptions({
    queryKey: eventKeys.list(filter, view),
    queryFn: ({ signal }) => fetchJson<EventPage>(`/api/events${listSearch(filter, view)}`, { signal }),
    // Keep the rows on screen while the next page or filter loads: no flash of skeletons.
    placeholderData: keepPreviousData,
    // Auto-refresh only moves the first page; a reader deep in the past keeps their rows.
    refetchInterval: view.page === null ? refreshMs : false,
  });

export const eventCountQuery = (filter: EventFilter, exact = false) =>
  queryOptions({
    queryKey: eventKeys.count(filter, exact),
    queryFn: ({ signal }) => fetchJson<EventCount>(`/api/events/count${exact ? withParam(filterSearch(filter), "exact", "1") : filterSearch(filter)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** One part of the facet panel's counts (facet-parts.ts): the places come in a request of their own. */
export const eventFacetsQuery = (filter: EventFilter, part: FacetPart) =>
  queryOptions({
    queryKey: eventKeys.facets(filter, part),
    queryFn: ({ signal }) => fetchJson<FacetPartCounts>(`/api/events/facets${withParam(filterSearch(filter), "part", part)}`, { signal }),
    placeholderData: keepPreviousData,
    staleTime: 60_000,
  });

export const newerEventsQuery = (filter: EventFilter, since: Cursor, refreshMs: number | false) =>
  queryOptions({
    queryKey: eventKeys.newer(filter, since),
    queryFn: ({ signal }) => fetchJson<{ count: number; capped: boolean }>(`/api/events/newer${withParam(filterSearch(filter), "since", encodeCursor(since))}`, { signal }),
    refetchInterval: refreshMs,
    enabled: refreshMs !== false,
  });

export const eventDetailQuery = (gid: string) =>
  queryOptions({
    queryKey: eventKeys.detail(gid),
    queryFn: ({ signal }) => fetchJson<EventDetail>(`/api/events/${encodeURIComponent(gid)}`, { signal }),
    staleTime: 5 * 60_000,
  });

/** The export's URL: the filter, the chosen columns and order, the zone (by name: the server cannot know "local") and the format. */
export function exportUrl(filter: EventFilter, view: Pick<EventView, "columns" | "sort">, format: "csv" | "ndjson", zone = "UTC"): string {
  return withParam(`/api/events/export${eventSearch(filter, { ...DEFAULT_VIEW, columns: view.columns, sort: view.sort, tz: zone === "UTC" ? "utc" : zone })}`, "format", format);
}
