import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { db } from "@/lib/db/client";
import { countEvents } from "@/lib/events/count-events";
import { between } from "@/lib/events/filter-ops";
import { filterOf } from "@/lib/events/filters";
import { formatInstant } from "@/lib/events/format-time";
import { runSync, startTestEmulator } from "@/lib/testing/sync-harness";
import { countOverTime } from "./count-over-time";

/**
 * Days and weeks of the reader's zone (cases 6 and 8): each bar starts at that zone's
 * midnight (a Monday's for weeks) and holds exactly the events the explorer counts between
 * its bounds, whether summed from the hourly rollup or counted from the events.
 */
let emulator: Emulator;
const now = new Date();

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 16, events: 1_500 });
  expect(await runSync(emulator)).toMatchObject({ outcome: "succeeded" });
});
afterAll(() => emulator.close());

describe.each([
  ["Europe/Berlin", "day", "30d"],
  ["America/New_York", "day", "30d"],
  ["America/New_York", "week", "90d"],
  ["Asia/Tokyo", "week", "90d"],
] as const)("bars in %s, one a %s, over %s", (zone, interval, last) => {
  it("start at the zone's midnight and count what the explorer counts between their bounds", async () => {
    const filter = filterOf({ time: { kind: "relative", last } });
    const chart = await countOverTime(filter, { now, seriesBy: "category", zone, interval });
    const fromEvents = await countOverTime(filter, { now, seriesBy: "category", zone, interval, useRollups: false });
    expect(chart.zone).toBe(zone);
    expect(chart.bucket).toBe(interval === "day" ? "1d" : "1w");
    expect(chart.points.map((p) => [p.from, p.total])).toEqual(fromEvents.points.map((p) => [p.from, p.total]));
    for (const [i, point] of chart.points.entries()) {
      // The first bar is cut at the range's start; every other starts at the zone's midnight.
      if (i > 0) {
        expect(formatInstant(point.from, zone).slice(11, 19), point.from).toBe("00:00:00");
        if (interval === "week") expect(new Intl.DateTimeFormat("en-GB", { weekday: "long", timeZone: zone }).format(new Date(point.from))).toBe("Monday");
      }
      const { count } = await countEvents(between(filter, new Date(point.from), new Date(point.to)), { exact: true, now });
      expect(point.total, `${point.from} – ${point.to}`).toBe(count);
    }
    const [{ n }] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM audit_event WHERE created_at >= ${new Date(chart.from!)} AND created_at < ${new Date(chart.to!)}`;
    expect(chart.total).toBe(n);
  });
});
