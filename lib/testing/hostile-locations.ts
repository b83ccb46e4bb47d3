import type pg from "pg";
import { GEO_SOURCE } from "@/lib/geo/databases";

/**
 * Locations no database would give, for the addresses of two hostile events
 * (hostile-events.ts): ip_location is stored data like any other, so its texts may be
 * 200,000 characters with bidi controls, or "__proto__", and its numbers NaN or the largest
 * an int holds. The event dated 2099 (198.51.100.1) is placed in Germany by a hosting network
 * (a private AS number, so that no real network shares its label) whose name is 200,000
 * characters behind a right-to-left override; the "__proto__" event
 * (198.51.100.2) in a "country" named __proto__ at NaN, Infinity.
 */
export const HOSTILE_ORG = `\u202e${"A".repeat(200_000)}`;
export const HOSTILE_CITY = `Berlin\u200b${"\u0301".repeat(300)}`;

const LOCATIONS: LocationRow[] = [
  { ip: "198.51.100.1", country: "DE", region: "Land \u2067Berlin\u2069", city: HOSTILE_CITY, latitude: "52.52", longitude: "13.405", asn: 64512, org: HOSTILE_ORG, hosting: true },
  { ip: "198.51.100.2", country: "__proto__", region: "constructor", city: "toString", latitude: "NaN", longitude: "Infinity", asn: 2_147_483_647, org: "__proto__", hosting: false },
];

export interface LocationRow {
  ip: string;
  country: string | null;
  region: string | null;
  city: string | null;
  /** Text for what JSON has no number for: "NaN", "Infinity". */
  latitude: number | string | null;
  longitude: number | string | null;
  asn: number | null;
  org: string | null;
  hosting: boolean;
}

/**
 * Writes rows into ip_location, replacing what an enrichment wrote for those addresses, under
 * the databases' own source: a row of another source is looked up again by the background
 * pass (lib/geo/relocate.ts), which would put the real place back under the test.
 */
export async function writeLocations(client: pg.ClientBase, rows: readonly LocationRow[]): Promise<void> {
  await client.query(
    `INSERT INTO ip_location (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting)
     SELECT l.ip, $2, l.country, l.region, l.city, l.latitude, l.longitude, l.asn, l.org, l.hosting
     FROM json_to_recordset($1::json) AS l(ip inet, country text, region text, city text, latitude float8, longitude float8, asn int, org text, hosting boolean)
     ON CONFLICT (ip) DO UPDATE SET source = EXCLUDED.source, country = EXCLUDED.country, region = EXCLUDED.region, city = EXCLUDED.city,
       latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, asn = EXCLUDED.asn, as_org = EXCLUDED.as_org, hosting = EXCLUDED.hosting`,
    [JSON.stringify(rows), GEO_SOURCE],
  );
}

export async function removeLocations(client: pg.ClientBase, rows: readonly LocationRow[]): Promise<void> {
  await client.query("DELETE FROM ip_location WHERE ip = ANY($1::inet[])", [rows.map((l) => l.ip)]);
}

export const insertHostileLocations = (client: pg.ClientBase) => writeLocations(client, LOCATIONS);
export const removeHostileLocations = (client: pg.ClientBase) => removeLocations(client, LOCATIONS);
