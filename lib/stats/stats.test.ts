import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { countEvents } from "@/lib/events/count-events";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { countBy, COUNT_BY } from "./count-by";
import { countOverTime } from "./count-over-time";
import { between, excluding, narrow } from "@/lib/events/filter-ops";
import { presetPanels } from "./preset-panels";
import { topValues } from "./top-values";

/**
 * Every figure the overview shows must be the count the explorer finds for the filter its
 * link carries, whether it came from the rollups or from the events. The explorer counts with
 * its own countEvents, which `explorerCount` calls.
 */
let emulator: Emulator;
const now = new Date();

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 71, events: 4_000 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

async function explorerCount(filter: EventFilter): Promise<number> {
  const { count, exact } = await countEvents(filter, { exact: true, now });
  expect(exact).toBe(true);
  return count!;
}

const hoursAgo = (h: number, minutes = 0) => new Date(now.getTime() - h * 3_600_000 - minutes * 60_000).toISOString();
const filter = filterOf;

/** Ranges with partial hours and days at both ends, open ends, and filters the rollups can and cannot answer. */
const FILTERS: Array<[string, EventFilter]> = [
  ["last 7 days", filter({})],
  ["all time", filter({ time: { kind: "relative", last: "all" } })],
  ["last 30 days, users only", filter({ time: { kind: "relative", last: "30d" }, include: { actorType: ["user"] } })],
  ["an absolute range cut mid-hour", filter({ time: { kind: "absolute", from: hoursAgo(20 * 24, 17), to: hoursAgo(3 * 24, 41) } })],
  ["from a mid-hour instant, open-ended", filter({ time: { kind: "absolute", from: hoursAgo(50, 23), to: null } })],
  ["logins and deletions but not failures", filter({ time: { kind: "relative", last: "90d" }, include: { category: ["logins", "deletion"] }, exclude: { eventType: ["user_login_failed"] } })],
  ["forty days across month ends, cut mid-day", filter({ time: { kind: "absolute", from: hoursAgo(50 * 24, 7), to: hoursAgo(10 * 24, 13) } })],
  ["a single hour", filter({ time: { kind: "absolute", from: hoursAgo(30, 5), to: hoursAgo(29, 5) } })],
  ["by context (events only)", filter({ time: { kind: "relative", last: "90d" }, include: { contextType: ["web"] } })],
  ["by IP range (events only)", filter({ time: { kind: "relative", last: "90d" }, include: { ip: ["0.0.0.0/1"] } })],
];

describe.each(FILTERS)("overview figures for %s", (_name, f) => {
  it("count by type, category and actor type as the explorer does, from rollups and from events alike", async () => {
    const total = await explorerCount(f);
    for (const dimension of COUNT_BY) {
      const fast = await countBy(f, dimension, { now, limit: 5 });
      const slow = await countBy(f, dimension, { now, limit: 5, useRollups: false });
      expect(fast.total).toBe(total);
      expect(fast.rows).toEqual(slow.rows);
      expect(fast.other).toBe(slow.other);
      for (const row of fast.rows.filter((r) => r.value !== "")) expect(await explorerCount(narrow(f, dimension, row.value))).toBe(row.count);
      if (dimension === "eventType") expect(await explorerCount(excluding(f, "eventType", fast.rows.map((r) => r.value)))).toBe(fast.other);
    }
  });

  it("count over time bucket by bucket, each bucket's link counting the same", async () => {
    const result = await countOverTime(f, { now, seriesBy: "category" });
    const slow = await countOverTime(f, { now, seriesBy: "category", useRollups: false });
    expect(result.points).toEqual(slow.points);
    expect(result.total).toBe(await explorerCount(f));
    expect(result.points.reduce((a, p) => a + p.total, 0)).toBe(result.total);
    const busiest = [...result.points].sort((a, b) => b.total - a.total).slice(0, 3);
    for (const point of busiest) {
      const bucket = between(f, new Date(point.from), new Date(point.to));
      expect(await explorerCount(bucket)).toBe(point.total);
      const i = result.series.findIndex((s, j) => s.key && (point.counts[j] ?? 0) > 0);
      if (i >= 0) expect(await explorerCount(narrow(bucket, "category", result.series[i]!.key!))).toBe(point.counts[i]);
    }
  });

  it("list top actors, addresses and apps with the explorer's counts", async () => {
    for (const dimension of ["actor", "ip", "oauthApp"] as const) {
      const fast = await topValues(f, dimension, { now, limit: 5 });
      const slow = await topValues(f, dimension, { now, limit: 5, useRollups: false });
      expect(fast.rows.map((r) => [r.value, r.count])).toEqual(slow.rows.map((r) => [r.value, r.count]));
      for (const row of fast.rows) expect(await explorerCount(narrow(f, dimension, row.value))).toBe(row.count);
    }
  });

  it("count the preset panels as the tables they link to", async () => {
    const fast = await presetPanels(f, { now });
    const slow = await presetPanels(f, { now, useRollups: false });
    expect(fast.presets).toEqual(slow.presets);
    for (const preset of fast.presets) expect(preset.filter ? await explorerCount(preset.filter) : 0).toBe(preset.count);
  });
});

describe("an actor named by part of a name", () => {
  it("is resolved to gids as the explorer resolves it, and counted the same", async () => {
    const { db } = await import("@/lib/db/client");
    const actor = await db().actor.findFirstOrThrow({ where: { name: { not: null } }, orderBy: { eventCount: "desc" } });
    const f = filter({ time: { kind: "relative", last: "all" }, include: { actor: [actor.name!.split(" ")[0]!.toLowerCase()] } });
    const total = await explorerCount(f);
    expect(total).toBeGreaterThanOrEqual(actor.eventCount);
    expect((await countBy(f, "category", { now })).total).toBe(total);
    expect((await countOverTime(f, { now, seriesBy: "actorType" })).total).toBe(total);
    const top = await topValues(f, "actor", { now });
    for (const row of top.rows) expect(await explorerCount(narrow(f, "actor", row.value))).toBe(row.count);
  });
});

describe("where the rollups are read", () => {
  it("serves time, type, category and actor type from them, and anything else from the events", async () => {
    expect((await countBy(FILTERS[1]![1], "eventType", { now })).source).toBe("rollup");
    expect((await countBy(FILTERS[8]![1], "eventType", { now })).source).toBe("events");
    expect((await topValues(FILTERS[2]![1], "actor", { now })).source).toBe("rollup");
    expect((await topValues(FILTERS[5]![1], "actor", { now })).source).toBe("events");
  });
});
