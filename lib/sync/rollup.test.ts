import { spawn } from "node:child_process";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock, oddEvents, type Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { MIGRATIONS_DIR } from "@/lib/db/migrate";
import { expectRollupsExact } from "@/lib/testing/rollup-checks";
import { clientFor, resetDatabase, runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { insertEventPage, inWriteTransaction } from "./store";

let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await resetDatabase();
});

async function replayFromScratch() {
  // Forget where the sync stands (its runs go with it), so the next run fetches every page again.
  await db().$executeRawUnsafe("DELETE FROM workspace_sync_state");
}

describe("rollups kept by the sync", () => {
  it("equal a count over the events after faults, retries and truncated bodies, with concurrent writers", async () => {
    emulator = await startTestEmulator({ seed: 61, events: 2_500, defaultLimit: 100 });
    emulator.control.set({ faults: { rates: { 500: 0.05, 503: 0.05, reset: 0.05, truncate: 0.05, 429: 0.05 }, retryAfterSec: 0 } });
    const result = await runSync(emulator, clientFor(emulator), { concurrency: 4 });
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    await expectRollupsExact();
  });

  it("add nothing when every page is fetched and stored again", async () => {
    emulator = await startTestEmulator({ seed: 62, events: 1_500, defaultLimit: 200 });
    await runSync(emulator);
    const before = await db().$queryRaw<unknown[]>`SELECT * FROM event_rollup_hourly ORDER BY 1, 2, 3, 4, 5`;
    await replayFromScratch();
    const again = await runSync(emulator);
    expect(again, JSON.stringify(again)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 0 } });
    expect(await db().$queryRaw<unknown[]>`SELECT * FROM event_rollup_hourly ORDER BY 1, 2, 3, 4, 5`).toEqual(before);
    await expectRollupsExact();
  });

  it("count late events in their own (past) hour, and events read again after an offset expired", async () => {
    const clock = manualClock(Date.now());
    emulator = await startTestEmulator({ seed: 63, events: 1_200, clock: clock.now, offsetTtlMs: 60_000 });
    await runSync(emulator);
    emulator.control.addGenerated(40);
    emulator.control.addGenerated(25, { lateByMs: 25 * 60_000 });
    emulator.control.addGenerated(10, { lateByMs: 45 * 60_000 });
    clock.advance(5 * 60_000); // the stored cursor has expired: the sync re-reads an overlap
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 75 } });
    await expectRollupsExact();
  });

  it("leave out quarantined records and count odd but valid ones (no category, an address inet cannot hold)", async () => {
    emulator = await startTestEmulator({ seed: 64, events: 600 });
    const base = (emulator.control.visibleEvents() as any[]).find((e) => e.context?.client_ip_address && e.actor?.gid);
    const noCategory = { ...structuredClone(base), gid: `${base.gid.slice(0, -3)}777`, event_category: undefined };
    const badIp = { ...structuredClone(base), gid: `${base.gid.slice(0, -3)}778`, context: { ...base.context, client_ip_address: "not-an-ip" } };
    emulator.control.addEvents([...oddEvents(base), noCategory, badIp]);
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    expect(await db().quarantinedEvent.count()).toBeGreaterThan(0);
    expect(await db().auditEvent.count({ where: { gid: noCategory.gid, eventCategory: null } })).toBe(1);
    await expectRollupsExact();
  });

  it("roll back with the events when the page's transaction fails, and bucket by UTC in any session time zone", async () => {
    emulator = await startTestEmulator({ seed: 65, events: 300 });
    await runSync(emulator);
    const extra = emulator.control.addGenerated(50, { lateByMs: 90 * 60_000 });
    const text = JSON.stringify({ data: extra, next_page: null });
    const page = { workspaceGid: emulator.workspaceGid, text, skip: [] };
    await expect(
      inWriteTransaction(async (tx) => {
        expect(await insertEventPage(tx, page)).toBe(50);
        throw new Error("crash after the write, before the commit");
      }),
    ).rejects.toThrow(/crash/);
    await expectRollupsExact();

    await inWriteTransaction(async (tx) => {
      // A half-hour offset: hours and days in this zone are not UTC's.
      await tx.query("SET LOCAL TimeZone = 'Asia/Kolkata'");
      expect(await insertEventPage(tx, page)).toBe(50);
    });
    await expectRollupsExact();
  });

  it("stay exact when the sync process is killed mid-page and run again", async () => {
    emulator = await startTestEmulator({ seed: 67, events: 5_000, defaultLimit: 100, faults: { latencyMs: 10 } });
    const child = spawn(process.execPath, ["--import", "tsx", "lib/sync/cli.ts"], {
      env: {
        NODE_ENV: "test",
        PATH: process.env.PATH,
        DATABASE_URL: process.env.DATABASE_URL,
        ASANA_TOKEN: emulator.token,
        ASANA_BASE_URL: emulator.apiBase,
        ASANA_WORKSPACE_GIDS: emulator.workspaceGid,
        SYNC_BACKFILL_CONCURRENCY: "3",
        LOG_LEVEL: "silent",
      },
      stdio: "ignore",
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    for (let i = 0; i < 1_200 && (await db().auditEvent.count()) < 1_000; i++) await new Promise((r) => setTimeout(r, 50));
    child.kill("SIGKILL");
    await exited;
    expect(await db().auditEvent.count()).toBeLessThan(5_000);
    await expectRollupsExact();
    expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
    expect(await db().auditEvent.count()).toBe(5_000);
    await expectRollupsExact();
  }, 120_000);

  it("are rebuilt exactly from existing events by the migration's backfill", async () => {
    emulator = await startTestEmulator({ seed: 66, events: 900 });
    await runSync(emulator);
    const rollups = ["event_rollup_hourly", "event_rollup_daily", "event_value_rollup_monthly", "event_facet_rollup_daily", "event_facet_rollup_hourly"];
    await db().$executeRawUnsafe(`TRUNCATE ${rollups.join(", ")}`);
    // Every migration's backfill of these rollups, in migration order, each in a transaction as
    // migrate() runs it: the hourly and daily ones and the per-value rollup by gid, then the
    // actor-key migration's per-value rows of the actors without a gid (by key), then the facet
    // rollups, then the addresses of successful sign-ins. Its lock and its INSERTs into the
    // rollups; comments go first (they hold semicolons).
    const fills = (statement: string) => statement.startsWith("LOCK TABLE") || rollups.some((table) => statement.startsWith(`INSERT INTO "${table}"`));
    const suffixes = ["_rollups", "_rollup_daily_monthly", "_actor_key_resource", "_facet_rollups", "_sign_in_ip_rollup"];
    const backfills = (await readdir(MIGRATIONS_DIR)).sort().filter((d) => suffixes.some((suffix) => d.endsWith(suffix)));
    expect(backfills).toHaveLength(suffixes.length);
    for (const name of backfills) {
      const sql = (await readFile(path.join(MIGRATIONS_DIR, name, "migration.sql"), "utf8")).replace(/--.*$/gm, "");
      const statements = sql.split(";").map((s) => s.trim()).filter(fills);
      expect(statements.some((s) => s.startsWith("INSERT")), name).toBe(true);
      await db().$transaction(async (tx) => {
        for (const statement of statements) await tx.$executeRawUnsafe(statement);
      });
    }
    await expectRollupsExact();
  });
});
