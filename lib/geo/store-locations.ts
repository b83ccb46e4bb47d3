import { dbPool } from "@/lib/db/client";
import { parseAddress, type Address } from "./address";
import { GEO_SOURCE } from "./databases";
import type { AddressLocation, Locator } from "./locate";

/**
 * Writes where each address is into ip_location, one row per address: a new address is
 * inserted, a row located under another source (an older database) is replaced, and a row of
 * this source is left as it is, so a replay writes nothing. Rows go in address order, so that
 * the sync's enrichment and the background pass (relocate.ts) lock shared rows in one order
 * rather than deadlock. The addresses must be distinct as inet sees them (Address.key).
 * Returns the rows written.
 */
const UPSERT = `
INSERT INTO ip_location AS l (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting, located_at)
SELECT ip, $1, country, region, city, latitude, longitude, asn, as_org, hosting, now()
FROM unnest($2::inet[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::float8[], $8::int[], $9::text[], $10::bool[])
  AS r(ip, country, region, city, latitude, longitude, asn, as_org, hosting)
ORDER BY ip
ON CONFLICT (ip) DO UPDATE SET source = EXCLUDED.source, country = EXCLUDED.country, region = EXCLUDED.region, city = EXCLUDED.city,
  latitude = EXCLUDED.latitude, longitude = EXCLUDED.longitude, asn = EXCLUDED.asn, as_org = EXCLUDED.as_org,
  hosting = EXCLUDED.hosting, located_at = EXCLUDED.located_at
WHERE l.source <> EXCLUDED.source`;

export interface AddressToStore {
  /** The address as stored in audit_event (any spelling inet reads). */
  text: string;
  address: Address;
}

/** Lookups between two yields to the event loop: the sync shares its process with the pages. */
const LOOKUPS_PER_TURN = 250;

/** The texts that are addresses, one per address as inet tells them apart (the first spelling wins). */
export function distinctAddresses(texts: readonly string[]): AddressToStore[] {
  const byKey = new Map<string, AddressToStore>();
  for (const text of texts) {
    const address = parseAddress(text);
    if (address && !byKey.has(address.key)) byKey.set(address.key, { text, address });
  }
  return [...byKey.values()];
}

export async function storeLocations(locator: Locator, addresses: readonly AddressToStore[], source = GEO_SOURCE): Promise<number> {
  if (addresses.length === 0) return 0;
  const located: AddressLocation[] = [];
  for (let i = 0; i < addresses.length; i += LOOKUPS_PER_TURN) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    for (const a of addresses.slice(i, i + LOOKUPS_PER_TURN)) located.push(locator.locateAddress(a.address));
  }
  const column = <K extends keyof (typeof located)[number]>(key: K) => located.map((l) => l[key]);
  const result = await dbPool().query({
    name: "store_ip_locations",
    text: UPSERT,
    values: [source, addresses.map((a) => a.text), column("country"), column("region"), column("city"), column("latitude"), column("longitude"), column("asn"), column("asOrg"), column("hosting")],
  });
  return result.rowCount ?? 0;
}
