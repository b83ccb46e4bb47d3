import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import { EARTH_RADIUS_KM, knownPoint, trip } from "@/lib/geo/travel";
import type { BatchEvent } from "./batch";
import { groupBy, isoTimes, keySpans } from "./collect";
import { run, type Tx } from "./db";
import type { Finding } from "./raise";
import type { travelSettings } from "./rule";
import { allOf } from "./rule-sql";

const sql = Prisma.sql;

type Settings = z.infer<typeof travelSettings>;

/** Half the Earth's circumference: no two places lie further apart. */
const FURTHEST_KM = Math.PI * EARTH_RADIUS_KM;

/**
 * How long before or after an event a trip from or to it can still be too fast: beyond it even
 * the furthest place on Earth was reachable. It bounds every search for a neighbour by time,
 * not by how many events an actor has.
 */
export const reachSeconds = (s: Settings): number => Math.ceil((Math.max(0, FURTHEST_KM - 2 * s.accuracyKm) / s.speedKmh) * 3_600) + 1;

interface End {
  lat: Prisma.Sql;
  lon: Prisma.Sql;
  at: Prisma.Sql;
}

/**
 * A value too close to 0 to matter taken as 0: PostgreSQL's float arithmetic raises an error
 * on underflow (radians(5e-324) fails the statement) where JavaScript quietly gives 0.
 */
const flushed = (x: Prisma.Sql) => sql`(CASE WHEN abs(${x}) < 1e-100 THEN 0::float8 ELSE ${x} END)`;

/**
 * The speed in km/h of a trip between two located events, as lib/geo/travel.ts's `trip`
 * reckons it for the actor page and the engine: the great circle (haversine, on the same
 * radius) less the accuracy allowance at each end, never below 0, over at least a second. In
 * SQL for the backtest, which reads a whole range at once (travel.test.ts holds the two to
 * the same figures).
 */
export function speedSql(a: End, b: End, accuracyKm: number): Prisma.Sql {
  const dLat = flushed(sql`(${b.lat} - ${a.lat})`);
  const dLon = flushed(sql`(${b.lon} - ${a.lon})`);
  const km = sql`greatest(0, 2 * ${EARTH_RADIUS_KM}::float8 * asin(least(1, sqrt(
    power(sin(radians(${dLat}) / 2), 2) + cos(radians(${flushed(a.lat)})) * cos(radians(${flushed(b.lat)})) * power(sin(radians(${dLon}) / 2), 2)
  ))) - 2 * ${accuracyKm}::float8)`;
  return sql`(${km} / (greatest(abs(extract(epoch FROM ${b.at} - ${a.at})), 1) / 3600.0))`;
}

/** An ip_location row's coordinates only when they are real ones (stored rows may hold NaN or 1e308). */
export const locatedSql = (alias: string): Prisma.Sql => {
  const l = Prisma.raw(alias);
  return sql`${l}.latitude BETWEEN -90 AND 90 AND ${l}.longitude BETWEEN -180 AND 180`;
};

/** Stored events read per batch at most: the stretches bound them by time, this by count. */
const MAX_ROWS = 100_000;

interface Located {
  k: string;
  gid: string;
  at: Date;
  latitude: number;
  longitude: number;
}

/**
 * Impossible travel among a batch's new events matching the rule: each one against its
 * previous and next located event by the same actor matching the same filter, from what is
 * stored (so a late event is judged between the two it falls between), within the time a trip
 * could still be too fast. The trips are reckoned by lib/geo/travel.ts, as the actor page
 * shows them; an event whose address has no known place is passed over (Berlin, somewhere
 * unknown, Tokyo an hour later is Berlin to Tokyo). An actor's too-fast trips are one finding
 * of their events, which the engine cuts by deduplication.
 */
export async function travelFindings(tx: Tx, settings: Settings, conditions: Prisma.Sql[], matched: BatchEvent[]): Promise<Finding[]> {
  const byActor = groupBy(matched, (e) => e.actorKey);
  if (byActor.size === 0) return [];
  const reachMs = reachSeconds(settings) * 1000;
  const spans = keySpans(byActor, reachMs, reachMs);
  // One range read per stretch, then one lookup of each row's place: nested loops by
  // construction (LATERAL with LIMIT), since with a backfill's statistics stale the planner
  // put ip_location outside and read every stretch once per address. The rule's conditions are
  // unqualified and so read the inner audit_event.
  const rows = await run<Located>(
    tx,
    sql`
    SELECT w.k, e.gid, e.at, l.latitude, l.longitude
    FROM unnest(${spans.map((s) => s.key)}::text[], ${isoTimes(spans.map((s) => s.from))}::timestamptz[], ${isoTimes(spans.map((s) => s.to))}::timestamptz[]) AS w(k, f, t)
    CROSS JOIN LATERAL (
      SELECT gid, created_at AS at, client_ip FROM audit_event
      WHERE ${allOf([sql`actor_key = w.k`, sql`created_at >= w.f`, sql`created_at <= w.t`, ...conditions])}
      LIMIT ${MAX_ROWS}
    ) AS e
    CROSS JOIN LATERAL (SELECT l.latitude, l.longitude FROM ip_location AS l WHERE l.ip = e.client_ip AND ${locatedSql("l")} LIMIT 1) AS l
    ORDER BY w.k, e.at, e.gid LIMIT ${MAX_ROWS}`,
  );
  const options = { maxSpeedKmh: settings.speedKmh, allowanceKm: settings.accuracyKm };
  const place = (r: Located) => ({ at: r.at, point: knownPoint(r.latitude, r.longitude) });
  const findings: Finding[] = [];
  for (const [key, list] of groupBy(rows, (r) => r.k)) {
    const fresh = new Map(byActor.get(key)!.map((e) => [e.gid, e]));
    const events = new Map<string, { gid: string; at: Date }>();
    let trigger: BatchEvent | null = null;
    for (let i = 0; i < list.length; i++) {
      const event = fresh.get(list[i]!.gid);
      if (!event) continue;
      for (const j of [i - 1, i + 1]) {
        const other = list[j];
        if (!other || !trip(place(list[i]!), place(other), options)?.impossible) continue;
        events.set(event.gid, { gid: event.gid, at: event.at });
        events.set(other.gid, { gid: other.gid, at: other.at });
        if (!trigger || event.at > trigger.at) trigger = event;
      }
    }
    if (trigger) findings.push({ key, events: [...events.values()], trigger });
  }
  return findings;
}
