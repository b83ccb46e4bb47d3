import { db } from "@/lib/db/client";

/**
 * Countries a synthetic domain's addresses are placed in, busiest first: repeated codes weigh
 * more, as real offices and homes cluster in a few countries. Singapore is too small for the
 * world map's scale: its events are listed beside the map.
 */
export const PLAUSIBLE_COUNTRIES = ["US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "IN", "IN", "JP", "BR", "CA", "AU", "NL", "SE", "ES", "IT", "PL", "SG", "MX", "ZA", "KR", "IE"];

/**
 * Gives every stored client address an ip_location row as the enrichment would, chosen by a
 * hash of the address so that reruns agree: one address in ten gets a row without a country
 * (a private or reserved range), one in ten none at all (not looked up yet). Tests, browser
 * tests and benchmarks that count by country need plausible places, not real lookups; an
 * address already placed keeps its place. $1: the countries to choose from.
 */
export const LOCATE_STORED_ADDRESSES = `
  INSERT INTO ip_location (ip, source, country)
  SELECT ip, 'test', CASE WHEN h % 10 = 0 THEN NULL ELSE ($1::text[])[1 + h % cardinality($1::text[])] END
  FROM (SELECT ip, abs(hashtext(host(ip))::bigint) AS h FROM (SELECT DISTINCT client_ip AS ip FROM audit_event WHERE client_ip IS NOT NULL) AS d) AS a
  WHERE h % 10 <> 1
  ON CONFLICT (ip) DO NOTHING`;

/** LOCATE_STORED_ADDRESSES on the app's database; returns how many addresses were placed. */
export async function locateStoredAddresses(): Promise<number> {
  const placed = await db().$executeRawUnsafe(LOCATE_STORED_ADDRESSES, PLAUSIBLE_COUNTRIES);
  await db().$executeRawUnsafe("ANALYZE ip_location");
  return placed;
}
