import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { db, dbPool } from "@/lib/db/client";
import { seedEvents } from "@/lib/events/test-events";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { getActorProfile } from "./get-actor-profile";

/**
 * actor_used_value, which the profile panel reads, must equal what the actor's events say,
 * computed here another way: every actor, kind and value, with its count, first and last use
 * and the first event (and first sign-in) by (created_at, gid); kind 4 is the actor's exports.
 */
async function differences() {
  return db().$queryRaw<unknown[]>`
    WITH used AS (
      SELECT gid, created_at, event_type, actor_key, 0 AS kind, host(client_ip) AS value FROM audit_event WHERE client_ip IS NOT NULL
      UNION ALL SELECT gid, created_at, event_type, actor_key, 1, user_agent FROM audit_event WHERE user_agent IS NOT NULL
      UNION ALL SELECT gid, created_at, event_type, actor_key, 2, auth_method FROM audit_event WHERE auth_method IS NOT NULL
      UNION ALL SELECT gid, created_at, event_type, actor_key, 3, oauth_app_name FROM audit_event WHERE oauth_app_name IS NOT NULL
      UNION ALL SELECT gid, created_at, event_type, actor_key, 4, '' FROM audit_event WHERE event_category = 'content_export' AND event_type <> 'attachment_downloaded'
    ),
    truth AS (
      SELECT actor_key, kind, md5(value) AS value_hash, left(value, 1000) AS value, length(value) AS value_length,
        count(*)::int AS n, min(created_at) AS first_seen, max(created_at) AS last_seen,
        (array_agg(gid ORDER BY created_at, gid))[1] AS first_gid,
        (array_agg(gid ORDER BY created_at, gid) FILTER (WHERE event_type = 'user_login_succeeded'))[1] AS first_sign_in_gid
      FROM used
      GROUP BY 1, 2, 3, 4, 5
    ),
    kept AS (
      SELECT actor_key, kind::int AS kind, value_hash, value, value_length, n, first_seen, last_seen, split_part(first_key, ' ', 2) AS first_gid,
        NULLIF(split_part(first_sign_in_key, ' ', 2), '') AS first_sign_in_gid
      FROM actor_used_value
    )
    SELECT * FROM truth t FULL JOIN kept k USING (actor_key, kind, value_hash)
    WHERE (t.value, t.value_length, t.n, t.first_seen, t.last_seen, t.first_gid, t.first_sign_in_gid)
      IS DISTINCT FROM (k.value, k.value_length, k.n, k.first_seen, k.last_seen, k.first_gid, k.first_sign_in_gid)`;
}

beforeAll(async () => {
  await seedEvents(2_000, 11);
}, 180_000);

describe("actor_used_value", () => {
  it("is kept by the sync's insert statement, page after page, replays adding nothing", async () => {
    expect(await db().actorUsedValue.count()).toBeGreaterThan(0);
    expect(await differences()).toEqual([]);
    // The same domain synced again from the start: every page a replay.
    await db().workspaceSyncState.updateMany({ data: { cursorOffset: null } });
    const emulator = await startTestEmulator({ events: 2_000, seed: 11, days: 30 });
    try {
      await runSync(emulator);
    } finally {
      await emulator.close();
    }
    expect(await differences()).toEqual([]);
  });

  it("is filled by its migration from the events already stored", async () => {
    const migration = readFileSync("prisma/migrations/20261206220000_actor_used_value/migration.sql", "utf8");
    await dbPool().query(`DROP TABLE actor_used_value; ${migration}`);
    expect(await db().actorUsedValue.count()).toBeGreaterThan(0);
    expect(await differences()).toEqual([]);
  });

  it("gives the profile the same answer as a pass over the actor's events", async () => {
    const [actor] = await db().$queryRaw<{ key: string }[]>`SELECT key FROM actor ORDER BY event_count DESC, key LIMIT 1`;
    const profile = (await getActorProfile(actor!.key))!;
    const agents = await db().$queryRaw<{ agent: string; first: Date; last: Date; n: number; gid: string }[]>`
      SELECT user_agent AS agent, min(created_at) AS first, max(created_at) AS last, count(*)::int AS n, (array_agg(gid ORDER BY created_at, gid))[1] AS gid
      FROM audit_event WHERE actor_key = ${actor!.key} AND user_agent IS NOT NULL GROUP BY 1 ORDER BY 2`;
    expect(profile.used.userAgent.map((u) => [u.value, u.firstSeen, u.lastSeen, u.count, u.firstEventGid])).toEqual(
      agents.map((a) => [a.agent, a.first.toISOString(), a.last.toISOString(), a.n, a.gid]),
    );
    // This actor never exported: no marker.
    expect(await db().auditEvent.count({ where: { actorKey: actor!.key, eventCategory: "content_export" } })).toBe(0);
    expect(profile.markers.filter((m) => m.kind === "first-export")).toEqual([]);
  });

  it("marks an actor's first export, the earliest by (created_at, gid)", async () => {
    const [first] = await db().$queryRaw<{ key: string; gid: string }[]>`
      SELECT DISTINCT ON (actor_key) actor_key AS key, gid FROM audit_event
      WHERE event_category = 'content_export' AND event_type <> 'attachment_downloaded'
      ORDER BY actor_key, created_at, gid LIMIT 1`;
    const profile = (await getActorProfile(first!.key))!;
    expect(profile.markers.filter((m) => m.kind === "first-export").map((m) => m.gid)).toEqual([first!.gid]);
  });
});
