import { db } from "@/lib/db/client";

/**
 * Countries a synthetic domain's addresses are placed in, busiest first: repeated codes weigh
 * more, as real offices and homes cluster in a few countries.
 */
const PLAUSIBLE = ["US", "US", "US", "US", "GB", "GB", "DE", "DE", "FR", "IN", "IN", "JP", "BR", "CA", "AU", "NL", "SE", "ES", "IT", "PL", "SG", "MX", "ZA", "KR", "IE"];

/**
 * Gives every stored client address an ip_location row as the enrichment would, chosen by a
 * hash of the address so that reruns agree: one address in ten gets a row without a country
 * (a private or reserved range), one in ten none at all (not looked up yet). Tests and
 * benchmarks that count by country need plausible places, not real lookups.
 */
export async function locateStoredAddresses(): Promise<number> {
  const placed = await db().$executeRaw`
    INSERT INTO ip_location (ip, source, country)
    SELECT ip, 'test', CASE WHEN h % 10 = 0 THEN NULL ELSE (${PLAUSIBLE}::text[])[1 + h % ${PLAUSIBLE.length}] END
    FROM (SELECT ip, abs(hashtext(host(ip))::bigint) AS h FROM (SELECT DISTINCT client_ip AS ip FROM audit_event WHERE client_ip IS NOT NULL) AS d) AS a
    WHERE h % 10 <> 1
    ON CONFLICT (ip) DO NOTHING`;
  await db().$executeRawUnsafe("ANALYZE ip_location");
  return placed;
}
