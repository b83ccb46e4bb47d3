import "server-only";
import { db } from "@/lib/db/client";
import { EVENT_LIST_COLUMNS, LIST_TEXT_MAX, toEventRow, type DbEventRow, type EventRow } from "@/lib/events/event-row";
import { visibleText } from "@/lib/format/visible-text";
import { getPlaceMarkers, type PlaceMarker } from "./place-markers";

/** One thing an actor used (an address, a user agent, an auth method, an OAuth app) and when. */
export interface UsedValue {
  /** Cut at LIST_TEXT_MAX characters (`cut` then says so): a user agent can be any length. */
  value: string;
  cut?: boolean;
  firstSeen: string;
  lastSeen: string;
  count: number;
  /** The first event with it, for a link and a "new" marker in the timeline. */
  firstEventGid: string;
}

export const USED_KINDS = ["ip", "userAgent", "authMethod", "oauthApp"] as const;
export type UsedKind = (typeof USED_KINDS)[number];

/** Why an event of the actor's timeline is marked as new for them. */
export interface Marker {
  gid: string;
  kind: "first-ip" | "first-sign-in-ip" | "first-user-agent" | "first-auth-method" | "first-app" | "first-export" | PlaceMarker["kind"];
  label: string;
}

export interface ActorIdentity {
  /** Who they are in every link and filter: the gid for users, else type and e-mail or name (actor_key()). */
  key: string;
  /** Asana's gid: users only. */
  gid: string | null;
  actorType: string;
  name: string | null;
  email: string | null;
  firstSeen: string;
  lastSeen: string;
  eventCount: number;
}

/** Who an actor is, by key, from the actor table the sync keeps: one row, whatever their volume. */
export async function getActorIdentity(key: string): Promise<ActorIdentity | null> {
  const actor = await db().actor.findUnique({ where: { key } });
  if (!actor) return null;
  return {
    key: actor.key,
    gid: actor.gid,
    actorType: actor.actorType,
    name: actor.name,
    email: actor.email,
    firstSeen: actor.firstSeen.toISOString(),
    lastSeen: actor.lastSeen.toISOString(),
    eventCount: actor.eventCount,
  };
}

/** Values listed per kind, the newest first seen: an integration may use thousands of addresses. */
export const USED_LISTED = 100;

export interface ActorProfile {
  /** The actor's key (see ActorIdentity). */
  key: string;
  /** The newest USED_LISTED values of each kind, oldest first. */
  used: Record<UsedKind, UsedValue[]>;
  /** How many values of each kind they used in all. */
  usedCount: Record<UsedKind, number>;
  markers: Marker[];
  /** Role changes made to this person by others, newest first: shown among their own events. */
  roleChanges: EventRow[];
}

/** actor_used_value's kinds, in order; the first four are USED_KINDS. */
const SETS = ["ip", "userAgent", "authMethod", "oauthApp", "exports"] as const;

interface UsedRow {
  set: number;
  value: string;
  cut: boolean;
  value_count: number;
  first_seen: Date;
  last_seen: Date;
  n: number;
  first_gid: string;
  first_sign_in_gid: string | null;
  /** An address whose network is known: its first use is marked as a new network, or not at all. */
  located: boolean;
}

/**
 * What an actor used, each with when it was first seen, from the rows the sync keeps per actor
 * and value (actor_used_value, migration of that name): a few rows whatever the actor's volume,
 * where a pass over every event of the busiest actor took 0.6 s at 10 million. The "first" of
 * each value is over all time, whatever filter the timeline shows.
 */
export async function getActorProfile(key: string): Promise<ActorProfile | null> {
  const actor = await db().actor.findUnique({ where: { key }, select: { gid: true } });
  if (!actor) return null;
  const [rows, placeMarkers, roleChanges] = await Promise.all([
    db().$queryRaw<UsedRow[]>`
      SELECT kind AS set, left(value, ${LIST_TEXT_MAX}) AS value, value_length > ${LIST_TEXT_MAX} AS cut, first_seen, last_seen, n, value_count,
        split_part(first_key, ' ', 2) AS first_gid,
        NULLIF(split_part(first_sign_in_key, ' ', 2), '') AS first_sign_in_gid,
        CASE WHEN kind = 0 THEN EXISTS (SELECT FROM ip_location AS l WHERE l.ip = value::inet AND l.asn IS NOT NULL) ELSE false END AS located
      FROM (
        SELECT *, row_number() OVER (PARTITION BY kind ORDER BY first_seen DESC) AS rank, count(*) OVER (PARTITION BY kind)::int AS value_count
        FROM actor_used_value WHERE actor_key = ${key}
      ) AS ranked
      WHERE rank <= ${USED_LISTED}`,
    getPlaceMarkers(key),
    // Only a user (an actor with a gid) can be the resource of a role change.
    actor.gid === null
      ? []
      : db().$queryRaw<DbEventRow[]>`
      SELECT ${EVENT_LIST_COLUMNS} FROM audit_event
      WHERE resource_gid = ${actor.gid} AND event_category = 'roles'
      ORDER BY created_at DESC, gid DESC LIMIT 200`,
  ]);

  const used: Record<UsedKind, UsedValue[]> = { ip: [], userAgent: [], authMethod: [], oauthApp: [] };
  const usedCount: Record<UsedKind, number> = { ip: 0, userAgent: 0, authMethod: 0, oauthApp: 0 };
  // A country or network new for them goes ahead of anything else new in the same event.
  const markers: Marker[] = [...placeMarkers];
  for (const row of rows) {
    const set = SETS[row.set]!;
    if (set === "exports") {
      markers.push({ gid: row.first_gid, kind: "first-export", label: "First export" });
      continue;
    }
    used[set].push({ value: row.value, ...(row.cut ? { cut: true } : {}), firstSeen: row.first_seen.toISOString(), lastSeen: row.last_seen.toISOString(), count: row.n, firstEventGid: row.first_gid });
    usedCount[set] = row.value_count;
    // Marker labels are badges: a value Asana sent is shown visibly and cut short.
    const shown = visibleText(row.value, 60);
    // Another address of a network they already used (a new lease from their ISP) is not news.
    if (set === "ip" && !row.located) {
      if (row.first_sign_in_gid !== row.first_gid) markers.push({ gid: row.first_gid, kind: "first-ip", label: `First event from ${shown}` });
      if (row.first_sign_in_gid) markers.push({ gid: row.first_sign_in_gid, kind: "first-sign-in-ip", label: `First sign-in from ${shown}` });
    }
    if (set === "userAgent") markers.push({ gid: row.first_gid, kind: "first-user-agent", label: "First event with this user agent" });
    if (set === "authMethod") markers.push({ gid: row.first_gid, kind: "first-auth-method", label: `First use of ${shown}` });
    if (set === "oauthApp") markers.push({ gid: row.first_gid, kind: "first-app", label: `First use of ${shown}` });
  }
  for (const list of Object.values(used)) list.sort((a, b) => a.firstSeen.localeCompare(b.firstSeen));

  return { key, used, usedCount, markers, roleChanges: roleChanges.map(toEventRow) };
}
