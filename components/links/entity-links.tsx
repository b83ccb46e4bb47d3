import { canFilter, emptyFilter, isGid, type EventFilter } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";

/** Actor and resource pages exist for Asana's gids, which are digits; any other value is shown, not linked. */
export const hasPage = (gid: string | null): gid is string => gid !== null && isGid(gid);

/**
 * Every actor has a page under their key (actor_key(): the gid for users, else type and
 * e-mail or name), which also filters the explorer to them alone.
 */
export const hasActorPage = (key: string | null | undefined): key is string => typeof key === "string" && canFilter("actor", key);

/**
 * The page of an actor or resource, keeping the time range one came from (its other
 * conditions would hide most of the timeline: a timeline starts broad).
 */
export function actorHref(gid: string, from?: EventFilter): string {
  return `/actors/${encodeURIComponent(gid)}${from ? eventSearch(emptyFilter(from.time)) : ""}`;
}

export function resourceHref(gid: string, from?: EventFilter): string {
  return `/resources/${encodeURIComponent(gid)}${from ? eventSearch(emptyFilter(from.time)) : ""}`;
}
