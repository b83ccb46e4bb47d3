import "server-only";
import { db } from "@/lib/db/client";
import { resolveTimeRange, type TimeRange } from "@/lib/events/time-range";
import type { EventPlace, PlaceText } from "@/lib/events/place";
import { encodeCursor, type Cursor } from "@/lib/events/view";
import { Prisma } from "@/lib/generated/prisma/client";
import { countryCode } from "@/lib/geo/country";
import { CITY_ACCURACY_KM, IMPOSSIBLE_SPEED_KMH, knownPoint, legs } from "@/lib/geo/travel";

export interface SignIn {
  gid: string;
  at: string;
  ip: string | null;
  /** null: the address has no location (not looked up, or a range no database places). Coordinates only when real ones. */
  place: EventPlace | null;
  /** The trip from the latest earlier sign-in with a known place, if one is among the LOOKBACK before it. */
  leg: { fromGid: string; fromAt: string; from: EventPlace; distanceKm: number; elapsedMs: number; speedKmh: number; impossible: boolean } | null;
}

export interface SignInPage {
  signIns: SignIn[];
  /** `after` of the next (older) page, null on the last one. */
  next: string | null;
  maxSpeedKmh: number;
  allowanceKm: number;
}

/**
 * Earlier sign-ins read past a page to find where its oldest ones came from: a run of sign-ins
 * from unknown places longer than this leaves the trip before it unmeasured (said as such).
 */
export const LOOKBACK = 50;
const TEXT_MAX = 200;

interface SignInRow {
  gid: string;
  created_at: Date;
  ip: string | null;
  country: string | null;
  region: string | null;
  city: string | null;
  latitude: number | null;
  longitude: number | null;
  asn: number | null;
  org: string | null;
  hosting: boolean | null;
  has_location: boolean;
  /** Whole lengths of the texts cut at TEXT_MAX. */
  region_length: number | null;
  city_length: number | null;
  org_length: number | null;
}

/**
 * The actor's successful sign-ins in a time range, newest first, a page at a time (keyset on
 * created_at, gid), each with its place and the trip from the sign-in before it: distance less
 * the allowance for city-level accuracy, time between, implied speed, and whether that speed
 * is impossible (lib/geo/travel.ts, as the impossible-travel rule judges). The sign-in before
 * may be older than the range.
 */
export async function getActorSignIns(key: string, time: TimeRange, page: { size: number; after: Cursor | null }, now = new Date()): Promise<SignInPage> {
  const range = resolveTimeRange(time, now);
  const rows = await db().$queryRaw<SignInRow[]>`
    SELECT e.gid, e.created_at, host(e.client_ip) AS ip, l.ip IS NOT NULL AS has_location,
      CASE WHEN l.country ~ '^[A-Z]{2}$' THEN l.country END AS country, left(l.region, ${TEXT_MAX}) AS region, left(l.city, ${TEXT_MAX}) AS city,
      l.latitude, l.longitude, l.asn, left(l.as_org, ${TEXT_MAX}) AS org, l.hosting,
      length(l.region) AS region_length, length(l.city) AS city_length, length(l.as_org) AS org_length
    FROM audit_event AS e LEFT JOIN ip_location AS l ON l.ip = e.client_ip
    WHERE e.actor_key = ${key} AND e.event_type = 'user_login_succeeded'
      ${range.to ? Prisma.sql`AND e.created_at < ${range.to}` : Prisma.empty}
      ${page.after ? Prisma.sql`AND (e.created_at, e.gid) < (${new Date(page.after.at)}, ${page.after.gid})` : Prisma.empty}
    ORDER BY e.created_at DESC, e.gid DESC
    LIMIT ${page.size + 1 + LOOKBACK}`;

  const places = rows.map(placeOf);
  const chronological = rows.map((row, i) => ({ at: row.created_at, point: places[i] ? knownPoint(places[i].latitude, places[i].longitude) : null })).reverse();
  const trips = legs(chronological, { maxSpeedKmh: IMPOSSIBLE_SPEED_KMH, allowanceKm: CITY_ACCURACY_KM }).reverse();
  const inRange = (row: SignInRow) => !range.from || row.created_at >= range.from;
  const shown = rows.slice(0, page.size).filter(inRange);
  const last = shown[shown.length - 1];
  const more = shown.length === page.size && rows[page.size] !== undefined && inRange(rows[page.size]!);

  return {
    signIns: shown.map((row, i) => {
      const leg = trips[i];
      const from = leg ? rows[rows.length - 1 - leg.from] : undefined;
      return {
        gid: row.gid,
        at: row.created_at.toISOString(),
        ip: row.ip,
        place: places[i] ?? null,
        leg: leg && from ? { fromGid: from.gid, fromAt: from.created_at.toISOString(), from: places[rows.length - 1 - leg.from]!, ...leg.trip } : null,
      };
    }),
    next: more && last ? encodeCursor({ at: last.created_at.toISOString(), gid: last.gid }) : null,
    maxSpeedKmh: IMPOSSIBLE_SPEED_KMH,
    allowanceKm: CITY_ACCURACY_KM,
  };
}

function placeOf(row: SignInRow): EventPlace | null {
  if (!row.has_location) return null;
  const point = knownPoint(row.latitude, row.longitude);
  const cut: Partial<Record<PlaceText, number>> = {};
  for (const [field, length] of [["region", row.region_length], ["city", row.city_length], ["org", row.org_length]] as const) if (length !== null && length > TEXT_MAX) cut[field] = length;
  return {
    // A two-letter value no ISO list knows ("ZZ") is as good as no country.
    country: row.country === null ? null : countryCode(row.country),
    region: row.region,
    city: row.city,
    latitude: point?.latitude ?? null,
    longitude: point?.longitude ?? null,
    located: point !== null,
    asn: row.asn,
    org: row.org,
    hosting: row.hosting === true,
    ...(Object.keys(cut).length > 0 ? { cut } : {}),
  };
}
