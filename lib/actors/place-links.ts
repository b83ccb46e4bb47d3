import { canFilter, filterOf } from "@/lib/events/filters";
import { eventsHref } from "@/lib/events/filter-ops";
import type { TimeRange } from "@/lib/events/time-range";

/**
 * The explorer's events of an actor over a range from one country or one network: the
 * explorer's `country` (ISO alpha-2) and `asn` parameters, beside the actor and the range, so
 * that its count is the one the actor page shows. Null when no filter can name the actor.
 */
export function placeEventsHref(gid: string, time: TimeRange, place: { country: string } | { asn: number }): string | null {
  if (!canFilter("actor", gid)) return null;
  const [key, value] = "country" in place ? ["country", place.country] : ["asn", String(place.asn)];
  return `${eventsHref(filterOf({ time, include: { actor: [gid] } }))}&${key}=${encodeURIComponent(value)}`;
}
