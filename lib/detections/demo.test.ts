import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { manualClock, type Emulator } from "@/lib/asana/emulator";
import { generateOrganisation } from "@/lib/asana/emulator/organisation";
import { db } from "@/lib/db/client";
import { syncWorkspace } from "@/lib/sync/run-sync";
import { clientFor, quietLogger, startTestEmulator, testLimits } from "@/lib/testing/sync-harness";
import { BUILTIN_RULES } from "./builtin-rules";
import { ensureBuiltinRules } from "./builtin-sync";

/**
 * Demo mode's promise (issue #17): the synthetic organisation's incidents make every built-in
 * rule fire over its history, and live capture brings another within minutes. The organisation
 * is built as the launcher builds it (lib/asana/demo.ts), smaller than its default 100,000
 * events but with every kind of incident, and synced by the real sync, which judges each page
 * it stores. The clock is fixed, so that pages fall the same way on every run.
 */
const T0 = Date.parse("2026-03-02T09:00:00.000Z");
const MINUTE = 60_000;
const clock = manualClock(T0);
let emulator: Emulator;

const sync = () => syncWorkspace({ workspaceGid: emulator.workspaceGid, client: clientFor(emulator), trigger: "test", limits: testLimits, logger: quietLogger, now: () => new Date(clock.now()) });

beforeAll(async () => {
  const organisation = generateOrganisation({ seed: 42, events: 30_000, days: 90, now: T0, extraBase: 0 });
  emulator = await startTestEmulator({ organisation, clock: clock.now });
  await ensureBuiltinRules();
  expect(await sync()).toMatchObject({ outcome: "succeeded" });
}, 120_000);
afterAll(() => emulator.close());

describe("the demo organisation", () => {
  it.each(BUILTIN_RULES.map((r) => r.id))("fires %s over its history", async (rule) => {
    expect(await db().alert.count({ where: { ruleId: rule } })).toBeGreaterThan(0);
  });

  it("raises an alert from each live incident, the first within minutes at demo mode's pace", async () => {
    // 0.5 events a second (DEMO_LIVE_RATE), polled every minute (SYNC_INTERVAL), for a quarter of an hour.
    const incidents = new Map<string, { kind: string; at: number; gids: string[] }>();
    let current: { kind: string; at: number; gids: string[] } | undefined;
    for (let minute = 0; minute < 15; minute++) {
      for (let k = 0; k < 30; k++) {
        clock.advance(2_000);
        const [event] = emulator.control.addGenerated(1);
        const kind = emulator.organisation.liveIncidentAt(emulator.control.streamLength() - 1);
        if (!kind) current = undefined;
        else {
          if (!current) incidents.set(event!.gid, (current = { kind, at: clock.now(), gids: [] }));
          current.gids.push(event!.gid);
        }
      }
      expect(await sync()).toMatchObject({ outcome: "succeeded" });
    }
    expect(incidents.size).toBeGreaterThanOrEqual(2);
    expect(Math.min(...[...incidents.values()].map((i) => i.at))).toBeLessThan(T0 + 12 * MINUTE);
    for (const { kind, gids } of incidents.values()) {
      expect(await db().alertEvent.count({ where: { eventGid: { in: gids } } }), kind).toBeGreaterThan(0);
    }
  });
});
