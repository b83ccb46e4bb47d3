import { beforeAll, describe, expect, it, vi } from "vitest";

// This file is about what the answers hold, not how fast they come (bench:queries measures
// that): a page of 500 events of 200,000-character names reads 400 MB of TOAST, which took
// 5.1–5.7 s on a busy 2-core machine, past the app's 5 s QUERY_TIMEOUT.
vi.hoisted(() => {
  process.env.QUERY_TIMEOUT = "60s";
});

import { getActorProfile } from "@/lib/actors/get-actor-profile";
import { listActors } from "@/lib/actors/list-actors";
import { dbPool } from "@/lib/db/client";
import { getResourceSummary } from "@/lib/resources/get-resource-history";
import { ACTOR_USED_UPSERT } from "@/lib/sync/store";
import { BIDI_NAME, hostileEvents, insertHostileEvents, type HostileEvent } from "@/lib/testing/hostile-events";
import { countFacets } from "./count-facets";
import { LIST_TEXT_MAX } from "./event-row";
import { filterOf } from "./filters";
import { DETAILS_MAX_DEPTH, getEvent, getEventRaw, RAW_MAX } from "./get-event";
import { listEvents } from "./list-events";

/**
 * Stored values Asana controls, read back by the explorer: lists carry at most LIST_TEXT_MAX
 * characters of any field (and say how long it was), a detail carries every field whole but
 * bounds `details` and `raw`, and no answer depends on how large the values are.
 */
const WIDE = 500;
const now = new Date();
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000).toISOString();

const gidOf = (i: number) => `997${String(i).padStart(12, "0")}`;
const actorOf = (i: number) => `996${String(i).padStart(12, "0")}`;

/**
 * 500 events whose every name is 200,000 characters, and their actors: a page of them. The
 * database writes the long values itself, so the test sends a few hundred bytes, not 400 MB.
 * The actor and resource tables hold what the sync's writer puts there: names cut at 1,000
 * characters, and e-mails at 320 (lib/sync/store.ts, sanitize-record.ts); so does actor_used_value.
 */
const WIDE_EVENTS = `
INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email,
  resource_type, resource_gid, resource_name, user_agent, oauth_app_name, details, raw)
SELECT '997' || lpad(i::text, 12, '0'), '9990000000000000', $1::timestamptz - make_interval(mins => 60 + i), 'project_created', 'creation', 'user',
  '996' || lpad(i::text, 12, '0'), i::text || repeat('N', 200000), repeat('e', 200000) || '@example.com', 'project', '995000000000001',
  i::text || repeat('R', 200000), repeat('U', 200000), repeat('O', 150) || (i % 3)::text,
  jsonb_build_object('old_value', repeat('x', 50000), 'new_value', jsonb_build_object('nested', repeat('y', 50000)), 'k' || repeat('k', 5000), 'v'),
  '{}'::json
FROM generate_series(0, ${WIDE - 1}) AS i`;
const WIDE_ACTORS = `
INSERT INTO actor (key, gid, actor_type, name, email, first_seen, last_seen, event_count)
SELECT actor_key, actor_gid, actor_type, left(actor_name, 1000), left(actor_email, 320), created_at, created_at, 1 FROM audit_event WHERE gid LIKE '997%' AND actor_gid IS NOT NULL`;
const WIDE_RESOURCES = `
INSERT INTO resource (gid, resource_type, name, first_seen, last_seen)
SELECT resource_gid, (array_agg(resource_type ORDER BY created_at DESC))[1], (array_agg(left(resource_name, 1000) ORDER BY created_at DESC))[1], min(created_at), max(created_at)
FROM audit_event WHERE gid LIKE '997%' AND resource_gid IS NOT NULL AND resource_name IS NOT NULL GROUP BY 1`;

const deepRaw: HostileEvent = {
  gid: "997999999999999",
  createdAt: minutesAgo(1),
  eventType: "task_deleted",
  category: "deletion",
  actorType: "user",
  actorGid: null,
  actorName: null,
  details: JSON.stringify({ deep: JSON.parse(`${"[".repeat(1_000)}${"]".repeat(1_000)}`) }),
  raw: `{"huge": "${"z".repeat(RAW_MAX + 10)}", "deep": ${"[".repeat(20_000)}${"]".repeat(20_000)}}`,
};

beforeAll(async () => {
  const client = await dbPool().connect();
  try {
    await insertHostileEvents(client, [...hostileEvents(), deepRaw]);
    await client.query(WIDE_EVENTS, [now]);
    await client.query(WIDE_ACTORS);
    await client.query(WIDE_RESOURCES);
    await client.query(ACTOR_USED_UPSERT("(SELECT * FROM audit_event WHERE gid LIKE '997%')"));
  } finally {
    client.release();
  }
}, 120_000);

const size = (value: unknown) => JSON.stringify(value).length;

describe("a page of 500 events whose names are 200,000 characters each", () => {
  it("answers every field cut at LIST_TEXT_MAX, with its whole length, in a bounded answer", async () => {
    const page = await listEvents({ filter: filterOf({ time: { kind: "relative", last: "1d" }, include: { eventType: ["project_created"] } }), sort: "newest", size: 500, page: null, now });
    expect(page.events).toHaveLength(WIDE);
    // Unbounded, this page would be 500 × 850 KB = 400 MB; cut, it is a few hundred bytes a field.
    expect(size(page)).toBeLessThan(5_000_000);
    const row = page.events.find((e) => e.gid === gidOf(7))!;
    expect(row.actorName).toHaveLength(LIST_TEXT_MAX);
    expect(row.actorName!.startsWith("7N")).toBe(true);
    expect(row.cut).toEqual({ actorName: 200_001, actorEmail: 200_012, resourceName: 200_001, userAgent: 200_000 });
    expect(row.summary.length).toBeLessThanOrEqual(160);
  });

  it("lists actors, facets and an actor's profile cut the same way", async () => {
    const actors = await listActors({ q: "", type: null, sort: "name", page: 1 }, now);
    expect(Math.max(...actors.rows.map((a) => (a.name ?? "").length))).toBeLessThanOrEqual(LIST_TEXT_MAX);
    expect(size(actors)).toBeLessThan(1_000_000);
    const facets = await countFacets(filterOf({ time: { kind: "relative", last: "1d" } }), { now });
    expect(size(facets)).toBeLessThan(1_000_000);
    expect(facets.dimensions.actor.every((v) => (v.label ?? "").length <= LIST_TEXT_MAX)).toBe(true);
    const profile = (await getActorProfile(actorOf(0)))!;
    expect(profile.used.userAgent[0]).toMatchObject({ cut: true });
    expect(profile.used.userAgent[0]!.value).toHaveLength(LIST_TEXT_MAX);
    expect(profile.usedCount.userAgent).toBe(1);
  });

  it("keeps the whole value for the one event's own page", async () => {
    const event = (await getEvent(gidOf(3)))!;
    expect(event.actorName).toHaveLength(200_001);
    expect(event.cut).toBeUndefined();
    expect(JSON.parse(event.detailsJson!)).toMatchObject({ old_value: "x".repeat(50_000) });
    const summary = (await getResourceSummary("995000000000001"))!;
    expect(summary.eventCount).toBe(WIDE);
    expect(summary.name).toHaveLength(200_001);
  });
});

describe("one event's detail", () => {
  it("shows details nested deeper than DETAILS_MAX_DEPTH as a digest, and the original JSON cut at RAW_MAX", async () => {
    const event = (await getEvent(deepRaw.gid))!;
    expect(event.detailsDigest).toMatchObject({ reason: "deep" });
    expect(() => JSON.stringify(event)).not.toThrow();
    expect(event.detailsJson!.length).toBeLessThan(1_000);
    expect(event.raw).toHaveLength(RAW_MAX);
    expect(event.rawLength).toBe(deepRaw.raw!.length);
    expect(await getEventRaw(deepRaw.gid)).toBe(deepRaw.raw);
    expect(DETAILS_MAX_DEPTH).toBeLessThan(1_000);
  });

  it("reads prototype names as plain values and keys", async () => {
    const event = (await getEvent("__proto__"))!;
    expect(event).toMatchObject({ eventType: "hasOwnProperty", eventCategory: "constructor", actorType: "__proto__", actorName: "constructor", resourceType: "toString" });
    const details = JSON.parse(event.detailsJson!) as Record<string, unknown>;
    expect(Object.keys(details).sort()).toEqual(["__proto__", "constructor", "hasOwnProperty", "new_value", "old_value", "toString", "valueOf"]);
    expect(Object.getPrototypeOf(details)).toBe(Object.prototype);
    expect(event.sentence).not.toMatch(/native code|\[object Object\]|function/);
    expect(event.summary).toContain("toString → __proto__");
  });

  it("says a bidi override in a name by its name, in the sentence and the list's summary", async () => {
    const event = (await getEvent("999000000000006"))!;
    expect(event.actorName).toBe(BIDI_NAME);
    expect(event.sentence).toContain("Admin ⟨RLO⟩exe.txt");
    expect(event.sentence).not.toMatch(/[\u202a-\u202e\u2066-\u2069]/);
    expect(event.summary).toContain("report⟨RLO⟩slx.exe");
  });
});
