import { describe, expect, it } from "vitest";
import { DAY_MS, HOUR_MS, splitLevels, splitMonths, splitRange } from "./spans";

const at = (iso: string) => new Date(iso);

describe("splitRange", () => {
  it("keeps whole units for the rollup and the partial ones at either end for the events", () => {
    expect(splitRange({ from: at("2026-11-20T09:30:00Z"), to: at("2026-11-20T12:15:00Z") }, HOUR_MS)).toEqual({
      rollup: { from: at("2026-11-20T10:00:00Z"), to: at("2026-11-20T12:00:00Z") },
      raw: [
        { from: at("2026-11-20T09:30:00Z"), to: at("2026-11-20T10:00:00Z") },
        { from: at("2026-11-20T12:00:00Z"), to: at("2026-11-20T12:15:00Z") },
      ],
    });
  });

  it("needs no raw edge at an open or aligned end, and no rollup inside one unit", () => {
    expect(splitRange({ from: at("2026-11-20T10:00:00Z"), to: null }, HOUR_MS)).toEqual({ rollup: { from: at("2026-11-20T10:00:00Z"), to: null }, raw: [] });
    expect(splitRange({ from: null, to: null }, DAY_MS)).toEqual({ rollup: { from: null, to: null }, raw: [] });
    const inside = { from: at("2026-11-20T10:05:00Z"), to: at("2026-11-20T10:55:00Z") };
    expect(splitRange(inside, HOUR_MS)).toEqual({ rollup: null, raw: [inside] });
  });
});

describe("splitLevels", () => {
  it("reads days in the middle, hours at their ends, events at the very ends", () => {
    const levels = splitLevels({ from: at("2026-11-18T21:40:00Z"), to: at("2026-11-21T02:10:00Z") }, [DAY_MS, HOUR_MS]);
    expect(levels.parts).toEqual([
      { unit: DAY_MS, interval: { from: at("2026-11-19T00:00:00Z"), to: at("2026-11-21T00:00:00Z") } },
      { unit: HOUR_MS, interval: { from: at("2026-11-18T22:00:00Z"), to: at("2026-11-19T00:00:00Z") } },
      { unit: HOUR_MS, interval: { from: at("2026-11-21T00:00:00Z"), to: at("2026-11-21T02:00:00Z") } },
    ]);
    expect(levels.raw).toEqual([
      { from: at("2026-11-18T21:40:00Z"), to: at("2026-11-18T22:00:00Z") },
      { from: at("2026-11-21T02:00:00Z"), to: at("2026-11-21T02:10:00Z") },
    ]);
  });
});

describe("splitMonths", () => {
  it("sums whole months from totals and slices the months at the ends", () => {
    expect(splitMonths({ from: at("2026-09-14T00:00:00Z"), to: at("2026-11-03T00:00:00Z") })).toEqual([
      { slice: { month: at("2026-09-01T00:00:00Z"), first: 14, last: 30 } },
      { slice: { month: at("2026-11-01T00:00:00Z"), first: 1, last: 2 } },
      { whole: { from: at("2026-10-01T00:00:00Z"), to: at("2026-11-01T00:00:00Z") } },
    ]);
  });

  it("slices once inside a single month, and takes open ends as whole months", () => {
    expect(splitMonths({ from: at("2026-11-05T00:00:00Z"), to: at("2026-11-09T00:00:00Z") })).toEqual([{ slice: { month: at("2026-11-01T00:00:00Z"), first: 5, last: 8 } }]);
    expect(splitMonths({ from: at("2026-11-01T00:00:00Z"), to: at("2026-11-09T00:00:00Z") })).toEqual([{ slice: { month: at("2026-11-01T00:00:00Z"), first: 1, last: 8 } }]);
    expect(splitMonths({ from: at("2026-02-10T00:00:00Z"), to: null })).toEqual([
      { slice: { month: at("2026-02-01T00:00:00Z"), first: 10, last: 28 } },
      { whole: { from: at("2026-03-01T00:00:00Z"), to: null } },
    ]);
    expect(splitMonths({ from: null, to: at("2026-03-01T00:00:00Z") })).toEqual([{ whole: { from: null, to: at("2026-03-01T00:00:00Z") } }]);
  });
});
