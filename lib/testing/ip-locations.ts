import { db } from "@/lib/db/client";
import { addressesLocated } from "@/lib/geo/locate-page";

/**
 * Countries a synthetic domain's addresses are placed in, busiest first: repeated codes weigh
 * more, as real offices and homes cluster in a few countries. Singapore is too small for the
 * world map's scale: its events are listed beside the map.
 */
const PLAUSIBLE_COUNTRIES = ["US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "IN", "IN", "JP", "BR", "CA", "AU", "NL", "SE", "ES", "IT", "PL", "SG", "MX", "ZA", "KR", "IE"];

/**
 * Decides where every stored client address is, whatever the sync's enrichment found (once it
 * has finished, so that nothing it writes later changes the answer): a country chosen by a
 * hash of the address, a row without a country for one address in ten (a private or reserved
 * range) and no row at all for another (not looked up yet). Returns the addresses placed.
 */
export async function placeStoredAddresses(): Promise<number> {
  await addressesLocated();
  const placed = await db().$executeRaw`
    INSERT INTO ip_location (ip, source, country)
    SELECT ip, 'test', CASE WHEN h % 10 = 0 THEN NULL ELSE (${PLAUSIBLE_COUNTRIES}::text[])[1 + h % ${PLAUSIBLE_COUNTRIES.length}] END
    FROM (SELECT ip, abs(hashtext(host(ip))::bigint) AS h FROM (SELECT DISTINCT client_ip AS ip FROM audit_event WHERE client_ip IS NOT NULL) AS d) AS a
    WHERE h % 10 <> 1
    ON CONFLICT (ip) DO UPDATE SET source = EXCLUDED.source, country = EXCLUDED.country`;
  await db().$executeRaw`DELETE FROM ip_location WHERE source <> 'test'`;
  return placed;
}
