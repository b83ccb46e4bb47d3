import { Prisma } from "@/lib/generated/prisma/client";

/**
 * Locations for the query benchmark's addresses. The emulator's addresses are mostly
 * documentation ranges, which the real databases leave unplaced; a benchmark of the country
 * filter needs countries with many events and a few with almost none, so each address gets a
 * place and a network picked by a hash of it (shares per thousand and per hundred below). A
 * row already there (the sync's own enrichment) is kept.
 */
const PLACES: Array<[country: string | null, region: string | null, city: string | null, lat: number | null, lon: number | null, perMille: number]> = [
  ["US", "Virginia", "Ashburn", 39.04, -77.49, 200],
  ["US", "New York", "New York", 40.71, -74.01, 100],
  ["DE", "Land Berlin", "Berlin", 52.52, 13.4, 90],
  ["DE", "Hesse", "Frankfurt am Main", 50.11, 8.68, 60],
  ["GB", "England", "London", 51.51, -0.13, 100],
  ["FR", "Île-de-France", "Paris", 48.86, 2.35, 70],
  ["NL", "North Holland", "Amsterdam", 52.37, 4.9, 50],
  ["JP", "Tokyo", "Tokyo", 35.68, 139.69, 50],
  ["IN", "Karnataka", "Bengaluru", 12.97, 77.59, 40],
  ["BR", "São Paulo", "São Paulo", -23.55, -46.63, 40],
  ["CA", "Ontario", "Toronto", 43.65, -79.38, 40],
  ["AU", "New South Wales", "Sydney", -33.87, 151.21, 30],
  ["SG", null, "Singapore", 1.29, 103.85, 20],
  ["IE", "Leinster", "Dublin", 53.35, -6.26, 20],
  ["ES", "Madrid", "Madrid", 40.42, -3.7, 15],
  ["SE", "Stockholm County", "Stockholm", 59.33, 18.07, 10],
  ["NG", "Lagos", "Lagos", 6.45, 3.4, 3],
  ["IS", "Capital Region", "Reykjavik", 64.15, -21.94, 2],
  [null, null, null, null, null, 60],
];

const NETWORKS: Array<[asn: number | null, org: string | null, hosting: boolean, perCent: number]> = [
  [7922, "Comcast Cable Communications, LLC", false, 20],
  [3320, "Deutsche Telekom AG", false, 15],
  [2856, "British Telecommunications PLC", false, 10],
  [3215, "Orange S.A.", false, 10],
  [4713, "NTT Communications Corporation", false, 5],
  [16509, "Amazon.com, Inc.", true, 12],
  [15169, "Google LLC", true, 8],
  [8075, "Microsoft Corporation", true, 8],
  [14061, "DigitalOcean, LLC", true, 5],
  [24940, "Hetzner Online GmbH", true, 4],
  [null, null, false, 3],
];

function ranges<T extends unknown[]>(rows: T[], share: (row: T) => number): Array<{ row: T; lo: number; hi: number }> {
  let lo = 0;
  return rows.map((row) => {
    const hi = lo + share(row);
    const range = { row, lo, hi };
    lo = hi;
    return range;
  });
}

/** Adds a row per address seen in the events that has none; returns the rows added. */
export async function locateBenchAddresses(): Promise<number> {
  const { db } = await import("@/lib/db/client");
  const places = ranges(PLACES, (p) => p[5]).map(({ row: [country, region, city, lat, lon], lo, hi }) => Prisma.sql`(${country}::text, ${region}::text, ${city}::text, ${lat}::float8, ${lon}::float8, ${lo}::int, ${hi}::int)`);
  const networks = ranges(NETWORKS, (n) => n[3]).map(({ row: [asn, org, hosting], lo, hi }) => Prisma.sql`(${asn}::int, ${org}::text, ${hosting}::boolean, ${lo}::int, ${hi}::int)`);
  const added = await db().$executeRaw`
    INSERT INTO ip_location (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting)
    SELECT a.ip, 'bench', p.country, p.region, p.city, p.lat, p.lon,
      CASE WHEN p.country IS NOT NULL THEN n.asn END, CASE WHEN p.country IS NOT NULL THEN n.org END, p.country IS NOT NULL AND n.hosting
    FROM (SELECT ip, abs(hashtext(host(ip))::bigint) AS h FROM (SELECT DISTINCT client_ip AS ip FROM audit_event WHERE client_ip IS NOT NULL) d) a
    JOIN (VALUES ${Prisma.join(places)}) AS p(country, region, city, lat, lon, lo, hi) ON a.h % 1000 >= p.lo AND a.h % 1000 < p.hi
    JOIN (VALUES ${Prisma.join(networks)}) AS n(asn, org, hosting, lo, hi) ON (a.h / 1000) % 100 >= n.lo AND (a.h / 1000) % 100 < n.hi
    ON CONFLICT (ip) DO NOTHING`;
  await db().$executeRawUnsafe("ANALYZE ip_location");
  return added;
}

type ShapeOf = (name: string, text: string) => void;

/**
 * The location filters' shapes: a country with many events and one with few (each read its
 * own way, geo-plan.ts), one with none, a network, an organisation, hosting, unknown places,
 * and the facets under them. Picked from what the archive holds.
 */
export async function registerGeoShapes(pageShape: (group: string, name: string, text: string) => void, facetShape: ShapeOf): Promise<void> {
  const { db } = await import("@/lib/db/client");
  const { COUNTRY_CODES } = await import("@/lib/geo/country");
  const countries = await db().$queryRaw<{ country: string; n: number }[]>`
    SELECT l.country, sum(r.total)::int AS n FROM event_value_rollup_monthly r JOIN ip_location l ON l.ip = r.value::inet
    WHERE r.dimension = 'ip' AND l.country IS NOT NULL GROUP BY 1 ORDER BY 2 DESC`;
  const networks = await db().$queryRaw<{ asn: number; org: string }[]>`
    SELECT asn, min(as_org) AS org FROM ip_location WHERE asn IS NOT NULL AND as_org IS NOT NULL GROUP BY asn ORDER BY count(*) DESC LIMIT 1`;
  if (countries.length === 0 || networks.length === 0) return;
  const common = countries[0]!;
  const rare = countries[countries.length - 1]!;
  const none = COUNTRY_CODES.find((c) => !countries.some((k) => k.country === c))!;
  const network = networks[0]!;
  const word = network.org.split(/[\s,.]+/)[0]!;

  const group = "location filters (all time)";
  pageShape(group, `country, common (${common.country}: ${common.n.toLocaleString("en-US")} events)`, `country:${common.country} since:all`);
  pageShape(group, `country, rare (${rare.country}: ${rare.n.toLocaleString("en-US")} events)`, `country:${rare.country} since:all`);
  pageShape(group, `country with no events (${none})`, `country:${none} since:all`);
  pageShape(group, "country, last 7 days", `country:${common.country} since:7d`);
  pageShape(group, "countries excluded", `-country:${common.country},${countries[1]?.country ?? rare.country} since:all`);
  pageShape(group, `network (AS${network.asn})`, `asn:${network.asn} since:all`);
  pageShape(group, `network owner (org:${word})`, `org:${word} since:all`);
  pageShape(group, "hosting providers", "hosting:true since:all");
  pageShape(group, "unknown location (ip:* -country:*)", "ip:* -country:* since:7d");
  pageShape(group, "country and event type", `country:${rare.country} type:user_login_succeeded since:all`);

  facetShape("facets, last 7 days, countries and networks (rollups)", "since:7d");
  facetShape(`facets, common country, 30 days (${common.country})`, `country:${common.country} since:30d`);
  facetShape(`facets, rare country, all time (${rare.country})`, `country:${rare.country} since:all`);
  facetShape("facets, hosting providers, 7 days", "hosting:true since:7d");
}
