import { beforeAll, describe, expect, it } from "vitest";
import { dbPool } from "@/lib/db/client";
import { countEvents } from "@/lib/events/count-events";
import { countFacets } from "@/lib/events/count-facets";
import { filterOf, type EventFilter } from "@/lib/events/filters";
import { TIME_PRESETS } from "@/lib/events/time-range";
import { hostileEvents, insertHostileEvents, type HostileEvent } from "@/lib/testing/hostile-events";
import { seedEvents } from "@/lib/events/test-events";
import { MAX_BUCKETS } from "./buckets";
import { countBy } from "./count-by";
import { countOverTime, MAX_SERIES } from "./count-over-time";
import { loadPanel } from "./load-panel";
import { STAT_PANELS } from "./panels";
import { topValues } from "./top-values";

/**
 * The overview over values Asana controls: events dated 2099, 9999 and the year 1, and
 * categories, actor types and event types named after Object.prototype's members. Every
 * figure stays a number that the explorer agrees with, and no chart has more than
 * MAX_BUCKETS bars, however far apart the events are.
 */
const now = new Date();

async function write(events: HostileEvent[]) {
  const client = await dbPool().connect();
  try {
    await insertHostileEvents(client, events);
  } finally {
    client.release();
  }
}

beforeAll(async () => {
  await seedEvents(300, 12);
  await write(hostileEvents());
}, 120_000);

async function explorerCount(filter: EventFilter): Promise<number> {
  const { count } = await countEvents(filter, { exact: true, now });
  return count!;
}

const range = (last: string) => filterOf({ time: { kind: "relative", last } });

describe("the over-time chart with events dated 2099-12-31, 9999-12-31 and 0001-01-01", () => {
  it.each(TIME_PRESETS)("has at most MAX_BUCKETS bars at range=%s and draws every event it counts", async (preset) => {
    const f = range(preset);
    for (const seriesBy of ["category", "actorType"] as const) {
      const fast = await countOverTime(f, { now, seriesBy });
      const slow = await countOverTime(f, { now, seriesBy, useRollups: false });
      expect(fast.points.length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
      expect(fast.points).toEqual(slow.points);
      expect(fast.total).toBe(await explorerCount(f));
      expect(fast.points.reduce((a, p) => a + p.total, 0)).toBe(fast.total);
      // The open range runs to the newest event, the one in 9999.
      expect(fast.to).toBe("9999-12-31T12:00:00.001Z");
      for (const p of fast.points) expect(p.counts.every((n) => Number.isInteger(n))).toBe(true);
    }
  });

  it("reaches back to the year 1 for all time", async () => {
    const all = await countOverTime(range("all"), { now, seriesBy: "category" });
    expect(all.from).toBe("0001-01-01T00:00:00.000Z");
    expect(all.points[0]!.total).toBe(1);
    expect(all.bucketMs).toBeGreaterThan(7 * 86_400_000);
  });

  it("keeps an absolute range of a hundred years within MAX_BUCKETS", async () => {
    const century = filterOf({ time: { kind: "absolute", from: "2000-01-01T00:00:00.000Z", to: "2100-12-31T00:00:00.000Z" } });
    const result = await countOverTime(century, { now, seriesBy: "category" });
    expect(result.points.length).toBeLessThanOrEqual(MAX_BUCKETS + 1);
    expect(result.total).toBe(await explorerCount(century));
    expect(result.points.reduce((a, p) => a + p.total, 0)).toBe(result.total);
  });
});

describe("prototype names as categories, actor types and event types", () => {
  const all = range("all");

  it("are counted as values, in numbers, by type, category and actor type", async () => {
    const categories = await countBy(all, "category", { now });
    expect(categories.rows).toEqual(expect.arrayContaining([{ value: "constructor", count: 1 }, { value: "hasOwnProperty", count: 1 }]));
    const actorTypes = await countBy(all, "actorType", { now });
    expect(actorTypes.rows).toEqual(expect.arrayContaining([{ value: "__proto__", count: 1 }, { value: "constructor", count: 1 }]));
    const types = await countBy(all, "eventType", { now });
    expect(types.total).toBe(await explorerCount(all));
    for (const result of [categories, actorTypes, types]) {
      expect(result.rows.reduce((a, r) => a + r.count, 0) + result.other).toBe(result.total);
      for (const row of result.rows) expect(typeof row.count).toBe("number");
    }
  });

  it("stack the time chart as series of their own, every count a number", async () => {
    for (const seriesBy of ["category", "actorType"] as const) {
      const result = await countOverTime(all, { now, seriesBy });
      const keys = result.series.map((s) => s.key);
      expect(keys).toEqual(expect.arrayContaining(seriesBy === "category" ? ["constructor", "hasOwnProperty"] : ["__proto__", "constructor"]));
      for (const s of result.series) expect(typeof s.total).toBe("number");
      expect(result.series.reduce((a, s) => a + s.total, 0)).toBe(result.total);
    }
  });

  it("come back from every panel as plain data: JSON round-trips, no function text, no [object Object]", async () => {
    for (const panel of STAT_PANELS) {
      for (const stack of ["category", "actor_type"] as const) {
        const data = await loadPanel(panel, all, { stack, now });
        const text = JSON.stringify(data);
        expect(JSON.parse(text)).toEqual(data);
        expect(text).not.toMatch(/native code|\[object Object\]|function /);
      }
    }
  });

  it("are top values and facets like any other", async () => {
    const lastHour = range("1h");
    const actors = await topValues(lastHour, "actor", { now, limit: 100 });
    expect(actors.rows.map((r) => r.value)).toEqual(expect.arrayContaining(["__proto__", "toString"]));
    expect(actors.rows.find((r) => r.value === "__proto__")).toMatchObject({ count: 1, actor: { name: "constructor", actorType: "__proto__" } });
    const apps = await topValues(lastHour, "oauthApp", { now, limit: 100 });
    expect(apps.rows.map((r) => r.value)).toEqual(expect.arrayContaining(["hasOwnProperty", "__proto__"]));
    const facets = await countFacets(lastHour, { now });
    expect(facets.dimensions.actorType.find((v) => v.value === "__proto__")?.count).toBe(1);
    expect(facets.dimensions.category.find((v) => v.value === "constructor")?.count).toBe(1);
    expect(facets.dimensions.contextType.find((v) => v.value === "valueOf")?.count).toBe(1);
    expect(facets.dimensions.actor.find((v) => v.value === "__proto__")?.label).toBe("constructor");
  });
});

describe("a category for every day", () => {
  it("stacks the first MAX_SERIES by name and the rest as one other series", async () => {
    const many = Array.from({ length: 40 }, (_, i): HostileEvent => ({
      gid: `99800000000${String(i).padStart(4, "0")}`,
      createdAt: new Date(now.getTime() - (i + 1) * 60_000).toISOString(),
      eventType: "task_created",
      category: `made_up_${i}`,
      actorType: "user",
      actorGid: null,
      actorName: null,
    }));
    await write(many);
    const result = await countOverTime(range("1h"), { now, seriesBy: "category" });
    expect(result.series.length).toBe(MAX_SERIES + 1);
    expect(result.series.at(-1)!.key).toBeNull();
    expect(result.points.every((p) => p.counts.length === result.series.length)).toBe(true);
    expect(result.total).toBe(await explorerCount(range("1h")));
  });
});

