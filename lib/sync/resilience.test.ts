import { Writable } from "node:stream";
import pino from "pino";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { oddEvents, type Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { clientFor, resetDatabase, runSync, startTestEmulator, storedRaw } from "@/lib/testing/sync-harness";

let emulator: Emulator;

beforeAll(async () => {
  // Small pages: many requests, so that injected faults hit often.
  emulator = await startTestEmulator({ seed: 23, events: 2_000, defaultLimit: 100 });
});
afterAll(() => emulator.close());
afterEach(async () => {
  emulator.control.clearFaults();
  emulator.control.set({ faults: {} });
  await resetDatabase();
});

async function expectExactCopy() {
  const upstream = emulator.control.visibleEvents() as Array<{ gid: string }>;
  const stored = await storedRaw();
  expect(stored.size).toBe(upstream.length);
  for (const event of upstream) expect(stored.get(event.gid)).toEqual(event);
}

describe("sync under a hostile upstream", () => {
  it("stays exact through 429 storms, 5xx bursts, latency, resets and truncated bodies", async () => {
    emulator.control.set({ faults: { rates: { 429: 0.08, 500: 0.05, 502: 0.04, 503: 0.04, 504: 0.04, reset: 0.05, truncate: 0.05 }, latencyMs: [0, 8], retryAfterSec: 0 } });
    emulator.control.failNext(503, 3);
    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    await expectExactCopy();
    expect(Object.values(emulator.stats.faultsInjected).reduce((a, b) => a + (b ?? 0), 0)).toBeGreaterThan(5);
    const run = await db().syncRun.findFirstOrThrow();
    expect(run.retries + run.rateLimitWaits).toBeGreaterThan(0);
  });

  it("lets one of ten concurrent triggers run; the others say a sync is running", async () => {
    emulator.control.set({ faults: { latencyMs: 5 } });
    const results = await Promise.all(Array.from({ length: 10 }, () => runSync(emulator)));
    expect(results.filter((r) => r.status === "ran")).toHaveLength(1);
    expect(results.filter((r) => r.status === "already_running")).toHaveLength(9);
    expect(await db().syncRun.count()).toBe(1);
    await expectExactCopy();
  });

  it("quarantines malformed records with the reason, keeps odd but valid ones, and goes on", async () => {
    const base = (emulator.control.visibleEvents() as any[])[0];
    emulator.control.addEvents(oddEvents(base));
    const result = await runSync(emulator);
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    const quarantined = await db().quarantinedEvent.findMany({ orderBy: { id: "asc" } });
    // Missing gid, broken created_at, missing created_at, wrong types, missing actor.
    const reasons = quarantined.map((q) => q.reason).sort();
    expect(reasons).toHaveLength(5);
    expect(reasons.filter((r) => r.startsWith("created_at"))).toHaveLength(2);
    expect(reasons.filter((r) => /^gid: .*received undefined/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => /^gid: .*received number; actor/.test(r))).toHaveLength(1);
    expect(reasons.filter((r) => r.startsWith("actor:"))).toHaveLength(1);
    expect(quarantined.every((q) => q.payload !== null)).toBe(true);
    const stored = await storedRaw();
    const kept = (emulator.control.visibleEvents() as any[]).filter((e) => stored.has(e.gid));
    const odd = kept.filter((e) => e.risk_score !== undefined || e.event_type === "workspace_quantum_entanglement_enabled" || e.resource?.name === null);
    expect(odd.length).toBeGreaterThanOrEqual(3);
    for (const e of odd) expect(stored.get(e.gid)).toEqual(e);
    expect(stored.get(odd.find((e) => e.risk_score !== undefined).gid)).toMatchObject({ risk_score: 0.87, context: { geo: { country: "DE" } } });

    // Replayed pages do not quarantine the same record twice.
    await db().workspaceSyncState.update({ where: { workspaceGid: emulator.workspaceGid }, data: { cursorOffset: null, backfillPlan: { set: null as never }, backfillDoneAt: null } }).catch(() => undefined);
    await runSync(emulator);
    expect(await db().quarantinedEvent.count()).toBe(5);
  });

  it("never writes the token into its logs, even when requests fail", async () => {
    const lines: string[] = [];
    const sink = new Writable({ write: (chunk, _enc, done) => (lines.push(String(chunk)), done()) });
    const logger = pino({ level: "trace" }, sink);
    emulator.control.set({ faults: { rates: { 500: 0.2, 429: 0.1, reset: 0.1 }, retryAfterSec: 0 } });
    await runSync(emulator, clientFor(emulator, { logger }));
    const wrongToken = clientFor(emulator, { token: "wrong-token-value-xyz", logger });
    const refused = await runSync(emulator, wrongToken);
    expect(refused).toMatchObject({ status: "ran" });
    const output = lines.join("");
    expect(lines.length).toBeGreaterThan(0);
    expect(output).not.toContain(emulator.token);
    expect(output).not.toContain("wrong-token-value-xyz");
    expect(JSON.stringify(wrongToken)).not.toContain("wrong-token-value-xyz");
  });
});
