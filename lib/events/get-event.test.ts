import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db/client";
import { getEvent } from "./get-event";
import { seedEvents } from "./test-events";

beforeAll(async () => {
  await seedEvents(300, 11);
}, 120_000);

describe("getEvent", () => {
  it("returns the event with its sentence, details and the JSON exactly as stored", async () => {
    const [row] = await db().$queryRaw<{ gid: string; raw: string; actor_gid: string | null }[]>`
      SELECT gid, raw::text AS raw, actor_gid FROM audit_event WHERE actor_gid IS NOT NULL AND details IS NOT NULL ORDER BY created_at DESC LIMIT 1`;
    const event = await getEvent(row!.gid);
    expect(event).not.toBeNull();
    expect(event!.raw).toBe(row!.raw);
    expect(event!.sentence.length).toBeGreaterThan(5);
    expect(event!.actorEvents).toBeGreaterThanOrEqual(1);
    expect(JSON.parse(event!.raw).gid).toBe(row!.gid);
  });

  it("returns null for an unknown gid", async () => {
    expect(await getEvent("999999999999")).toBeNull();
  });
});
