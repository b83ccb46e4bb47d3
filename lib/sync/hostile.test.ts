import { afterEach, describe, expect, it } from "vitest";
import { HOSTILE_KINDS, hostileGid, hostileRecord, RawJson, recordText, recordValue, type Emulator, type HostileKind } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { expectRollupsExact } from "@/lib/testing/rollup-checks";
import { clientFor, resetDatabase, runSync, startTestEmulator } from "@/lib/testing/sync-harness";

/**
 * Records Asana may send that PostgreSQL cannot hold as they are, or that once stalled a
 * stream for good: each is stored (its columns made safe, `raw` exact, the change listed),
 * or quarantined with PostgreSQL's reason, and the stream always moves on.
 */
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await db().$executeRawUnsafe("ALTER TABLE audit_event DROP CONSTRAINT IF EXISTS refuse_marked");
  await resetDatabase();
});

const ALTERED: ReadonlySet<HostileKind> = new Set([
  "nul_name",
  "nul_everywhere",
  "lone_surrogate",
  "long_indexed_values",
  "date_year_0000",
  "date_offset_out_of_range",
  "date_beyond_9999",
  "date_before_year_1",
  "unlinkable_gid",
  "huge_numbers",
  "deep_details",
  "odd_ip",
]);

async function storedRows() {
  const rows = await db().$queryRaw<{ gid: string; raw: string; alterations: unknown; resource_name: string | null; created_at: Date }[]>`
    SELECT gid, raw, alterations, resource_name, created_at FROM audit_event`;
  return new Map(rows.map((r) => [r.gid, r]));
}

describe("hostile records", () => {
  it("are all stored from the emulator's hostile mode: raw byte for byte, the columns safe, each change listed", async () => {
    emulator = await startTestEmulator({ seed: 91, events: 800, defaultLimit: 100, hostile: { rounds: 1 } });
    const result = await runSync(emulator);
    expect(result, JSON.stringify(result)).toMatchObject({ status: "ran", outcome: "succeeded" });
    expect(await db().quarantinedEvent.count()).toBe(0);

    const upstream = emulator.control.visibleEvents();
    const rows = await storedRows();
    expect(rows.size).toBe(upstream.length);
    const byRaw = new Map([...rows.values()].map((r) => [r.raw, r]));
    for (const record of upstream) expect(byRaw.has(recordText(record)), recordText(record).slice(0, 200)).toBe(true);

    const bases = emulator.organisation.allEvents();
    for (const kind of HOSTILE_KINDS) {
      const sent = upstream.map((u) => (recordValue(u) as { gid: string }).gid);
      const gids = bases.map((b) => hostileGid(b, kind)).flatMap((g) => sent.filter((s) => s === g || s.startsWith(`${g}/`)));
      expect(gids, kind).toHaveLength(1);
      const stored = [...rows.values()].find((r) => (JSON.parse(r.raw) as { gid: string }).gid === gids[0])!;
      expect(stored.alterations !== null, `${kind} marked as altered`).toBe(ALTERED.has(kind));
    }
    const nul = [...rows.values()].find((r) => r.resource_name === "before\uFFFDafter");
    expect(nul?.alterations).toEqual([{ path: "resource.name", kind: "nul" }]);
    await expectRollupsExact();
  });

  it("a NUL character no longer stalls the stream: the cursor moves on and later events arrive", async () => {
    emulator = await startTestEmulator({ seed: 92, events: 300 });
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    const [base] = emulator.control.addGenerated(1);
    emulator.control.addEvents([hostileRecord("nul_name", base!, `${base!.gid}1`)]);
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 2 } });
    emulator.control.addGenerated(5);
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 5 } });
    expect(await db().auditEvent.count()).toBe(307);
  });

  it("isolates records PostgreSQL refuses for a reason no check foresaw, quarantines them with its message, stores the rest", async () => {
    // A rule of this test's own database stands in for a refusal nobody foresaw.
    await db().$executeRawUnsafe("ALTER TABLE audit_event ADD CONSTRAINT refuse_marked CHECK (resource_name IS DISTINCT FROM 'refuse me')");
    emulator = await startTestEmulator({ seed: 93, events: 0, defaultLimit: 50 });
    const events = emulator.control.addGenerated(120);
    const refused = [7, 60, 61].map((i) => ({ ...structuredClone(events[i]!), gid: `${events[i]!.gid}5`, resource: { ...events[i]!.resource, name: "refuse me" } }));
    emulator.control.addEvents(refused);
    const result = await runSync(emulator);
    expect(result, JSON.stringify(result)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 120, quarantined: 3 } });
    const quarantined = await db().quarantinedEvent.findMany({ orderBy: { gid: "asc" } });
    expect(quarantined.map((q) => q.gid)).toEqual(refused.map((r) => r.gid).sort());
    for (const q of quarantined) expect(q.reason).toMatch(/^PostgreSQL refused to store it: .*refuse_marked/);
    expect(quarantined.map((q) => q.payload)).toEqual(expect.arrayContaining(refused.map((r) => JSON.stringify(r))));
    emulator.control.addGenerated(3);
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 3 } });
    await expectRollupsExact();
  });

  it("an event dated 2099 does not move the point where polling restarts past the real events", async () => {
    emulator = await startTestEmulator({ seed: 94, events: 200 });
    const [base] = emulator.control.addGenerated(1);
    emulator.control.addEvents([hostileRecord("date_2099", base!, `${base!.gid}1`)]);
    const before = Date.now();
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    const state = await db().workspaceSyncState.findUniqueOrThrow({ where: { workspaceGid: emulator.workspaceGid } });
    expect(state.watermark!.getTime()).toBeLessThanOrEqual(Date.now());
    expect(state.watermark!.getTime()).toBeGreaterThan(before - 60_000);
    const plan = state.backfillPlan as { windows: Array<{ end: string; reached: string | null }> };
    for (const w of plan.windows) if (w.reached) expect(w.reached <= w.end).toBe(true);
    expect(await db().auditEvent.count({ where: { createdAt: { gt: new Date("2099-01-01") } } })).toBe(1);
  });

  it("names the stream that failed, not the streams it stopped", async () => {
    emulator = await startTestEmulator({ seed: 95, events: 3_000, defaultLimit: 100, faults: { latencyMs: 150 } });
    emulator.control.failNext(503, 1);
    const result = await runSync(emulator, clientFor(emulator, { maxRetries: 0 }), { concurrency: 4 });
    expect(result).toMatchObject({ status: "ran", outcome: "failed" });
    const error = result.status === "ran" ? (result.error ?? "") : "";
    expect(error).toMatch(/^Asana had a server error \(503/);
    expect(error).toMatch(/[1-9]\d* other stream\(s\) of this run stopped because of it/);
    expect(error).not.toMatch(/database|aborted/i);
    const run = await db().syncRun.findFirstOrThrow({ where: { outcome: "failed" } });
    expect(run.error).toBe(error);
  });

  it("stores events whose actor names are 200,000 random characters without the actor search index taking seconds a page", async () => {
    emulator = await startTestEmulator({ seed: 97, events: 0, defaultLimit: 100 });
    const events = emulator.control.addGenerated(100);
    let seed = 7;
    const random = () => {
      let name = "";
      while (name.length < 200_000) name += (seed = (seed * 48271) % 2147483647).toString(36);
      return name.slice(0, 200_000);
    };
    emulator.control.addEvents(events.map((e, i) => ({ ...structuredClone(e), gid: `${e.gid}4`, actor: { ...e.actor, gid: `77${i}`, name: random() } })));
    const result = await runSync(emulator);
    expect(result).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 200 } });
    const [lengths] = await db().$queryRaw<{ event: number; actor: number }[]>`
      SELECT (SELECT max(length(actor_name)) FROM audit_event)::int AS event, (SELECT max(length(name)) FROM actor)::int AS actor`;
    expect(lengths).toEqual({ event: 200_000, actor: 1_000 });
  });

  it("serves a RawJson record as its exact text", async () => {
    emulator = await startTestEmulator({ seed: 96, events: 0 });
    const text = `{ "gid" : "77", "created_at":"${new Date().toISOString()}","event_type":"x","actor":{"actor_type":"user"},"details":{"n":1e999999} }`;
    emulator.control.addEvents([new RawJson(text)]);
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    expect((await storedRows()).get("77")?.raw).toBe(text);
  });
});
