import { intersect } from "@/lib/events/filter-ops";
import type { EventFilter } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";
import { countryCode } from "@/lib/geo/country";
import type { MapSubject } from "./panels";

/** Asana's one event type for a successful sign-in (a failure is user_login_failed). */
export const SIGN_IN_TYPE = "user_login_succeeded";

/**
 * The events the world map counts, as a filter of the explorer's model, so that a country's
 * link opens exactly the events its colour counts: the overview's filter, or its successful
 * sign-ins. Null when the filter leaves no sign-in to count (it names other event types only).
 */
export function mapFilter(filter: EventFilter, subject: MapSubject): EventFilter | null {
  return subject === "events" ? filter : intersect(filter, { include: { eventType: [SIGN_IN_TYPE] } });
}

/**
 * The explorer's table of the events the map counts in one country. The explorer's country
 * filter (`?country=DE`) is not part of the filter model on this branch yet: its key is set
 * on the explorer's own search string, which the model's serializer makes.
 */
export function countryHref(filter: EventFilter, subject: MapSubject, code: string): string | null {
  const counted = mapFilter(filter, subject);
  if (!counted || countryCode(code) !== code) return null;
  const search = new URLSearchParams(eventSearch(counted));
  search.set("country", code);
  return `/events?${search.toString()}`;
}
