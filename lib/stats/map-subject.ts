import { drillDown, intersect } from "@/lib/events/filter-ops";
import type { EventFilter } from "@/lib/events/filters";
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

/** The explorer's table of the events the map counts in one country (its `country` filter); null for a code ISO does not know. */
export function countryHref(filter: EventFilter, subject: MapSubject, code: string): string | null {
  const counted = mapFilter(filter, subject);
  return counted && countryCode(code) === code ? drillDown(counted, "country", code) : null;
}
