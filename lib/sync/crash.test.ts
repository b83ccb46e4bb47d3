import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { runSync, spawnSyncCli, startTestEmulator, storedRaw } from "@/lib/testing/sync-harness";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 53, events: 6_000, defaultLimit: 100, faults: { latencyMs: 15 } });
});
afterAll(() => emulator.close());

describe("a sync process killed mid-run", () => {
  it("loses nothing and duplicates nothing once restarted", async () => {
    const { child, exited } = spawnSyncCli(emulator);

    // Wait until the child is well into the backfill, then kill it without warning.
    const deadline = Date.now() + 60_000;
    let stored = 0;
    while (Date.now() < deadline && stored < 1_500) {
      await new Promise((r) => setTimeout(r, 50));
      stored = await db().auditEvent.count();
    }
    expect(stored).toBeGreaterThanOrEqual(1_500);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");
    expect(await db().auditEvent.count()).toBeLessThan(6_000);

    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    const upstream = emulator.control.visibleEvents() as Array<{ gid: string }>;
    const copy = await storedRaw();
    expect(copy.size).toBe(upstream.length);
    for (const event of upstream) expect(copy.get(event.gid)).toEqual(event);

    const runs = await db().syncRun.findMany({ orderBy: { id: "asc" } });
    expect(runs.map((r) => r.outcome)).toEqual(["interrupted", "succeeded"]);
  }, 120_000);
});
