import { cp, mkdtemp, readdir, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { db } from "@/lib/db/client";
import { ensureDatabase, migrate, MIGRATIONS_DIR } from "@/lib/db/migrate";
import { countEvents } from "@/lib/events/count-events";
import { filterOf } from "@/lib/events/filters";
import { getEvent } from "@/lib/events/get-event";
import { knownNames } from "@/lib/names/known-names";
import { getResourceSummary } from "@/lib/resources/get-resource-history";
import { topValues } from "@/lib/stats/top-values";
import { insertEventPage, inWriteTransaction } from "@/lib/sync/store";
import { writeRecordTexts } from "@/lib/sync/write-page";
import { expectRollupsExact } from "@/lib/testing/rollup-checks";
import { getActorIdentity, getActorProfile } from "./get-actor-profile";
import { getActorTimeline } from "./get-actor-timeline";
import { listActors } from "./list-actors";

/**
 * Actors without a gid (external administrators, Asana support, anonymous callers, Asana
 * itself) as Asana sends them: each gets a key, is listed and counted, and is found by
 * e-mail, name and key. Resources keep their last known name after a nameless deletion.
 */
const now = new Date();
const at = (hoursAgo: number) => new Date(now.getTime() - hoursAgo * 3_600_000).toISOString();
const LONG = "L".repeat(200_000);

let n = 0;
function event(actor: Record<string, unknown>, hoursAgo: number, resource: Record<string, unknown> = { resource_type: "user", gid: "9001", name: "Someone" }) {
  n++;
  return { gid: `7700${String(n).padStart(6, "0")}`, created_at: at(hoursAgo), event_type: "user_role_changed", event_category: "roles", actor, resource, context: { context_type: "web" }, details: {} };
}

const EXT = { actor_type: "external_administrator", name: "Erin Ext", email: "Erin.Ext@Partner-MSP.example.net" };
const PAGE = [
  event(EXT, 50),
  event({ ...EXT, email: "erin.ext@partner-msp.example.net" }, 40),
  event(EXT, 30),
  event({ actor_type: "external_administrator", name: "Nameless Contractor" }, 45),
  event({ actor_type: "external_administrator", name: LONG }, 44),
  event({ actor_type: "external_administrator", name: "__proto__" }, 43),
  event({ actor_type: "external_administrator", name: "Admin \u202Eexe.txt", email: "rlo@evil.example" }, 42),
  event({ actor_type: "asana_support" }, 20),
  event({ actor_type: "asana_support" }, 10),
  event({ actor_type: "anonymous" }, 15),
  event({ actor_type: "asana" }, 12),
  event({ actor_type: "asana" }, 11),
  event({ actor_type: "user", gid: "5005", name: "Asa Fan", email: "asa@asana-fans.example" }, 9),
  // A project named, renamed, then deleted without a name; a late event brings an older name.
  event({ actor_type: "user", gid: "5005", name: "Asa Fan", email: "asa@asana-fans.example" }, 8, { resource_type: "project", gid: "6006", name: "Launch plan" }),
  event({ actor_type: "user", gid: "5005", name: "Asa Fan", email: "asa@asana-fans.example" }, 7, { resource_type: "project", gid: "6006", name: "Launch plan v2" }),
  event({ actor_type: "user", gid: "5005", name: "Asa Fan", email: "asa@asana-fans.example" }, 6, { resource_type: "project", gid: "6006", name: null }),
];
const LATE = event({ actor_type: "user", gid: "5005", name: "Asa Fan" }, 100, { resource_type: "project", gid: "6006", name: "Draft name" });
const DELETED = PAGE.at(-1)!;
// NUL cannot be stored as it is: this record goes the careful way (sanitize-record.ts).
const NUL_TEXT = JSON.stringify(event({ actor_type: "external_administrator", name: "Nul\u0000Name" }, 41));

const page = (data: unknown[]) => JSON.stringify({ data, next_page: null });
const allTime = filterOf({ time: { kind: "relative", last: "all" } });
const byActor = (value: string) => filterOf({ time: { kind: "relative", last: "all" }, include: { actor: [value] } });
const count = async (value: string) => (await countEvents(byActor(value), { exact: true, now })).count;

async function keyOf(gid: string): Promise<string> {
  const [row] = await db().$queryRaw<{ actor_key: string }[]>`SELECT actor_key FROM audit_event WHERE gid = ${gid}`;
  return row!.actor_key;
}

beforeAll(async () => {
  await inWriteTransaction((tx) => insertEventPage(tx, { workspaceGid: "1", text: page(PAGE), skip: [] }));
  await inWriteTransaction((tx) => insertEventPage(tx, { workspaceGid: "1", text: page([LATE]), skip: [] }));
  await inWriteTransaction((tx) => writeRecordTexts(tx, "1", [NUL_TEXT]));
});

describe("actor keys", () => {
  it("are the gid, else type and lower-cased e-mail, else type and name, else the type; bounded and safe", async () => {
    expect(await keyOf(PAGE[12]!.gid)).toBe("5005");
    expect(await keyOf(PAGE[0]!.gid)).toBe("external_administrator:email:erin.ext@partner-msp.example.net");
    expect(await keyOf(PAGE[1]!.gid)).toBe(await keyOf(PAGE[0]!.gid));
    expect(await keyOf(PAGE[3]!.gid)).toBe("external_administrator:name:Nameless Contractor");
    expect(await keyOf(PAGE[5]!.gid)).toBe("external_administrator:name:__proto__");
    expect(await keyOf(PAGE[7]!.gid)).toBe("asana_support");
    expect(await keyOf(PAGE[9]!.gid)).toBe("anonymous");
    expect(await keyOf(PAGE[10]!.gid)).toBe("asana");
    const long = await keyOf(PAGE[4]!.gid);
    expect(long.length).toBe(200);
    expect(long).toMatch(/^external_administrator:name:L+…[0-9a-f]{16}$/);
    const nul = await keyOf((JSON.parse(NUL_TEXT) as { gid: string }).gid);
    expect(nul).toBe("external_administrator:name:Nul\uFFFDName");
  });

  it("list every actor in the actor table, counted, with the external administrators' own tab", async () => {
    const external = await listActors({ q: "", type: "external_administrator", sort: "events", page: 1 }, now);
    expect(external.total).toBe(6);
    expect(external.rows[0]).toMatchObject({ key: "external_administrator:email:erin.ext@partner-msp.example.net", gid: null, name: "Erin Ext", eventCount: 3 });
    expect(external.rows[0]!.activity.reduce((a, b) => a + b, 0)).toBe(3);
    const support = await listActors({ q: "", type: "asana_support", sort: "events", page: 1 }, now);
    expect(support.rows.map((r) => [r.key, r.eventCount])).toEqual([["asana_support", 2]]);
    expect((await listActors({ q: "erin", type: null, sort: "events", page: 1 }, now)).rows.map((r) => r.key)).toEqual([external.rows[0]!.key]);
    await expectRollupsExact();
  });

  it("filter the explorer by e-mail in any case, part of a name, and key; a key names its actor alone", async () => {
    expect(await count("ERIN.EXT@partner-msp.example.NET")).toBe(3);
    expect(await count("Nameless")).toBe(1);
    expect(await count("external_administrator:name:Nameless Contractor")).toBe(1);
    expect(await count("external_administrator:email:erin.ext@partner-msp.example.net")).toBe(3);
    // "asana" is Asana's key: not every actor whose e-mail holds the word.
    expect(await count("asana")).toBe(2);
    expect(await count("asana_support")).toBe(2);
    expect(await count("anonymous")).toBe(1);
    expect(await count("asana-fans")).toBe(4 + 1);
  });

  it("give each a timeline, a profile and a place in the top actors", async () => {
    const key = "external_administrator:email:erin.ext@partner-msp.example.net";
    expect(await getActorIdentity(key)).toMatchObject({ key, gid: null, actorType: "external_administrator", eventCount: 3 });
    const timeline = await getActorTimeline(key, allTime, { sort: "newest", size: 50, page: null }, now);
    expect(timeline.events.map((e) => e.gid)).toEqual([PAGE[2]!.gid, PAGE[1]!.gid, PAGE[0]!.gid]);
    expect(timeline.events.every((e) => e.actorKey === key)).toBe(true);
    expect((await getActorProfile(key))?.roleChanges).toEqual([]);
    const top = await topValues(allTime, "actor", { now, limit: 20 });
    expect(top.rows.find((r) => r.value === key)).toMatchObject({ count: 3, actor: { name: "Erin Ext" } });
    expect(top.rows.find((r) => r.value === "asana_support")).toMatchObject({ count: 2 });
  });
});

describe("last known names", () => {
  it("show a deleted resource by the newest name an earlier event gave it, not a late older one", async () => {
    const detail = (await getEvent(DELETED.gid))!;
    expect(detail.resourceName).toBeNull();
    expect(detail.resourceKnownName).toBe("Launch plan v2");
    expect(detail.sentence).toContain("Launch plan v2");
    expect((await getResourceSummary("6006"))?.name).toBe("Launch plan v2");
    const names = await knownNames({ actor: ["asana", "5005", "nobody"], resource: ["6006", "__proto__"] });
    expect(names.resources).toEqual([{ gid: "6006", resourceType: "project", name: "Launch plan v2" }]);
    expect(names.actors.map((a) => a.key)).toEqual(["5005", "asana"]);
  });
});

describe("the migration that adds actor keys", () => {
  const adminUrl = inject("adminDatabaseUrl");
  const url = new URL(adminUrl);
  url.pathname = `/actor_key_${Date.now().toString(36)}`;
  let dir = "";
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${url.pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  });

  it("backfills the same keys, actors, rollups and resource names as the sync's insert gives", async () => {
    dir = await mkdtemp(path.join(tmpdir(), "migrations-"));
    for (const name of await readdir(MIGRATIONS_DIR)) {
      if (name < "20261206200000") await cp(path.join(MIGRATIONS_DIR, name), path.join(dir, name), { recursive: true });
    }
    await ensureDatabase(url.toString());
    await migrate(url.toString(), undefined, dir);
    const old = new pg.Client({ connectionString: url.toString() });
    await old.connect();
    try {
      // The events as the sync stored them before: by gid only, actors and rollups of users alone.
      for (const data of [PAGE, [LATE]]) {
        await old.query(
          `WITH ins AS (
             INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, event_category, actor_type, actor_gid, actor_name, actor_email, resource_type, resource_gid, resource_name, raw)
             SELECT j->>'gid', '1', (j->>'created_at')::timestamptz, j->>'event_type', j->>'event_category', j->'actor'->>'actor_type', NULLIF(j->'actor'->>'gid', ''),
               NULLIF(j->'actor'->>'name', ''), NULLIF(j->'actor'->>'email', ''), j->'resource'->>'resource_type', j->'resource'->>'gid', NULLIF(j->'resource'->>'name', ''), j::text
             FROM jsonb_array_elements($1::jsonb) AS j RETURNING *),
           actors AS (
             INSERT INTO actor AS a (gid, actor_type, name, email, first_seen, last_seen, event_count)
             SELECT actor_gid, min(actor_type), min(left(actor_name, 1000)), min(actor_email), min(created_at), max(created_at), count(*) FROM ins WHERE actor_gid IS NOT NULL GROUP BY 1
             ON CONFLICT (gid) DO UPDATE SET event_count = a.event_count + EXCLUDED.event_count, first_seen = LEAST(a.first_seen, EXCLUDED.first_seen), last_seen = GREATEST(a.last_seen, EXCLUDED.last_seen))
           INSERT INTO event_value_rollup_monthly AS r (dimension, month, value, actor_type, days, total)
           SELECT 'actor', date_trunc('month', created_at AT TIME ZONE 'UTC')::date, actor_gid, actor_type, day_counts(extract(day FROM created_at AT TIME ZONE 'UTC')::int), count(*)
           FROM ins WHERE actor_gid IS NOT NULL GROUP BY 1, 2, 3, 4
           ON CONFLICT (dimension, month, value, actor_type) DO UPDATE SET days = add_day_counts(r.days, EXCLUDED.days), total = r.total + EXCLUDED.total`,
          [JSON.stringify(data)],
        );
      }
      await migrate(url.toString());

      const gids = [...PAGE, LATE].map((e) => e.gid);
      const keys = await old.query<{ gid: string; actor_key: string }>("SELECT gid, actor_key FROM audit_event ORDER BY gid");
      const synced = await db().$queryRaw<{ gid: string; actor_key: string }[]>`SELECT gid, actor_key FROM audit_event WHERE gid = ANY(${gids}::text[]) ORDER BY gid`;
      expect(keys.rows).toEqual(synced);
      const keySet = [...new Set(synced.map((r) => r.actor_key))];

      const actors = await old.query("SELECT key, gid, actor_type, event_count, first_seen, last_seen FROM actor ORDER BY key");
      expect(actors.rows).toEqual(await db().$queryRaw`SELECT key, gid, actor_type, event_count, first_seen, last_seen FROM actor WHERE key = ANY(${keySet}::text[]) ORDER BY key`);
      const rollup = await old.query("SELECT month::text AS month, value, actor_type, days, total FROM event_value_rollup_monthly WHERE dimension = 'actor' ORDER BY 1, 2, 3");
      expect(rollup.rows).toEqual(
        await db().$queryRaw`SELECT month::text AS month, value, actor_type, days, total FROM event_value_rollup_monthly WHERE dimension = 'actor' AND value = ANY(${keySet}::text[]) ORDER BY 1, 2, 3`,
      );
      const resources = await old.query("SELECT gid, resource_type, name, first_seen, last_seen FROM resource ORDER BY gid");
      expect(resources.rows).toEqual(await db().$queryRaw`SELECT gid, resource_type, name, first_seen, last_seen FROM resource ORDER BY gid`);
    } finally {
      await old.end();
    }
  });
});
