import { queryOptions } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";
import type { Sort } from "@/lib/events/view";
import { timelineQuery } from "@/lib/actors/query";
import { fetchJson } from "@/lib/query/query-client";
import type { ResourceSummary } from "./get-resource-history";

export const resourceKeys = {
  all: ["resources"] as const,
  summary: (gid: string) => [...resourceKeys.all, gid, "summary"] as const,
  events: (gid: string, filter: EventFilter, sort: Sort) => [...resourceKeys.all, gid, "events", eventSearch(filter), sort] as const,
};

export const resourceSummaryQuery = (gid: string) =>
  queryOptions({
    queryKey: resourceKeys.summary(gid),
    queryFn: ({ signal }) => fetchJson<ResourceSummary>(`/api/resources/${encodeURIComponent(gid)}`, { signal }),
    staleTime: 60_000,
  });

export const resourceEventsQuery = (gid: string, filter: EventFilter, sort: Sort) => timelineQuery(resourceKeys.events(gid, filter, sort), `/api/resources/${encodeURIComponent(gid)}/events`, filter, sort);
