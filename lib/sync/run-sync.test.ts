import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { clientFor, resetDatabase, runSync, startTestEmulator, storedRaw } from "@/lib/testing/sync-harness";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 11, events: 3_000 });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.control.clearFaults();
  emulator.control.set({ faults: {} });
  await resetDatabase();
});

function expectExactCopy(stored: Map<string, unknown>) {
  const upstream = emulator.control.visibleEvents() as Array<{ gid: string }>;
  expect(stored.size).toBe(upstream.length);
  for (const event of upstream) expect(stored.get(event.gid)).toEqual(event);
}

describe("syncWorkspace", () => {
  it("copies every event exactly, original JSON included, and keeps the columns in step", async () => {
    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    expectExactCopy(await storedRaw());

    const sample = (emulator.control.visibleEvents() as Array<Record<string, any>>).find((e) => e.context?.client_ip_address)!;
    const row = await db().auditEvent.findUniqueOrThrow({ where: { gid: sample.gid } });
    expect(row).toMatchObject({
      eventType: sample.event_type,
      eventCategory: sample.event_category,
      actorType: sample.actor.actor_type,
      actorGid: sample.actor.gid ?? null,
      resourceGid: sample.resource?.gid ?? null,
      contextType: sample.context?.context_type ?? null,
      clientIp: sample.context.client_ip_address,
    });
    expect(row.createdAt.toISOString()).toBe(sample.created_at);
  });

  it("stores nothing twice when run again, and reports the run", async () => {
    await runSync(emulator);
    const again = await runSync(emulator);
    expect(again).toMatchObject({ status: "ran", outcome: "succeeded", figures: { eventsNew: 0 } });
    expectExactCopy(await storedRaw());
    const runs = await db().syncRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.map((r) => r.outcome)).toEqual(["succeeded", "succeeded"]);
    expect(runs[0]!.eventsNew).toBe(3_000);
    expect(runs[0]!.pages).toBeGreaterThan(0);
    expect(runs[0]!.finishedAt).not.toBeNull();
  });

  it("picks up events captured after it caught up, from the stored cursor", async () => {
    await runSync(emulator);
    const before = await db().auditEvent.count();
    const added = emulator.control.addGenerated(25);
    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", figures: { eventsNew: 25 } });
    expect(await db().auditEvent.count()).toBe(before + 25);
    const state = await db().workspaceSyncState.findUniqueOrThrow({ where: { workspaceGid: emulator.workspaceGid } });
    expect(state.cursorOffset).toBeTruthy();
    expect(state.backfillDoneAt).not.toBeNull();
    expect(added.length).toBe(25);
  });

  it("ends a run at its page bound and goes on from there in the next run", async () => {
    const first = await runSync(emulator, clientFor(emulator), { maxPages: 5, concurrency: 2 });
    expect(first).toMatchObject({ status: "ran", outcome: "partial" });
    let result = first;
    for (let i = 0; i < 50 && result.status === "ran" && result.outcome === "partial"; i++) {
      result = await runSync(emulator, clientFor(emulator), { maxPages: 5, concurrency: 2 });
    }
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    expectExactCopy(await storedRaw());
  });
});
