import { afterEach, describe, expect, it } from "vitest";
import { manualClock, type Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { clientFor, resetDatabase, runSync, startTestEmulator, storedRaw, expectExactCopy } from "@/lib/testing/sync-harness";

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await resetDatabase();
});

describe("offsets that expire, and events that arrive late", () => {
  it("falls back to the newest stored event minus the overlap when the cursor has expired", async () => {
    const clock = manualClock(Date.now());
    emulator = await startTestEmulator({ seed: 31, events: 1_500, clock: clock.now, offsetTtlMs: 60_000 });
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    const cursorBefore = (await db().workspaceSyncState.findFirstOrThrow()).cursorOffset;

    emulator.control.addGenerated(30);
    emulator.control.addGenerated(12, { lateByMs: 20 * 60_000 });
    clock.advance(5 * 60_000);
    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded", figures: { eventsNew: 42 } });
    expect((await db().workspaceSyncState.findFirstOrThrow()).cursorOffset).not.toBe(cursorBefore);
    await expectExactCopy(emulator);
  });

  it("restarts backfill windows whose offsets expired between runs, losing nothing", async () => {
    const clock = manualClock(Date.now());
    emulator = await startTestEmulator({ seed: 37, events: 3_000, defaultLimit: 100, clock: clock.now, offsetTtlMs: 60_000 });
    const client = clientFor(emulator);
    expect(await runSync(emulator, client, { maxPages: 20, concurrency: 2 })).toMatchObject({ outcome: "partial" });
    let outcome = "partial";
    for (let i = 0; i < 100 && outcome === "partial"; i++) {
      clock.advance(2 * 60_000); // every stored offset is stale by the next run
      const r = await runSync(emulator, client, { maxPages: 20, concurrency: 2 });
      outcome = r.status === "ran" ? r.outcome : "already_running";
    }
    expect(outcome).toBe("succeeded");
    await expectExactCopy(emulator);
  });

  it("gets events that become visible minutes after their created_at through the cursor", async () => {
    emulator = await startTestEmulator({ seed: 41, events: 800 });
    await runSync(emulator);
    const late = emulator.control.addGenerated(15, { lateByMs: 25 * 60_000 });
    const onTime = emulator.control.addGenerated(5);
    const result = await runSync(emulator);
    expect(result).toMatchObject({ figures: { eventsNew: 20 } });
    const stored = await storedRaw();
    for (const e of [...late, ...onTime]) expect(stored.get(e.gid)).toEqual(e);
  });

  it("keeps events whose visibility is delayed until they show up", async () => {
    const clock = manualClock(Date.now());
    emulator = await startTestEmulator({ seed: 43, events: 600, clock: clock.now });
    await runSync(emulator);
    const delayed = emulator.control.addGenerated(7, { visibleAt: clock.now() + 10 * 60_000, lateByMs: 0 });
    expect(await runSync(emulator)).toMatchObject({ figures: { eventsNew: 0 } });
    clock.advance(11 * 60_000);
    expect(await runSync(emulator)).toMatchObject({ figures: { eventsNew: 7 } });
    const stored = await storedRaw();
    for (const e of delayed) expect(stored.has(e.gid)).toBe(true);
  });
});
