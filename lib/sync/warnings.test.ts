import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { overrideEnv } from "@/lib/env";
import { runReconcile, runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { getCoverage } from "./get-coverage";
import { getWarnings } from "./warnings";

/**
 * The calendar's states and the warnings that must come in time: days never verified near
 * Asana's horizon, a sync that has not succeeded for too long, polling standing still, days
 * altered since they were sealed.
 */
const MINUTE = 60_000;
let emulator: Emulator;
let clock: ReturnType<typeof manualClock>;

beforeAll(async () => {
  clock = manualClock(Date.now());
  emulator = await startTestEmulator({ seed: 81, events: 2_000, clock: clock.now });
  overrideEnv({ ASANA_WORKSPACE_GIDS: [emulator.workspaceGid], RECONCILE_ENABLED: true });
  await runSync(emulator);
});
afterAll(() => emulator.close());

const codes = async (at: Date) => (await getWarnings(at)).map((w) => w.code).sort();

describe("coverage and warnings", () => {
  it("warn of days never verified as they near Asana's horizon, once reconciliation had its first chance", async () => {
    const now = new Date(clock.now());
    expect(await codes(now)).toEqual([]);
    const later = new Date(now.getTime() + 31 * MINUTE);
    const coverage = await getCoverage(later);
    const days = coverage.workspaces[0]!.days;
    expect(days.filter((d) => d.state === "at_risk").length).toBeGreaterThanOrEqual(6);
    expect(days.filter((d) => d.state === "unverified").length).toBeGreaterThan(70);
    expect(days[0]).toMatchObject({ state: "expired", note: "Not verified; Asana no longer holds it." });
    expect(days.at(-1)).toMatchObject({ state: "open" });
    const warnings = await getWarnings(later);
    expect(warnings.find((w) => w.code === "horizon")?.message).toMatch(/never verified will leave Asana's 90 days by \d{4}-\d{2}-\d{2}.*last chance/);
    // Polling has not read Asana for 31 minutes of this clock either.
    expect(warnings.map((w) => w.code)).toContain("cursor_lag");
  });

  it("stop warning of the horizon once the days are verified, and show them verified and sealed", async () => {
    await runReconcile(emulator, { now: () => new Date(clock.now()) });
    const later = new Date(clock.now() + 31 * MINUTE);
    expect(await codes(later)).not.toContain("horizon");
    const days = (await getCoverage(later)).workspaces[0]!.days;
    const verified = days.filter((d) => d.state === "verified");
    expect(verified.length).toBeGreaterThanOrEqual(88);
    for (const d of verified) expect(d).toMatchObject({ sealed: true, listed: d.stored });
    expect((await getCoverage(later)).workspaces[0]!.head?.chain).toMatch(/^[0-9a-f]{64}$/);
  });

  it("warn when the sync has not succeeded for SYNC_STALE_AFTER, and when a sealed day was altered", async () => {
    await db().workspaceSyncState.updateMany({ data: { lastSuccessAt: new Date(clock.now() - 2 * 3_600_000), lastError: "Asana refused the token (401: Not Authorized)." } });
    const day = await db().coverageDay.findFirstOrThrow({ where: { digest: { not: null } } });
    await db().coverageDay.update({ where: { workspaceGid_day: { workspaceGid: day.workspaceGid, day: day.day } }, data: { state: "altered" } });
    const warnings = await getWarnings(new Date(clock.now()));
    expect(warnings.find((w) => w.code === "sync_stale")).toMatchObject({ severity: "critical", message: expect.stringMatching(/has not succeeded for 2 h: Asana refused the token/) });
    expect(warnings.find((w) => w.code === "altered")?.message).toContain(day.day.toISOString().slice(0, 10));
    expect((await getCoverage(new Date(clock.now()))).workspaces[0]!.counts.altered).toBe(1);
  });
});
