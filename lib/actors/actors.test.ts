import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { countEvents } from "@/lib/events/count-events";
import { filterOf } from "@/lib/events/filters";
import { encodeCursor } from "@/lib/events/view";
import { getResourceHistory, getResourceSummary, resourceFilter } from "@/lib/resources/get-resource-history";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { getActorIdentity, getActorProfile } from "./get-actor-profile";
import { actorFilter, getActorActivity, getActorTimeline } from "./get-actor-timeline";
import { listActors } from "./list-actors";
import { SPARKLINE_DAYS } from "./params";

let emulator: Emulator;
const now = new Date();
const allTime = filterOf({ time: { kind: "relative", last: "all" } });

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 81, events: 3_000 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

async function busiest() {
  return db().actor.findFirstOrThrow({ where: { gid: { not: null } }, orderBy: [{ eventCount: "desc" }, { key: "asc" }] });
}

describe("listActors", () => {
  it("lists everyone, searchable and sortable, with a sparkline equal to their events per UTC day", async () => {
    const all = await listActors({ q: "", type: null, sort: "events", page: 1 }, now);
    expect(all.total).toBe(await db().actor.count());
    expect(all.rows.map((r) => r.eventCount)).toEqual([...all.rows.map((r) => r.eventCount)].sort((a, b) => b - a));
    const top = all.rows[0]!;
    const days = await db().$queryRaw<{ n: number }[]>`
      SELECT count(*)::int AS n FROM audit_event WHERE actor_key = ${top.key} AND created_at >= ${new Date(all.since)}`;
    expect(top.activity).toHaveLength(SPARKLINE_DAYS);
    expect(top.activity.reduce((a, b) => a + b, 0)).toBe(days[0]!.n);

    const named = all.rows.find((r) => r.name !== null)!;
    const part = named.name!.split(" ")[0]!.slice(0, 4).toLowerCase();
    const found = await listActors({ q: part, type: null, sort: "name", page: 1 }, now);
    expect(found.rows.length).toBeGreaterThan(0);
    for (const row of found.rows) expect(`${row.name} ${row.email}`.toLowerCase()).toContain(part);
    // A key finds its actor first; other keys that contain it (asana_support for asana) follow.
    const byKey = (await listActors({ q: top.key, type: null, sort: "last_seen", page: 1 }, now)).rows.map((r) => r.key);
    expect(byKey[0]).toBe(top.key);
    for (const key of byKey) expect(key.toLowerCase()).toContain(top.key.toLowerCase());
    const users = await listActors({ q: "", type: "user", sort: "last_seen", page: 2 }, now);
    for (const row of users.rows) expect(row.actorType).toBe("user");
  });
});

describe("getActorProfile", () => {
  it("says what the actor used, each first seen when their first event with it happened", async () => {
    const actor = await busiest();
    expect(await getActorIdentity(actor.key)).toMatchObject({ key: actor.key, gid: actor.gid, eventCount: actor.eventCount, actorType: actor.actorType });
    const profile = (await getActorProfile(actor.key))!;
    const ips = await db().$queryRaw<{ ip: string; first: Date; n: number }[]>`
      SELECT host(client_ip) AS ip, min(created_at) AS first, count(*)::int AS n FROM audit_event
      WHERE actor_gid = ${actor.gid} AND client_ip IS NOT NULL GROUP BY 1 ORDER BY 2`;
    expect(profile.used.ip.map((u) => [u.value, u.firstSeen, u.count])).toEqual(ips.map((r) => [r.ip, r.first.toISOString(), r.n]));
    // The event each value links to is the earliest one, ties going to the lower gid.
    const firsts = await db().$queryRaw<{ agent: string; gid: string }[]>`
      SELECT DISTINCT ON (user_agent) user_agent AS agent, gid FROM audit_event
      WHERE actor_gid = ${actor.gid} AND user_agent IS NOT NULL ORDER BY user_agent, created_at, gid`;
    expect(Object.fromEntries(profile.used.userAgent.map((u) => [u.value, u.firstEventGid]))).toEqual(Object.fromEntries(firsts.map((r) => [r.agent, r.gid])));
    for (const marker of profile.markers) {
      const event = await db().auditEvent.findUniqueOrThrow({ where: { gid: marker.gid } });
      expect(event.actorGid).toBe(actor.gid);
    }
    expect(await getActorProfile("999999999")).toBeNull();
    expect(await getActorIdentity("999999999")).toBeNull();
  });

  it("lists role changes made to a person", async () => {
    const [change] = await db().$queryRaw<{ gid: string; resource_gid: string }[]>`
      SELECT e.gid, e.resource_gid FROM audit_event e JOIN actor a ON a.key = e.resource_gid WHERE e.event_category = 'roles' LIMIT 1`;
    expect(change).toBeDefined();
    const profile = (await getActorProfile(change!.resource_gid))!;
    expect(profile.roleChanges.map((e) => e.gid)).toContain(change!.gid);
  });
});

describe("getActorTimeline and getResourceHistory", () => {
  it("page through exactly the actor's events, newest first, as the explorer counts them", async () => {
    const actor = await busiest();
    const seen: string[] = [];
    let page: { after: { at: string; gid: string } } | null = null;
    for (let i = 0; i < 100; i++) {
      const result = await getActorTimeline(actor.key, allTime, { sort: "newest", size: 50, page }, now);
      seen.push(...result.events.map((e) => e.gid));
      for (const e of result.events) expect(e.actorGid).toBe(actor.gid);
      if (!result.next) break;
      const [at, gid] = result.next.split("~") as [string, string];
      expect(encodeCursor({ at, gid })).toBe(result.next);
      page = { after: { at, gid } };
    }
    expect(new Set(seen).size).toBe(actor.eventCount);
    expect((await countEvents(actorFilter(allTime, actor.key), { exact: true, now })).count).toBe(actor.eventCount);
    const activity = await getActorActivity(actor.key, allTime, now);
    expect(activity.total).toBe(actor.eventCount);
  });

  it("chart an actor's activity exactly, whether whole UTC days come from the per-value rollup or every bucket from the events", async () => {
    const actor = await busiest();
    const times = (await db().$queryRaw<{ at: Date }[]>`SELECT created_at AS at FROM audit_event WHERE actor_key = ${actor.key}`).map((r) => r.at.getTime());
    const hour = 3_600_000;
    const cut = (daysAgo: number, hours: number) => new Date(Math.floor(now.getTime() / (24 * hour)) * 24 * hour - daysAgo * 24 * hour + hours * hour).toISOString();
    const cases = [
      { name: "all time (days)", filter: allTime, zone: "UTC" },
      { name: "cut inside days at both ends", filter: filterOf({ time: { kind: "absolute", from: cut(40, 5), to: cut(3, 19) } }), zone: "UTC" },
      // An hour around one of the actor's events: inside a day, and never empty.
      { name: "within an hour", filter: filterOf({ time: { kind: "absolute", from: new Date(times[times.length >> 1]! - 30 * 60_000).toISOString(), to: new Date(times[times.length >> 1]! + 30 * 60_000).toISOString() } }), zone: "UTC" },
      { name: "weeks", filter: filterOf({ time: { kind: "absolute", from: cut(200, 7), to: now.toISOString() } }), zone: "UTC" },
      { name: "another zone's days (counted over the events)", filter: allTime, zone: "Asia/Kolkata" },
      { name: "another zone, runs of whole UTC weeks", filter: filterOf({ time: { kind: "absolute", from: cut(200, 7), to: now.toISOString() } }), zone: "America/New_York" },
    ];
    for (const { name, filter, zone } of cases) {
      const activity = await getActorActivity(actor.key, filter, now, zone);
      const expected = activity.points.map((p) => times.filter((t) => t >= Date.parse(p.from) && t < Date.parse(p.to)).length);
      expect(activity.points.map((p) => p.total), name).toEqual(expected);
      expect(activity.total, name).toBe(expected.reduce((a, b) => a + b, 0));
      expect(activity.total, name).toBeGreaterThan(0);
    }
  });

  it("show a resource's whole history with who did it", async () => {
    const [row] = await db().$queryRaw<{ gid: string; n: number }[]>`
      SELECT resource_gid AS gid, count(*)::int AS n FROM audit_event WHERE resource_gid IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1`;
    const summary = (await getResourceSummary(row!.gid))!;
    expect(summary.eventCount).toBe(row!.n);
    const history = await getResourceHistory(row!.gid, allTime, { sort: "oldest", size: 500, page: null }, now);
    expect(history.events.length).toBe(Math.min(500, row!.n));
    expect(history.events.map((e) => e.createdAt)).toEqual([...history.events.map((e) => e.createdAt)].sort());
    expect((await countEvents(resourceFilter(allTime, row!.gid), { exact: true, now })).count).toBe(row!.n);
    expect(await getResourceSummary("999999999")).toBeNull();
  });
});
