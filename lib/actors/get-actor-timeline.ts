import "server-only";
import type { EventFilter } from "@/lib/events/filters";
import { listEvents, type EventPage } from "@/lib/events/list-events";
import type { EventView } from "@/lib/events/view";
import { countOverTime, type CountOverTime } from "@/lib/stats/count-over-time";
import { narrow } from "@/lib/stats/filter-ops";

/**
 * An actor's events under the page's filter: the explorer's own keyset pages with the actor
 * added to the filter, so "open in Events" shows the same rows and the same count.
 */
export function actorFilter(filter: EventFilter, gid: string): EventFilter {
  return narrow(filter, "actor", gid);
}

export function getActorTimeline(gid: string, filter: EventFilter, view: Pick<EventView, "sort" | "size" | "page">, now = new Date()): Promise<EventPage> {
  return listEvents({ filter: actorFilter(filter, gid), sort: view.sort, size: view.size, page: view.page, now });
}

/** The actor's activity histogram, stacked by category, over the filter's range. */
export function getActorActivity(gid: string, filter: EventFilter, now = new Date()): Promise<CountOverTime> {
  return countOverTime(actorFilter(filter, gid), { seriesBy: "category", now });
}
