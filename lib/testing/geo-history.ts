import type pg from "pg";
import { INSERT_PAGE } from "@/lib/sync/store";
import { removeWorkspaceEvents } from "./hostile-events";

/**
 * One person's history with places, for the tests of where an actor's activity comes from
 * (lib/actors, e2e/geo-actor.spec.ts): months at home in Berlin on Deutsche Telekom, another
 * address of the same network, an address no database places, a new network at home, then a
 * day that goes from Frankfurt to New York (a flight), a morning from Berlin to Tokyo in an
 * hour (impossible), and addresses whose stored location is hostile. Events are stored by the
 * sync's own statement; the locations as the enrichment would have stored them.
 */
export const GEO_WORKSPACE = "9980000000000000";
export const TRAVELLER = { actor_type: "user", gid: "9980000000000001", name: "Greta Traveller", email: "greta.traveller@example.com" } as const;

export const ADDRESSES = {
  berlin: "84.128.10.1",
  berlinLease: "84.128.99.7",
  frankfurt: "91.64.1.1",
  newYork: "54.239.28.85",
  tokyo: "126.10.1.1",
  unknown: "203.0.113.9",
  badCountry: "185.220.1.1",
  hostile: "45.1.1.1",
} as const;
type Address = keyof typeof ADDRESSES;

export const HOSTILE_ORG = `\u202eevil.example ${"x".repeat(200_000)}`;

/** ip_location rows: country, region, city, latitude, longitude, asn, organisation, hosting. */
export const LOCATIONS: Record<Exclude<Address, "unknown">, [string | null, string | null, string | null, number | null, number | null, number | null, string | null, boolean]> = {
  berlin: ["DE", "Berlin", "Berlin", 52.52, 13.405, 3320, "Deutsche Telekom AG", false],
  berlinLease: ["DE", "Berlin", "Berlin", 52.52, 13.405, 3320, "Deutsche Telekom AG", false],
  frankfurt: ["DE", "Hesse", "Frankfurt am Main", 50.1109, 8.6821, 3209, "Vodafone GmbH", false],
  newYork: ["US", "New York", "New York", 40.7128, -74.006, 16509, "Amazon.com, Inc.", true],
  tokyo: ["JP", "Tokyo", "Tokyo", 35.6762, 139.6503, 17676, "SoftBank Corp.", false],
  // A code no ISO list knows and no coordinates a globe has.
  badCountry: ["ZZ", null, "\u202eodd city", Number.NaN, 1e308, 4242, "__proto__", false],
  hostile: ["__proto__", "constructor", "x".repeat(200_000), 91, 0, 65000, HOSTILE_ORG, true],
};

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** The history: [time, event type, address], oldest first. */
function timeline(now: number): Array<[number, string, Address]> {
  const at = (days: number, hours = 0) => now - days * DAY + hours * HOUR;
  const home: Array<[number, string, Address]> = [];
  // Months at home: their very first event, then a sign-in and some work every ten days.
  for (let d = 85; d >= 45; d -= 10) home.push([at(d), d === 85 ? "task_created" : "user_login_succeeded", "berlin"], [at(d, 1), d === 85 ? "user_login_succeeded" : "task_created", "berlin"]);
  return [
    ...home,
    [at(60, 2), "user_login_succeeded", "berlinLease"],
    [at(50, 2), "user_login_succeeded", "unknown"],
    [at(40), "user_login_succeeded", "frankfurt"],
    [at(30), "user_login_succeeded", "frankfurt"],
    [at(30, 9), "user_login_succeeded", "newYork"],
    [at(30, 10), "task_created", "newYork"],
    [at(10), "user_login_succeeded", "berlin"],
    [at(10, 0.5), "user_login_succeeded", "unknown"],
    [at(10, 1), "user_login_succeeded", "tokyo"],
    [at(5), "user_login_succeeded", "badCountry"],
    [at(4), "user_login_succeeded", "hostile"],
    [at(1), "user_login_succeeded", "berlin"],
  ].sort((a, b) => (a[0] as number) - (b[0] as number)) as Array<[number, string, Address]>;
}

export interface GeoEvent {
  gid: string;
  at: string;
  type: string;
  address: Address;
}

export function geoHistory(now = Date.now()): GeoEvent[] {
  return timeline(now).map(([time, type, address], i) => ({ gid: `99800000${String(i + 1).padStart(8, "0")}`, at: new Date(time).toISOString(), type, address }));
}

interface Queryable {
  query(text: string, values?: unknown[]): Promise<unknown>;
}

/** Stores the history's events (as the sync does) and its addresses' locations. */
export async function insertGeoHistory(client: Queryable, events: GeoEvent[]): Promise<void> {
  const data = events.map((e) => ({
    gid: e.gid,
    created_at: e.at,
    event_type: e.type,
    event_category: e.type === "user_login_succeeded" ? "logins" : "task_management",
    actor: TRAVELLER,
    resource: e.type === "user_login_succeeded" ? { resource_type: "user", gid: TRAVELLER.gid, name: TRAVELLER.name } : { resource_type: "task", gid: "9980000000009001", name: "Quarterly plan" },
    details: {},
    context: { context_type: "web", client_ip_address: ADDRESSES[e.address], user_agent: "Mozilla/5.0" },
  }));
  await client.query(INSERT_PAGE, [JSON.stringify({ data, next_page: null }), [], GEO_WORKSPACE]);
  for (const [address, [country, region, city, latitude, longitude, asn, org, hosting]] of Object.entries(LOCATIONS)) {
    await client.query(
      `INSERT INTO ip_location (ip, source, country, region, city, latitude, longitude, asn, as_org, hosting) VALUES ($1, 'test', $2, $3, $4, $5, $6, $7, $8, $9)
       ON CONFLICT (ip) DO UPDATE SET (source, country, region, city, latitude, longitude, asn, as_org, hosting) =
         (EXCLUDED.source, EXCLUDED.country, EXCLUDED.region, EXCLUDED.city, EXCLUDED.latitude, EXCLUDED.longitude, EXCLUDED.asn, EXCLUDED.as_org, EXCLUDED.hosting)`,
      [ADDRESSES[address as Address], country, region, city, latitude, longitude, asn, org, hosting],
    );
  }
}

/** The gid of the history's event at `address` of `type`, the n-th one (from 0). */
export function eventAt(events: GeoEvent[], address: Address, type = "user_login_succeeded", n = 0): string {
  const found = events.filter((e) => e.address === address && e.type === type)[n];
  if (!found) throw new Error(`no ${type} from ${address} #${n}`);
  return found.gid;
}

/** Takes the history out again (events, what the sync kept beside them, and its locations). */
export async function removeGeoHistory(client: pg.ClientBase): Promise<void> {
  await removeWorkspaceEvents(client, GEO_WORKSPACE);
  await client.query("DELETE FROM ip_location WHERE source = 'test' AND ip = ANY($1::inet[])", [Object.values(ADDRESSES)]);
}
