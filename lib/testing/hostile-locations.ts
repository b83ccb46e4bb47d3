import type pg from "pg";

/**
 * Locations no database would give, for the addresses of two hostile events
 * (hostile-events.ts): ip_location is stored data like any other, so its texts may be
 * 200,000 characters with bidi controls, or "__proto__", and its numbers NaN or the largest
 * an int holds. The event dated 2099 (198.51.100.1) is placed in Germany by a hosting network
 * whose name is 200,000 characters behind a right-to-left override; the "__proto__" event
 * (198.51.100.2) in a "country" named __proto__ at NaN, Infinity.
 */
export const HOSTILE_ORG = `\u202e${"A".repeat(200_000)}`;
export const HOSTILE_CITY = `Berlin\u200b${"\u0301".repeat(300)}`;

const LOCATIONS = [
  { ip: "198.51.100.1", country: "DE", region: "Land \u2067Berlin\u2069", city: HOSTILE_CITY, latitude: "52.52", longitude: "13.405", asn: 3320, org: HOSTILE_ORG, hosting: true },
  { ip: "198.51.100.2", country: "__proto__", region: "constructor", city: "toString", latitude: "NaN", longitude: "Infinity", asn: 2_147_483_647, org: "__proto__", hosting: false },
];

/**
 * Writes them, replacing what an enrichment wrote for these documentation addresses, under
 * the source the table's other rows have (else a pass that looks rows of another source up
 * again would put them back).
 */
export async function insertHostileLocations(client: pg.ClientBase): Promise<void> {
  await client.query(
    `INSERT INTO ip_location (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting)
     SELECT l.ip, COALESCE((SELECT source FROM ip_location ORDER BY located_at DESC LIMIT 1), 'hostile'), l.country, l.region, l.city, l.latitude, l.longitude, l.asn, l.org, l.hosting
     FROM json_to_recordset($1::json) AS l(ip inet, country text, region text, city text, latitude float8, longitude float8, asn int, org text, hosting boolean)
     ON CONFLICT (ip) DO UPDATE SET country = EXCLUDED.country, region = EXCLUDED.region, city = EXCLUDED.city, latitude = EXCLUDED.latitude,
       longitude = EXCLUDED.longitude, asn = EXCLUDED.asn, as_org = EXCLUDED.as_org, hosting = EXCLUDED.hosting, source = EXCLUDED.source`,
    [JSON.stringify(LOCATIONS)],
  );
}

export async function removeHostileLocations(client: pg.ClientBase): Promise<void> {
  await client.query("DELETE FROM ip_location WHERE ip = ANY($1::inet[])", [LOCATIONS.map((l) => l.ip)]);
}
