import "server-only";
import { db } from "@/lib/db/client";
import { countryCode, countryName } from "@/lib/geo/country";
import { visibleText } from "@/lib/format/visible-text";

/** An event of the actor's timeline that was their first from a country or a network. */
export interface PlaceMarker {
  gid: string;
  kind: "first-country" | "first-sign-in-country" | "first-network" | "first-sign-in-network";
  label: string;
}

/** Countries and networks marked, each the newest first seen: an integration may use hundreds of networks. */
export const MARKED_PLACES = 100;

interface FirstRow {
  grouped: "country" | "network";
  country: string | null;
  asn: number | null;
  org: string | null;
  hosting: boolean;
  first_gid: string;
  first_sign_in_gid: string | null;
}

/**
 * Where the actor was first seen in each country and each network, over all their history:
 * the per-actor address rows the sync keeps (actor_used_value, with each address's first event
 * and first sign-in) joined to each address's location, so the cost is the actor's addresses,
 * not their events. Like the address markers these stand for, the very first country and
 * network an actor is seen in are marked too: their first event from anywhere.
 */
export async function getPlaceMarkers(key: string): Promise<PlaceMarker[]> {
  const rows = await db().$queryRaw<FirstRow[]>`
    WITH used AS (
      SELECT u.first_key, u.first_sign_in_key, l.asn, left(l.as_org, 200) AS org, l.hosting,
        CASE WHEN l.country ~ '^[A-Z]{2}$' THEN l.country END AS country
      FROM actor_used_value AS u JOIN ip_location AS l ON l.ip = u.value::inet
      WHERE u.actor_key = ${key} AND u.kind = 0
    ),
    firsts AS (
      SELECT country, asn, max(org) AS org, bool_or(hosting) AS hosting, min(first_key) AS first_key, min(first_sign_in_key) AS first_sign_in_key,
        CASE WHEN grouping(asn) = 1 THEN 'country' ELSE 'network' END AS grouped
      FROM used GROUP BY GROUPING SETS ((country), (asn))
    )
    SELECT grouped, country, asn, org, hosting, split_part(first_key, ' ', 2) AS first_gid, NULLIF(split_part(first_sign_in_key, ' ', 2), '') AS first_sign_in_gid
    FROM (
      SELECT *, row_number() OVER (PARTITION BY grouped ORDER BY first_key DESC) AS rank FROM firsts
      WHERE CASE grouped WHEN 'country' THEN country IS NOT NULL ELSE asn IS NOT NULL END
    ) AS ranked
    WHERE rank <= ${MARKED_PLACES}`;

  const markers: PlaceMarker[] = [];
  for (const row of rows) {
    let place: string;
    if (row.grouped === "country") {
      const code = row.country === null ? null : countryCode(row.country);
      if (!code) continue;
      place = countryName(code);
    } else {
      // Marker labels are badges: a name the database holds is shown visibly and cut short.
      place = `network ${row.org ? `${visibleText(row.org, 60)} ` : ""}(AS${row.asn})${row.hosting ? ", a hosting provider" : ""}`;
    }
    const [event, signIn] = row.grouped === "country" ? (["first-country", "first-sign-in-country"] as const) : (["first-network", "first-sign-in-network"] as const);
    if (row.first_sign_in_gid !== row.first_gid) markers.push({ gid: row.first_gid, kind: event, label: `First event from ${place}` });
    if (row.first_sign_in_gid) markers.push({ gid: row.first_sign_in_gid, kind: signIn, label: `First sign-in from ${place}` });
  }
  // A country before its network: the timeline shows an event's markers in this order.
  return markers.sort((a, b) => Number(a.kind.endsWith("network")) - Number(b.kind.endsWith("network")));
}
