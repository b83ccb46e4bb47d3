import { drillDown } from "@/lib/events/filter-ops";
import { canFilter, filterOf } from "@/lib/events/filters";
import type { TimeRange } from "@/lib/events/time-range";

/**
 * The explorer's events of an actor over a range from one country or one network (its
 * `country` and `asn` filters), so that its count is the one the actor page shows. Null when
 * no filter can name the actor or the value.
 */
export function placeEventsHref(gid: string, time: TimeRange, place: { country: string } | { asn: number }): string | null {
  if (!canFilter("actor", gid)) return null;
  const ofActor = filterOf({ time, include: { actor: [gid] } });
  return "country" in place ? drillDown(ofActor, "country", place.country) : drillDown(ofActor, "asn", String(place.asn));
}
