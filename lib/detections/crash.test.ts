import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { runSync, spawnSyncCli, startTestEmulator } from "@/lib/testing/sync-harness";

let emulator: Emulator;

beforeAll(async () => {
  // More events than a judging batch (JUDGE_BATCH, 10,000), so that the process judges while it
  // still has pages to store: with fewer, it judged only at its run's end and could exit
  // before the kill.
  emulator = await startTestEmulator({ seed: 173, events: 24_000, defaultLimit: 500, faults: { latencyMs: 15 } });
  // Every deletion is an alert's event: what was stored and what was judged can be compared event by event.
  await db().detectionRule.create({
    data: { id: "t.deletions", name: "Deletions", query: "category:deletion", condition: "match", settings: { groupBy: "actor" }, severity: "low", dedupSeconds: 365 * 86_400 },
  });
});
afterAll(() => emulator.close());

describe("a sync process killed between storing pages and judging them", () => {
  it("loses no alert and counts no event twice once the sync runs again", async () => {
    const { child, exited } = spawnSyncCli(emulator);
    const deadline = Date.now() + 60_000;
    let judged = 0;
    while (Date.now() < deadline && judged < 100) {
      await new Promise((r) => setTimeout(r, 50));
      judged = await db().alertEvent.count();
    }
    expect(judged).toBeGreaterThanOrEqual(100);
    child.kill("SIGKILL");
    expect(await exited).toBe("SIGKILL");

    expect(await runSync(emulator)).toMatchObject({ status: "ran", outcome: "succeeded" });
    const deletions = await db().auditEvent.findMany({ where: { eventCategory: "deletion" }, select: { gid: true } });
    const attached = await db().alertEvent.findMany({ where: { alert: { ruleId: "t.deletions" } }, select: { eventGid: true } });
    expect(attached.map((a) => a.eventGid).sort()).toEqual(deletions.map((l) => l.gid).sort());
    // One alert per actor: none opened twice for the same key.
    const alerts = await db().alert.groupBy({ by: ["dedupKey"], where: { ruleId: "t.deletions" }, _count: true });
    expect(alerts.every((a) => a._count === 1)).toBe(true);
    const counts = await db().alert.aggregate({ where: { ruleId: "t.deletions" }, _sum: { eventCount: true } });
    expect(counts._sum.eventCount).toBe(deletions.length);
    expect(await db().detectionQueue.count()).toBe(0);
  }, 120_000);
});
