import "server-only";
import { db } from "@/lib/db/client";
import { resolveTimeRange, type TimeRange } from "@/lib/events/time-range";
import { Prisma } from "@/lib/generated/prisma/client";
import { countryCode } from "@/lib/geo/country";

/** Where an actor's events came from: a country, or a network (an autonomous system), with when and how often. */
export interface PlaceUse {
  events: number;
  /** Distinct client addresses. */
  addresses: number;
  firstSeen: string;
  lastSeen: string;
  /** Events from addresses of hosting or cloud providers' networks. */
  hostingEvents: number;
}

export interface CountryUse extends PlaceUse {
  /** ISO 3166-1 alpha-2; null: addresses of no known country (not located, or a range no database places). */
  country: string | null;
}

export interface NetworkUse extends PlaceUse {
  /** null: addresses of no known network. */
  asn: number | null;
  /** The network's name, cut at ORG_MAX characters. */
  org: string | null;
}

export interface ActorPlaces {
  /** Every country, the most events first, the unknown last. */
  countries: CountryUse[];
  /** The NETWORKS_LISTED networks with the most events, the unknown last. */
  networks: NetworkUse[];
  /** Known networks in all. */
  networkCount: number;
  /** Events with a client address counted. */
  events: number;
  /** Set when only the newest PLACES_BUDGET events of the range were counted: those after this time. */
  countedAfter: string | null;
}

export const NETWORKS_LISTED = 50;
const ORG_MAX = 200;

/**
 * Events of a range counted one by one: picked by the actor's index, each is a heap page read
 * at 4–6 µs a row at best and about four times that cold (see facet-budget.ts), so 25,000 rows
 * stay near a tenth of a second. Past that the newest are counted and the panel says from when.
 */
export const PLACES_BUDGET = 25_000;

interface PlaceRow {
  country: string | null;
  asn: number | null;
  org: string | null;
  grouped: "country" | "network";
  events: number;
  addresses: number;
  first_seen: Date;
  last_seen: Date;
  hosting_events: number;
  networks: number;
  after: Date | null;
}

/**
 * Countries and networks of the actor's events with an address, over a time range. All time
 * reads the per-actor address rows the sync keeps (actor_used_value: a few rows per address,
 * whatever the actor's volume) joined to each address's location; a bounded range counts the
 * events, at most the newest PLACES_BUDGET of them.
 */
export async function getActorPlaces(key: string, time: TimeRange, { now = new Date(), budget = PLACES_BUDGET }: { now?: Date; budget?: number } = {}): Promise<ActorPlaces> {
  const range = resolveTimeRange(time, now);
  const sources =
    range.from === null && range.to === null
      ? Prisma.sql`
        addresses AS (
          SELECT value::inet AS ip, n, first_seen, last_seen FROM actor_used_value WHERE actor_key = ${key} AND kind = 0
        ),
        edge AS (SELECT NULL::timestamptz AS after)`
      : // One row past the budget says whether it was reached; then the events of the oldest
        // millisecond read are left out whole, so that what is counted is exactly (after, to).
        Prisma.sql`
        newest AS (
          SELECT client_ip, created_at FROM audit_event
          WHERE actor_key = ${key} AND client_ip IS NOT NULL
            ${range.from ? Prisma.sql`AND created_at >= ${range.from}` : Prisma.empty} ${range.to ? Prisma.sql`AND created_at < ${range.to}` : Prisma.empty}
          ORDER BY created_at DESC LIMIT ${budget + 1}
        ),
        edge AS (SELECT CASE WHEN count(*) > ${budget} THEN min(created_at) END AS after FROM newest),
        addresses AS (
          SELECT client_ip AS ip, count(*)::int AS n, min(created_at) AS first_seen, max(created_at) AS last_seen FROM newest
          WHERE created_at > COALESCE((SELECT after FROM edge), '-infinity') GROUP BY client_ip
        )`;
  const rows = await db().$queryRaw<PlaceRow[]>`
    WITH ${sources},
    used AS (
      SELECT a.n, a.first_seen, a.last_seen, l.asn, left(l.as_org, ${ORG_MAX}) AS org, COALESCE(l.hosting, false) AS hosting,
        CASE WHEN l.country ~ '^[A-Z]{2}$' THEN l.country END AS country
      FROM addresses AS a LEFT JOIN ip_location AS l ON l.ip = a.ip
    ),
    grouped AS (
      SELECT country, asn, max(org) AS org, sum(n)::int AS events, count(*)::int AS addresses, min(first_seen) AS first_seen, max(last_seen) AS last_seen,
        COALESCE(sum(n) FILTER (WHERE hosting), 0)::int AS hosting_events,
        CASE WHEN grouping(asn) = 1 THEN 'country' ELSE 'network' END AS grouped
      FROM used GROUP BY GROUPING SETS ((country), (asn))
    )
    SELECT ranked.*, (SELECT after FROM edge) AS after FROM (
      SELECT *, row_number() OVER (PARTITION BY grouped ORDER BY events DESC, country, asn) AS rank,
        (count(*) FILTER (WHERE grouped = 'network' AND asn IS NOT NULL) OVER ())::int AS networks
      FROM grouped
    ) AS ranked
    WHERE grouped = 'country' OR rank <= ${NETWORKS_LISTED}
    ORDER BY events DESC, country, asn`;

  const countries = new Map<string, CountryUse>();
  const networks: NetworkUse[] = [];
  let networkCount = 0;
  let events = 0;
  for (const row of rows) {
    const use = { events: row.events, addresses: row.addresses, firstSeen: row.first_seen.toISOString(), lastSeen: row.last_seen.toISOString(), hostingEvents: row.hosting_events };
    networkCount = row.networks;
    if (row.grouped === "network") {
      networks.push({ asn: row.asn, org: row.org, ...use });
      continue;
    }
    events += row.events;
    // A two-letter value no ISO list knows ("ZZ") is as good as no country.
    const code = row.country === null ? null : countryCode(row.country);
    const known = countries.get(code ?? "");
    countries.set(code ?? "", known ? merge(known, use) : { country: code, ...use });
  }
  const unknown = countries.get("");
  countries.delete("");
  const listed = [...countries.values()];
  if (unknown) listed.push(unknown);
  const byNetwork = [...networks.filter((n) => n.asn !== null), ...networks.filter((n) => n.asn === null)];
  return { countries: listed, networks: byNetwork, networkCount, events, countedAfter: rows[0]?.after?.toISOString() ?? null };
}

function merge(a: CountryUse, b: PlaceUse): CountryUse {
  return {
    country: a.country,
    events: a.events + b.events,
    addresses: a.addresses + b.addresses,
    firstSeen: a.firstSeen < b.firstSeen ? a.firstSeen : b.firstSeen,
    lastSeen: a.lastSeen > b.lastSeen ? a.lastSeen : b.lastSeen,
    hostingEvents: a.hostingEvents + b.hostingEvents,
  };
}
