import "server-only";
import { db } from "@/lib/db/client";
import type { EventFilter } from "@/lib/events/filters";
import { listEvents, type EventPage } from "@/lib/events/list-events";
import type { EventView } from "@/lib/events/view";
import { narrow } from "@/lib/events/filter-ops";

export interface ResourceSummary {
  gid: string;
  resourceType: string | null;
  resourceSubtype: string | null;
  /**
   * The newest name it was seen with (resources get renamed), as the resource table keeps it: a
   * deleted resource keeps it. Whole: the table's copy is cut at 1,000 characters, so the name is
   * read from the event the table took it from.
   */
  name: string | null;
  email: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
  actorCount: number;
}

/**
 * What the log says about one resource, over all time; null when no event touched it. Its
 * last known name is the resource table's (kept by the sync), read whole from the one event
 * the table took it from (the resource index at the table's last_seen); the newest type and
 * e-mail are read from the newest event that has one (the resource index in time order),
 * never gathered from all of them: a resource with ten thousand events of
 * 200,000-character names would otherwise make the database collect two gigabytes.
 */
export async function getResourceSummary(gid: string): Promise<ResourceSummary | null> {
  const [row] = await db().$queryRaw<
    Array<{ resource_type: string | null; resource_subtype: string | null; name: string | null; email: string | null; first_seen: Date; last_seen: Date; n: number; actors: number }>
  >`
    SELECT newest.resource_type, newest.resource_subtype,
           (SELECT COALESCE((SELECT e.resource_name FROM audit_event AS e
                             WHERE e.resource_gid = r.gid AND e.created_at = r.last_seen AND starts_with(e.resource_name, r.name) LIMIT 1), r.name)
            FROM resource AS r WHERE r.gid = ${gid}) AS name,
           (SELECT resource_email FROM audit_event WHERE resource_gid = ${gid} AND resource_email IS NOT NULL ORDER BY created_at DESC LIMIT 1) AS email,
           totals.first_seen, totals.last_seen, totals.n, totals.actors
    FROM (SELECT min(created_at) AS first_seen, max(created_at) AS last_seen, count(*)::int AS n, count(DISTINCT actor_key)::int AS actors
          FROM audit_event WHERE resource_gid = ${gid} HAVING count(*) > 0) AS totals
    CROSS JOIN LATERAL (SELECT resource_type, resource_subtype FROM audit_event WHERE resource_gid = ${gid} ORDER BY created_at DESC LIMIT 1) AS newest`;
  if (!row) return null;
  return {
    gid,
    resourceType: row.resource_type,
    resourceSubtype: row.resource_subtype,
    name: row.name,
    email: row.email,
    firstSeen: row.first_seen.toISOString(),
    lastSeen: row.last_seen.toISOString(),
    eventCount: row.n,
    actorCount: row.actors,
  };
}

export function resourceFilter(filter: EventFilter, gid: string): EventFilter {
  return narrow(filter, "resource", gid);
}

/** Every event that touched the resource, in time order, through the explorer's keyset pages. */
export function getResourceHistory(gid: string, filter: EventFilter, view: Pick<EventView, "sort" | "size" | "page">, now = new Date()): Promise<EventPage> {
  return listEvents({ filter: resourceFilter(filter, gid), sort: view.sort, size: view.size, page: view.page, now });
}
