import { spawn } from "node:child_process";
import { afterEach, describe, expect, it } from "vitest";
import { manualClock, type Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { verifyArchive } from "@/lib/integrity/verify";
import { expectRollupsExact } from "@/lib/testing/rollup-checks";
import { clientFor, resetDatabase, runReconcile, runSync, startTestEmulator, storedRaw, expectExactCopy } from "@/lib/testing/sync-harness";
import { insertEventPage, inWriteTransaction } from "./store";

/**
 * Reconciliation re-reads closed days and stores what the stream missed: an event Asana made
 * visible hours late, after the cursor had expired and polling restarted an hour (the overlap)
 * before the newest stored event, is read by nothing else. Verified days are sealed, and
 * verify tells the sync's own late arrivals from changes made behind its back.
 */
let emulator: Emulator | undefined;

afterEach(async () => {
  await emulator?.close();
  emulator = undefined;
  await resetDatabase();
});

const HOUR = 3_600_000;

/** `npm run verify`'s script on this file's database. */
function runVerifyCli(): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/integrity/cli.ts"], { env: { NODE_ENV: "test", PATH: process.env.PATH, DATABASE_URL: process.env.DATABASE_URL, LOG_LEVEL: "silent" } });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve) => child.on("exit", (code) => resolve({ code, stdout, stderr })));
}

async function syncedArchive(seed: number, events = 3_000) {
  const clock = manualClock(Date.now());
  emulator = await startTestEmulator({ seed, events, defaultLimit: 500, clock: clock.now, offsetTtlMs: 60_000 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
  const now = () => new Date(clock.now());
  return { clock, emulator, now };
}

describe("reconciliation", () => {
  it("stores events made visible hours late that the stream lost, each found late exactly once", async () => {
    const { clock, emulator: e, now } = await syncedArchive(51);
    const late = e.control.addGenerated(25, { lateByMs: 5 * HOUR });
    clock.advance(5 * 60_000); // the cursor expired: polling restarts an hour before the newest event
    expect(await runSync(e)).toMatchObject({ outcome: "succeeded", figures: { eventsNew: 0 } });
    const stored = await storedRaw();
    for (const event of late) expect(stored.has(event.gid)).toBe(false);

    const result = await runReconcile(e, { now });
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded", foundLate: 25 });
    await expectExactCopy(e);
    await expectRollupsExact();
    const run = await db().syncRun.findUniqueOrThrow({ where: { id: result.status === "ran" ? result.runId : 0 } });
    expect(run).toMatchObject({ kind: "reconcile", eventsNew: 25, outcome: "succeeded" });
    const days = await db().coverageDay.findMany({ where: { foundLate: { gt: 0 } } });
    expect(days.reduce((a, d) => a + d.foundLate, 0)).toBe(25);
    expect(Math.max(...days.map((d) => Number(d.maxLateMs)))).toBeGreaterThanOrEqual(5 * HOUR);

    expect(await runReconcile(e, { now, scope: "all" })).toMatchObject({ status: "ran", foundLate: 0 });
    await expectExactCopy(e);
  });

  it("verifies and seals every day Asana holds whole, and waits for the backfill before it starts", async () => {
    const clock = manualClock(Date.now());
    emulator = await startTestEmulator({ seed: 52, events: 2_000, clock: clock.now });
    expect(await runReconcile(emulator, { now: () => new Date(clock.now()) })).toMatchObject({ status: "not_ready" });
    await runSync(emulator);
    const result = await runReconcile(emulator, { now: () => new Date(clock.now()) });
    expect(result).toMatchObject({ status: "ran", outcome: "succeeded" });
    const coverage = await db().coverageDay.findMany({ orderBy: { day: "asc" } });
    const verified = coverage.filter((d) => d.state === "verified");
    expect(verified.length).toBeGreaterThanOrEqual(88);
    for (const day of verified) expect(day).toMatchObject({ digest: expect.stringMatching(/^[0-9a-f]{64}$/), chain: expect.stringMatching(/^[0-9a-f]{64}$/), sealedAt: expect.any(Date) });
    expect(await db().sealEvent.count()).toBe(verified.length);
    // Nothing due again until the schedule says so.
    expect(await runReconcile(emulator, { now: () => new Date(clock.now()) })).toMatchObject({ status: "nothing_due" });
    clock.advance(HOUR + 60_000);
    const recent = await runReconcile(emulator, { now: () => new Date(clock.now()) });
    expect(recent).toMatchObject({ status: "ran" });
    expect(recent.status === "ran" && recent.days).toBeLessThanOrEqual(3);
  });

  it("keeps polling first: on a share of the budget it never takes the whole of it", async () => {
    const { emulator: e, now } = await syncedArchive(53, 1_500);
    const started = performance.now();
    // 60 requests a minute for the token, half of it for reconciliation: one request every two seconds.
    const { RateLimiter, ShareOfBudget } = await import("@/lib/asana/rate-limiter");
    const whole = new RateLimiter({ perMinute: 600 });
    const client = clientFor(e, { limiter: new ShareOfBudget(whole, 300) });
    const result = await runReconcile(e, { now, client, limits: { maxRunMs: 3_000 } });
    expect(result).toMatchObject({ status: "ran", outcome: "partial" });
    expect(await db().coverageDay.count({ where: { state: "failed" } })).toBe(0);
    const elapsed = performance.now() - started;
    const pages = (await db().syncRun.findFirstOrThrow({ where: { kind: "reconcile" } })).pages;
    // At most 5 a second from the share, and the whole budget still had room: a poll gets a turn at once.
    expect(pages / (elapsed / 1000)).toBeLessThanOrEqual(5.5);
    const poll = performance.now();
    await whole.acquire();
    expect(performance.now() - poll).toBeLessThan(500);
  });
});

describe("verify", () => {
  it("finds an untouched archive intact, and names exactly the days whose events were changed, removed or added in SQL", async () => {
    const { emulator: e, now } = await syncedArchive(54);
    await runReconcile(e, { now });
    const clean = await verifyArchive();
    expect(clean.altered).toEqual([]);
    expect(clean.resealed).toEqual([]);
    expect(clean.brokenChain).toEqual([]);
    expect(clean.days).toBeGreaterThanOrEqual(88);
    const cleanCli = await runVerifyCli();
    expect(cleanCli.code, cleanCli.stderr).toBe(0);
    expect(cleanCli.stdout).toMatch(/Every sealed day is as it was sealed\.\nChain head|Chain head of workspace \d+: \d{4}-\d{2}-\d{2} [0-9a-f]{64}/);

    const days = await db().$queryRaw<{ day: string; gid: string }[]>`
      SELECT DISTINCT ON (d.day) to_char(d.day, 'YYYY-MM-DD') AS day, a.gid
      FROM coverage_day d JOIN audit_event a ON (a.created_at AT TIME ZONE 'UTC')::date = d.day
      WHERE d.digest IS NOT NULL ORDER BY d.day, a.gid LIMIT 40`;
    const [changed, removed, added] = [days[3]!, days[17]!, days[30]!];
    await db().$executeRaw`UPDATE audit_event SET raw = replace(raw, '"gid"', '"gid" ') WHERE gid = ${changed.gid}`;
    await db().$executeRaw`DELETE FROM audit_event WHERE gid = ${removed.gid}`;
    await db().$executeRaw`INSERT INTO audit_event (gid, workspace_gid, created_at, event_type, actor_type, raw) SELECT gid || '0', workspace_gid, created_at, event_type, actor_type, raw FROM audit_event WHERE gid = ${added.gid}`;

    const cli = await runVerifyCli();
    expect(cli.code).toBe(1);
    for (const day of [changed.day, removed.day, added.day]) expect(cli.stdout).toContain(`ALTERED: ${e.workspaceGid} ${day}`);
    const report = await verifyArchive();
    expect(report.altered.map((a) => a.day)).toEqual([changed.day, removed.day, added.day].sort());
    expect(report.resealed).toEqual([]);
    const flagged = await db().coverageDay.findMany({ where: { state: "altered" } });
    expect(flagged).toHaveLength(3);
    // Reconciliation seals over nothing: it stores the deleted event again from Asana (so that
    // day's events are as sealed once more), and the days stay marked for someone to look at.
    await runReconcile(e, { now, scope: "all" });
    expect((await storedRaw()).has(removed.gid)).toBe(true);
    expect((await verifyArchive()).altered.map((a) => a.day)).toEqual([changed.day, added.day].sort());
    expect(await db().coverageDay.count({ where: { state: "altered" } })).toBe(3);
    expect(await db().sealEvent.count({ where: { reason: { not: { contains: "verified complete" } } } })).toBe(0);
  });

  it("seals a day again, with the reason, when the sync itself stored a late event into it", async () => {
    const { emulator: e, now } = await syncedArchive(55);
    await runReconcile(e, { now });
    // An event of a sealed day arriving late, stored by the sync's own page writer.
    const [sample] = await db().$queryRaw<{ raw: string; day: string }[]>`
      SELECT a.raw, to_char(d.day, 'YYYY-MM-DD') AS day FROM coverage_day d
      JOIN audit_event a ON (a.created_at AT TIME ZONE 'UTC')::date = d.day WHERE d.digest IS NOT NULL ORDER BY d.day LIMIT 1`;
    const late = { ...JSON.parse(sample!.raw), gid: "7777777777777777" };
    await inWriteTransaction((tx) => insertEventPage(tx, { workspaceGid: e.workspaceGid, text: JSON.stringify({ data: [late], next_page: null }), skip: [] }));
    const day = sample!.day;
    expect((await db().coverageDay.findFirstOrThrow({ where: { day: new Date(`${day}T00:00:00Z`) } })).lateStored).toBe(1);
    const report = await verifyArchive();
    expect(report.altered).toEqual([]);
    expect(report.resealed.map((r) => r.day)).toEqual([day]);
    const history = await db().sealEvent.findMany({ where: { day: new Date(`${day}T00:00:00Z`) }, orderBy: { id: "asc" } });
    expect(history.map((h) => h.reason)).toEqual([expect.stringMatching(/verified complete/), expect.stringMatching(/1 event\(s\) stored by the sync after the day was sealed/)]);
    expect((await verifyArchive()).resealed).toEqual([]);
  });
});
