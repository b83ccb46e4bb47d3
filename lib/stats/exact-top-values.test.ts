import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { exactTopValues } from "./exact-top-values";
import { topValues } from "./top-values";

/**
 * The bounded top lists must be the lists a count over every event gives: the same values, in
 * the same order, with the same counts, whatever the limit, for ranges cut inside a day at
 * either end.
 */
let emulator: Emulator;
const now = new Date();

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 29, events: 5_000 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

const hoursAgo = (h: number, minutes = 0) => new Date(now.getTime() - h * 3_600_000 - minutes * 60_000).toISOString();

const plusHours = (iso: string, h: number) => new Date(Date.parse(iso) + h * 3_600_000 + 1_234).toISOString();
const day = (n: number) => new Date(Math.floor(now.getTime() / 86_400_000 - n) * 86_400_000).toISOString();

const FILTERS: Array<[string, EventFilter]> = [
  ["last 30 days", filterOf({ time: { kind: "relative", last: "30d" } })],
  ["all time", filterOf({ time: { kind: "relative", last: "all" } })],
  ["whole days only", filterOf({ time: { kind: "absolute", from: day(45), to: day(3) } })],
  // Partial days longer than half a day are counted as the day's slot less the rest of the day.
  ["long partial days at both ends", filterOf({ time: { kind: "absolute", from: plusHours(day(20), 3), to: plusHours(day(3), 20) } })],
  ["short partial days at both ends", filterOf({ time: { kind: "absolute", from: plusHours(day(20), 21), to: plusHours(day(3), 2) } })],
  ["last 7 days, users only", filterOf({ time: { kind: "relative", last: "7d" }, include: { actorType: ["user"] } })],
  ["cut inside a day at both ends", filterOf({ time: { kind: "absolute", from: hoursAgo(20 * 24, 17), to: hoursAgo(3 * 24, 41) } })],
  ["forty days across month ends, not users", filterOf({ time: { kind: "absolute", from: hoursAgo(50 * 24, 7), to: hoursAgo(10 * 24, 13) }, exclude: { actorType: ["user"] } })],
];

describe.each(FILTERS)("the bounded top list, %s", (_name, filter) => {
  it("equals the count over every event, for every dimension and limit, however deep the lists' heads", async () => {
    for (const dimension of ["actor", "ip", "oauthApp"] as const) {
      for (const limit of [1, 3, 10, 60]) {
        const slow = await topValues(filter, dimension, { now, limit, useRollups: false });
        // Depth 1 and 3 leave most of each list to the second round's threshold; 64 reads most lists whole here.
        for (const depth of [1, 3, 64]) {
          const bounded = await exactTopValues(filter, dimension, { now }, { limit, depth });
          expect(bounded, `${dimension} ${limit} ${depth}`).not.toBeNull();
          expect(bounded!.map((v) => [v.value, v.count]), `${dimension} ${limit} ${depth}`).toEqual(slow.rows.map((r) => [r.value, r.count]));
        }
      }
    }
  });

  it("counts the values it is asked about, listed or not", async () => {
    const all = await topValues(filter, "actor", { now, limit: 1_000, useRollups: false });
    const quiet = all.rows.at(-1)!;
    const bounded = await exactTopValues(filter, "actor", { now }, { limit: 2, named: [quiet.value, "no-such-actor"], depth: 2 });
    expect(bounded!.slice(0, 2).map((v) => v.value)).toEqual(all.rows.slice(0, 2).map((r) => r.value));
    expect(bounded!.find((v) => v.value === quiet.value)?.count).toBe(quiet.count);
    expect(bounded!.some((v) => v.value === "no-such-actor")).toBe(false);
  });
});

describe("when bounding does not pay", () => {
  it("leaves a range within a day or two, and filters the rollup has no column for, to the plain count", async () => {
    const lastHours = filterOf({ time: { kind: "absolute", from: hoursAgo(20), to: hoursAgo(1) } });
    expect(await exactTopValues(lastHours, "actor", { now }, { limit: 5 })).toBeNull();
    const byContext = filterOf({ time: { kind: "relative", last: "30d" }, include: { contextType: ["web"] } });
    expect(await exactTopValues(byContext, "actor", { now }, { limit: 5 })).toBeNull();
  });
});
