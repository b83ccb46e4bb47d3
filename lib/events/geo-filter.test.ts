import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { addressesLocated } from "@/lib/geo/locate-page";
import { countEvents } from "./count-events";
import { countFacets } from "./count-facets";
import { exportEvents } from "./export-events";
import type { EventFilter } from "./filters";
import { getEvent } from "./get-event";
import { listEvents } from "./list-events";
import { textToFilter } from "./query-text";
import { eventSearch, parseEventParams } from "./search-params";
import { seedEvents } from "./test-events";
import { eventWhere } from "./where";

/**
 * The location filters against real rows: each query's events equal the events whose
 * address's ip_location row says so, written here as a predicate over every stored event, and
 * the Country and Network facets equal a count of those events. Addresses get a row each
 * (some unplaced, as private and documentation ranges are) except every seventh, which has
 * none yet: "unknown" covers both, as it covers events without an address.
 */
interface Located {
  country: string | null;
  asn: number | null;
  org: string | null;
  hosting: boolean;
}
interface Row {
  gid: string;
  created_at: Date;
  ip: string | null;
  event_type: string;
  actor_type: string;
}

const PLACES: Array<Located | null> = [
  { country: "DE", asn: 3320, org: "Deutsche Telekom AG", hosting: false },
  { country: "US", asn: 16509, org: "Amazon.com, Inc.", hosting: true },
  { country: "JP", asn: 2914, org: "NTT America, Inc.", hosting: false },
  { country: null, asn: null, org: null, hosting: false },
  { country: "DE", asn: 24940, org: "Hetzner Online GmbH", hosting: true },
  { country: "US", asn: 7922, org: "Comcast Cable Communications, LLC", hosting: false },
  // Every seventh address: no row yet (stored before the enrichment reached it).
  null,
];

let rows: Row[] = [];
const located = new Map<string, Located>();

beforeAll(async () => {
  await seedEvents(1_500, 11);
  // The sync locates new addresses in the background: done before this test places them itself.
  await addressesLocated();
  rows = await db().$queryRaw<Row[]>`SELECT gid, created_at, host(client_ip) AS ip, event_type, actor_type FROM audit_event`;
  const addresses = [...new Set(rows.flatMap((r) => (r.ip ? [r.ip] : [])))].sort();
  const placed = addresses.map((ip, i) => ({ ip, place: PLACES[i % PLACES.length]! })).filter((a) => a.place !== null);
  for (const a of placed) located.set(a.ip, a.place!);
  // Whatever an enrichment wrote for these addresses is replaced: this test decides where they are.
  await db().$executeRaw`
    INSERT INTO ip_location (ip, source, country, asn, as_org, hosting)
    SELECT * FROM unnest(${placed.map((a) => a.ip)}::inet[], ${placed.map(() => "test")}::text[], ${placed.map((a) => a.place!.country)}::text[],
      ${placed.map((a) => a.place!.asn)}::int[], ${placed.map((a) => a.place!.org)}::text[], ${placed.map((a) => a.place!.hosting)}::boolean[])
    ON CONFLICT (ip) DO UPDATE SET source = EXCLUDED.source, country = EXCLUDED.country, region = NULL, city = NULL, latitude = NULL, longitude = NULL,
      asn = EXCLUDED.asn, as_org = EXCLUDED.as_org, hosting = EXCLUDED.hosting`;
  await db().$executeRaw`DELETE FROM ip_location WHERE NOT (ip = ANY(${placed.map((a) => a.ip)}::inet[]))`;
}, 180_000);

const place = (r: Row) => (r.ip ? located.get(r.ip) : undefined);
const expected = (keep: (r: Row) => boolean) => rows.filter(keep).map((r) => r.gid).sort();

function filterOf(text: string): EventFilter {
  const parsed = textToFilter(text.includes("from:") ? text : `${text} since:all`);
  if (!parsed.ok) throw new Error(`${text}: ${JSON.stringify(parsed.errors)}`);
  // Through the URL, as every consumer reads a filter.
  const viaUrl = parseEventParams(new URLSearchParams(eventSearch(parsed.filter)));
  if (!viaUrl.ok) throw new Error(`${text}: ${JSON.stringify(viaUrl.errors)}`);
  expect(viaUrl.filter).toEqual(parsed.filter);
  return viaUrl.filter;
}

async function gidsOf(filter: EventFilter, placesByAddress: boolean): Promise<string[]> {
  const found = await db().$queryRaw<{ gid: string }[]>`SELECT gid FROM audit_event WHERE ${eventWhere(filter, { now: new Date(), placesByAddress })}`;
  return found.map((r) => r.gid).sort();
}

const CASES: Array<[string, (r: Row) => boolean]> = [
  ["country:DE", (r) => place(r)?.country === "DE"],
  ["country:de,jp", (r) => ["DE", "JP"].includes(place(r)?.country ?? "")],
  ["-country:DE", (r) => place(r)?.country !== "DE"],
  ["country:*", (r) => (place(r)?.country ?? null) !== null],
  ["-country:*", (r) => (place(r)?.country ?? null) === null],
  ["ip:* -country:*", (r) => r.ip !== null && (place(r)?.country ?? null) === null],
  ["country:D*", (r) => (place(r)?.country ?? "").startsWith("D")],
  ["asn:AS16509", (r) => place(r)?.asn === 16509],
  ["asn:29*", (r) => String(place(r)?.asn ?? "").startsWith("29")],
  ["-asn:16509,3320", (r) => ![16509, 3320].includes(place(r)?.asn ?? -1)],
  ['org:"amazon"', (r) => (place(r)?.org ?? "").toLowerCase().includes("amazon")],
  ["org:*inc*", (r) => (place(r)?.org ?? "").toLowerCase().includes("inc")],
  ["hosting:true", (r) => place(r)?.hosting === true],
  ["hosting:false", (r) => place(r)?.hosting === false],
  ["-hosting:true", (r) => place(r)?.hosting !== true],
  ["country:US -hosting:true", (r) => place(r)?.country === "US" && !place(r)?.hosting],
  ["country:JP OR hosting:true", (r) => place(r)?.country === "JP" || place(r)?.hosting === true],
  ["NOT (country:DE OR org:ntt)", (r) => !(place(r)?.country === "DE" || (place(r)?.org ?? "").toLowerCase().includes("ntt"))],
];

describe("location filters over stored events", () => {
  it("has the shapes the cases below need", () => {
    expect(rows.length).toBeGreaterThan(1_000);
    expect(rows.some((r) => r.ip === null)).toBe(true);
    expect(rows.some((r) => r.ip !== null && !located.has(r.ip))).toBe(true);
    for (const country of ["DE", "US", "JP"]) expect(rows.filter((r) => place(r)?.country === country).length).toBeGreaterThan(20);
  });

  it.each(CASES)("%s keeps exactly the events whose address's row says so, read either way", async (text, keep) => {
    const filter = filterOf(text);
    const want = expected(keep);
    expect(await gidsOf(filter, false)).toEqual(want);
    expect(await gidsOf(filter, true)).toEqual(want);
    expect(await countEvents(filter, { exact: true })).toEqual({ count: want.length, exact: true });
  });

  it("pages through a country's events newest first, each row with its address's place", async () => {
    const filter = filterOf("country:DE");
    const want = rows.filter((r) => place(r)?.country === "DE").sort((a, b) => b.created_at.getTime() - a.created_at.getTime() || (a.gid < b.gid ? 1 : -1));
    const page = await listEvents({ filter, sort: "newest", size: 50, page: null });
    expect(page.events.map((e) => e.gid)).toEqual(want.slice(0, 50).map((r) => r.gid));
    expect(page.events.every((e) => e.place?.country === "DE" && e.place.asn === located.get(e.clientIp!)!.asn)).toBe(true);
    const next = await listEvents({ filter, sort: "newest", size: 50, page: { after: { at: page.events[49]!.createdAt, gid: page.events[49]!.gid } } });
    expect(next.events.map((e) => e.gid)).toEqual(want.slice(50, 100).map((r) => r.gid));
  });

  it("tells an unplaced address from one not looked up yet, and from no address", async () => {
    const page = await listEvents({ filter: filterOf(""), sort: "newest", size: 500, page: null });
    for (const e of page.events) {
      const row = e.clientIp ? located.get(e.clientIp) : undefined;
      if (!row) expect(e.place).toBeNull();
      else expect(e.place).toMatchObject({ country: row.country, asn: row.asn, org: row.org, hosting: row.hosting });
    }
    const unplaced = page.events.find((e) => e.place && e.place.country === null)!;
    expect(unplaced.place).toMatchObject({ country: null, city: null, latitude: null, asn: null });
    expect((await getEvent(unplaced.gid))!.place).toEqual(unplaced.place);
  });
});

describe("country and network facets", () => {
  const countBy = (list: Row[], key: (r: Row) => string | null) => {
    const counts = new Map<string, number>();
    for (const r of list) {
      const value = key(r);
      if (value !== null) counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
  };
  const pairs = (values: Array<{ value: string; count: number }>) => values.map(({ value, count }) => ({ value, count }));
  const commonest = () => countBy(rows, (r) => r.event_type)[0]!.value;
  const midDay = new Date(Math.floor(Date.now() / 86_400_000 - 10) * 86_400_000 + 13.5 * 3_600_000);

  const userNotHostingNotUs = (r: Row) => r.actor_type === "user" && !place(r)?.hosting && place(r)?.country !== "US";
  it.each<[string, () => string, (r: Row) => boolean, (r: Row) => boolean]>([
    ["from the rollups, over all time", () => "", () => true, () => true],
    // The country facet counts without its own selection, so the other countries stay listed.
    ["from the rollups, under a country", () => "country:DE", () => true, (r) => place(r)?.country === "DE"],
    ["from the rollups, under exclusions and an actor type", () => "-country:US -hosting:true actor_type:user", userNotHostingNotUs, userNotHostingNotUs],
    ["from the events, under an event type", () => `type:${commonest()}`, (r) => r.event_type === commonest(), (r) => r.event_type === commonest()],
    // Whole days from the rollup, the hours before the first from the events.
    ["from the rollups and the events, from the middle of a day", () => `actor_type:user from:${midDay.toISOString()}`, (r) => r.actor_type === "user" && r.created_at >= midDay, (r) => r.actor_type === "user" && r.created_at >= midDay],
  ])("equal the events' count per value (%s)", async (_, text, forCountry, forNetwork) => {
    const facets = await countFacets(filterOf(text()));
    expect(pairs(facets.dimensions.country)).toEqual(countBy(rows.filter(forCountry), (r) => place(r)?.country ?? null).slice(0, 15));
    expect(pairs(facets.dimensions.asn)).toEqual(countBy(rows.filter(forNetwork), (r) => (place(r)?.asn != null ? String(place(r)!.asn) : null)).slice(0, 10));
    for (const v of facets.dimensions.asn) expect(v.label).toBe(PLACES.find((p) => String(p?.asn) === v.value)!.org);
    expect(facets.windows.country).toMatchObject({ narrowed: false, source: text().startsWith("type:") ? "events" : "rollup" });
  });
});

describe("exports", () => {
  it("carry the country and network columns", async () => {
    const filter = filterOf("country:JP");
    const stream = await exportEvents({ filter, columns: ["time", "country", "network"], sort: "newest", format: "ndjson" });
    const text = await new Response(stream).text();
    const lines = text.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(rows.filter((r) => place(r)?.country === "JP").length);
    expect(lines[0]).toMatchObject({ country: "JP", asn: 2914, as_org: "NTT America, Inc.", hosting: false });
    expect(Object.keys(lines[0]!)).toEqual(["gid", "created_at", "time_zone", "country", "region", "city", "latitude", "longitude", "asn", "as_org", "hosting"]);
    const csv = await new Response(await exportEvents({ filter, columns: ["time", "network"], sort: "newest", format: "csv" })).text();
    expect(csv.split("\r\n")[0]).toBe("gid,created_at,time_zone,asn,as_org,hosting");
    expect(csv.split("\r\n")[1]).toMatch(/,"2914","NTT America, Inc\.","false"$/);
  });
});
