import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db, dbPool } from "@/lib/db/client";
import { countEvents } from "@/lib/events/count-events";
import { narrow } from "@/lib/events/filter-ops";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { resolveActors } from "@/lib/events/resolve-actors";
import { eventConditions } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import { countryCode } from "@/lib/geo/country";
import { hostileEvents, insertHostileEvents, type HostileEvent } from "@/lib/testing/hostile-events";
import { placeStoredAddresses } from "@/lib/testing/ip-locations";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { countByCountry } from "./count-by-country";
import { mapFilter } from "./map-subject";
import type { MapSubject } from "./panels";
import { and } from "./sources";

/**
 * The map's counts must be a count of the matching events per country of their address,
 * joined through ip_location event by event, and the explorer's count for the country its
 * link names, whether they were summed from the per-value rollup or from the events, for ranges cut inside days at either end; what no country can
 * be given for is counted apart, never dropped.
 */
let emulator: Emulator;
const now = new Date();

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 37, events: 5_000 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
  expect(await placeStoredAddresses()).toBeGreaterThan(20);
});
afterAll(() => emulator.close());

const hoursAgo = (h: number, minutes = 0) => new Date(now.getTime() - h * 3_600_000 - minutes * 60_000).toISOString();
const day = (n: number) => new Date(Math.floor(now.getTime() / 86_400_000 - n) * 86_400_000).toISOString();
const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000 + 1_234).toISOString();

/** Event by event: each matching event's address looked up in ip_location. */
async function perEvent(filter: EventFilter, subject: MapSubject) {
  const counted = mapFilter(filter, subject);
  const answer = { countries: new Map<string, number>(), unlocated: 0, noAddress: 0 };
  if (!counted) return answer;
  const where = eventConditions(counted, { now, actorGids: await resolveActors(counted) });
  const rows = await db().$queryRaw<{ ip: string | null; country: string | null }[]>(Prisma.sql`
    SELECT host(e.client_ip) AS ip, l.country FROM (SELECT client_ip FROM audit_event WHERE ${and(where)}) AS e LEFT JOIN ip_location AS l ON l.ip = e.client_ip`);
  for (const row of rows) {
    const code = row.country === null ? null : countryCode(row.country);
    if (row.ip === null) answer.noAddress++;
    else if (code === null || code !== row.country) answer.unlocated++;
    else answer.countries.set(code, (answer.countries.get(code) ?? 0) + 1);
  }
  return answer;
}

async function expectPerEvent(filter: EventFilter, subject: MapSubject, useRollups?: boolean) {
  const map = await countByCountry(filter, subject, { now, useRollups });
  const truth = await perEvent(filter, subject);
  expect(new Map(map.rows.map((r) => [r.country, r.count]))).toEqual(truth.countries);
  expect([map.unlocated, map.noAddress]).toEqual([truth.unlocated, truth.noAddress]);
  const counted = mapFilter(filter, subject);
  expect(map.total).toBe(counted ? (await countEvents(counted, { exact: true, now })).count : 0);
  // The explorer's own country filter, as a country's link carries it, counts the same.
  for (const row of [...map.rows.slice(0, 2), ...map.rows.slice(-1)]) expect((await countEvents(narrow(counted!, "country", row.country), { exact: true, now })).count, row.country).toBe(row.count);
  expect(map.rows.map((r) => r.count)).toEqual(map.rows.map((r) => r.count).sort((a, b) => b - a));
  return map;
}

const FILTERS: Array<[string, EventFilter]> = [
  ["last 7 days", filterOf()],
  ["all time", filterOf({ time: { kind: "relative", last: "all" } })],
  ["last 30 days, users only", filterOf({ time: { kind: "relative", last: "30d" }, include: { actorType: ["user"] } })],
  ["whole days only", filterOf({ time: { kind: "absolute", from: day(45), to: day(3) } })],
  ["cut inside a day at both ends", filterOf({ time: { kind: "absolute", from: hoursAgo(20 * 24, 17), to: hoursAgo(3 * 24, 41) } })],
  ["long partial days at both ends", filterOf({ time: { kind: "absolute", from: plusHours(day(20), 3), to: plusHours(day(3), 20) } })],
  ["forty days across month ends, not users", filterOf({ time: { kind: "absolute", from: hoursAgo(50 * 24, 7), to: hoursAgo(10 * 24, 13) }, exclude: { actorType: ["user"] } })],
  ["within one day", filterOf({ time: { kind: "absolute", from: plusHours(day(5), 2), to: plusHours(day(5), 19) } })],
  ["by context (events only)", filterOf({ time: { kind: "relative", last: "90d" }, include: { contextType: ["web"] } })],
  ["by IP range (events only)", filterOf({ time: { kind: "relative", last: "90d" }, include: { ip: ["0.0.0.0/1"] } })],
];

describe.each(FILTERS)("the map, %s", (_name, filter) => {
  it("counts events per country as the events joined to ip_location do, from the rollup and from the events alike", async () => {
    const fast = await expectPerEvent(filter, "events");
    const slow = await expectPerEvent(filter, "events", false);
    expect(fast.rows.length).toBeGreaterThan(3);
    expect(fast.unlocated).toBeGreaterThan(0);
    expect(slow.source).toBe("events");
  });

  it("counts successful sign-ins per country the same way", async () => {
    const map = await expectPerEvent(filter, "sign_ins");
    // Only people sign in.
    expect(map.rows.length > 0).toBe(!filter.exclude.actorType.includes("user"));
  });
});

describe("where the map's counts come from", () => {
  it("reads the rollup when the filter allows it, the events otherwise", async () => {
    expect((await countByCountry(FILTERS[2]![1], "events", { now })).source).toBe("rollup");
    expect((await countByCountry(FILTERS[7]![1], "events", { now })).source).toBe("events");
    expect((await countByCountry(FILTERS[8]![1], "events", { now })).source).toBe("events");
    // Sign-ins have rows of their own in the rollup: the event type is theirs, the actor type a column.
    expect((await countByCountry(FILTERS[2]![1], "sign_ins", { now })).source).toBe("rollup");
    expect((await countByCountry(FILTERS[6]![1], "sign_ins", { now })).source).toBe("rollup");
    const logins = filterOf({ time: { kind: "relative", last: "30d" }, include: { category: ["logins"] } });
    expect((await countByCountry(logins, "sign_ins", { now })).source).toBe("events");
  });

  it("counts no sign-in under a filter of other event types, and counts sign-ins only under a filter that keeps them", async () => {
    const deletions = filterOf({ time: { kind: "relative", last: "all" }, include: { eventType: ["task_deleted"] } });
    expect(await countByCountry(deletions, "sign_ins", { now })).toMatchObject({ rows: [], unlocated: 0, noAddress: 0, total: 0 });
    const both = filterOf({ time: { kind: "relative", last: "all" }, include: { eventType: ["task_deleted", "user_login_succeeded"] } });
    const signIns = await expectPerEvent(both, "sign_ins");
    expect(signIns.total).toBe((await countEvents(filterOf({ time: both.time, include: { eventType: ["user_login_succeeded"] } }), { exact: true, now })).count);
  });
});

describe("the map over hostile stored values", () => {
  const at = (minutes: number) => new Date(now.getTime() - minutes * 60_000).toISOString();
  const odd = (gid: string, ip: string, createdAt: string, actorType = "user"): HostileEvent => ({
    gid,
    createdAt,
    eventType: "user_login_succeeded",
    category: "logins",
    actorType,
    actorGid: "999100000000009",
    actorName: "Odd Place",
    ip,
  });
  const PLACES: Array<[string, string]> = [
    ["198.51.100.1", "__proto__"],
    ["198.51.100.2", "x".repeat(200_000)],
    ["203.0.113.1", "ZZ"],
    ["203.0.113.2", "\u202eDE"],
    ["203.0.113.3", "de"],
    ["203.0.113.4", "DE"],
    ["2001:db8::1", "constructor"],
  ];

  beforeAll(async () => {
    const events = [
      ...hostileEvents(),
      ...PLACES.map(([ip], i) => odd(`99900000000010${i}`, ip, i % 2 === 0 ? at(30 + i) : hoursAgo(30 * 24, i * 7))),
      odd("999000000000120", "203.0.113.4", "0001-01-01T00:00:00.000Z", "__proto__"),
    ];
    const client = await dbPool().connect();
    try {
      await insertHostileEvents(client, events);
    } finally {
      client.release();
    }
    for (const [ip, country] of PLACES) await db().$executeRaw`INSERT INTO ip_location (ip, source, country) VALUES (${ip}::inet, 'test', ${country}) ON CONFLICT (ip) DO UPDATE SET country = EXCLUDED.country`;
  });

  it.each(["7d", "30d", "all"])("counts only known codes as countries, the rest as unlocated, at range=%s", async (last) => {
    const filter = filterOf({ time: { kind: "relative", last } });
    for (const subject of ["events", "sign_ins"] as const) {
      for (const useRollups of [undefined, false]) {
        const map = await expectPerEvent(filter, subject, useRollups);
        for (const row of map.rows) expect(countryCode(row.country)).toBe(row.country);
        expect(JSON.stringify(map).length).toBeLessThan(10_000);
      }
    }
  });
});
