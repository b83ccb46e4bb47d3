import { infiniteQueryOptions, keepPreviousData, queryOptions } from "@tanstack/react-query";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import type { EventPage } from "@/lib/events/list-events";
import { listSearch } from "@/lib/events/query";
import { eventSearch } from "@/lib/events/search-params";
import type { TimeRange } from "@/lib/events/time-range";
import type { Sort } from "@/lib/events/view";
import { fetchJson } from "@/lib/query/query-client";
import type { ActorIdentity, ActorProfile } from "./get-actor-profile";
import type { ActorPlaces } from "./get-actor-places";
import type { SignInPage } from "./get-actor-sign-ins";
import type { ActorActivity } from "./get-actor-timeline";
import type { ActorList } from "./list-actors";
import { TIMELINE_PAGE_SIZE } from "./params";
import { actorListSearch, type ActorListInput } from "./search-params";

export const actorKeys = {
  all: ["actors"] as const,
  list: (input: ActorListInput) => [...actorKeys.all, "list", actorListSearch.search(input)] as const,
  identity: (gid: string) => [...actorKeys.all, gid, "identity"] as const,
  profile: (gid: string) => [...actorKeys.all, gid, "profile"] as const,
  activity: (gid: string, filter: EventFilter, zone = "UTC") => [...actorKeys.all, gid, "activity", activitySearch(filter, zone)] as const,
  events: (gid: string, filter: EventFilter, sort: Sort) => [...actorKeys.all, gid, "events", eventSearch(filter), sort] as const,
  places: (gid: string, time: TimeRange) => [...actorKeys.all, gid, "places", rangeSearch(time)] as const,
  signIns: (gid: string, time: TimeRange) => [...actorKeys.all, gid, "sign-ins", rangeSearch(time)] as const,
};

/** Places and sign-ins follow the page's time range only: the other filters would leave "consecutive" meaningless. */
const rangeSearch = (time: TimeRange) => eventSearch(filterOf({ time }));

export const actorListQuery = (input: ActorListInput) =>
  queryOptions({
    queryKey: actorKeys.list(input),
    queryFn: ({ signal }) => fetchJson<ActorList>(`/api/actors${actorListSearch.search(input)}`, { signal }),
    placeholderData: keepPreviousData,
  });

export const actorIdentityQuery = (gid: string) =>
  queryOptions({
    queryKey: actorKeys.identity(gid),
    queryFn: ({ signal }) => fetchJson<ActorIdentity>(`/api/actors/${encodeURIComponent(gid)}`, { signal }),
    staleTime: 60_000,
  });

export const actorProfileQuery = (gid: string) =>
  queryOptions({
    queryKey: actorKeys.profile(gid),
    queryFn: ({ signal }) => fetchJson<ActorProfile>(`/api/actors/${encodeURIComponent(gid)}/profile`, { signal }),
    staleTime: 60_000,
  });

/** The activity chart's search: the filter and, by name, the zone its days follow. */
function activitySearch(filter: EventFilter, zone: string): string {
  return eventSearch(filter, { tz: zone === "UTC" ? "utc" : zone });
}

export const actorActivityQuery = (gid: string, filter: EventFilter, zone = "UTC") =>
  queryOptions({
    queryKey: actorKeys.activity(gid, filter, zone),
    queryFn: ({ signal }) => fetchJson<ActorActivity>(`/api/actors/${encodeURIComponent(gid)}/activity${activitySearch(filter, zone)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** The page after a `next` cursor ("<time>~<gid>"), or the first page. */
function pageAfter(next: string | null): { after: { at: string; gid: string } } | null {
  const [at, gid] = next ? (next.split("~") as [string, string]) : [];
  return at && gid ? { after: { at, gid } } : null;
}

/** Keyset pages, each `after` the last: "Load older" appends, nothing shifts under the reader. */
export const timelineQuery = (key: readonly unknown[], path: string, filter: EventFilter, sort: Sort) =>
  infiniteQueryOptions({
    queryKey: key,
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchJson<EventPage>(`${path}${listSearch(filter, { sort, size: TIMELINE_PAGE_SIZE, page: pageAfter(pageParam) })}`, { signal }),
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });

export const actorEventsQuery = (gid: string, filter: EventFilter, sort: Sort) => timelineQuery(actorKeys.events(gid, filter, sort), `/api/actors/${encodeURIComponent(gid)}/events`, filter, sort);

export const actorPlacesQuery = (gid: string, time: TimeRange) =>
  queryOptions({
    queryKey: actorKeys.places(gid, time),
    queryFn: ({ signal }) => fetchJson<ActorPlaces>(`/api/actors/${encodeURIComponent(gid)}/places${rangeSearch(time)}`, { signal }),
    placeholderData: keepPreviousData,
  });

/** Sign-ins newest first, "Load older" appending a keyset page. */
export const actorSignInsQuery = (gid: string, time: TimeRange) =>
  infiniteQueryOptions({
    queryKey: actorKeys.signIns(gid, time),
    initialPageParam: null as string | null,
    queryFn: ({ pageParam, signal }) => fetchJson<SignInPage>(`/api/actors/${encodeURIComponent(gid)}/sign-ins${eventSearch(filterOf({ time }), { page: pageAfter(pageParam) })}`, { signal }),
    getNextPageParam: (last) => last.next,
    placeholderData: keepPreviousData,
  });
