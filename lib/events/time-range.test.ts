import { describe, expect, it } from "vitest";
import { describeRelative, parseInstant, parseRelative, resolveTimeRange, timeRangeSchema } from "./time-range";

describe("relative ranges", () => {
  it("reads counts and units, and all", () => {
    expect(parseRelative("15m")).toBe(15 * 60_000);
    expect(parseRelative("7d")).toBe(7 * 86_400_000);
    expect(parseRelative("2w")).toBe(14 * 86_400_000);
    expect(parseRelative("all")).toBeNull();
  });

  it.each(["", "7", "d", "7x", "-7d", "7.5d", "0m", "99999999d", "3651d", "7D"])("refuses %j", (value) => {
    expect(parseRelative(value)).toHaveProperty("error");
  });

  it("describes them for people", () => {
    expect(describeRelative("7d")).toBe("Last 7 days");
    expect(describeRelative("1h")).toBe("Last hour");
    expect(describeRelative("all")).toBe("All time");
  });

  it("resolves against now", () => {
    const now = new Date("2026-11-27T12:00:00.000Z");
    expect(resolveTimeRange({ kind: "relative", last: "1h" }, now)).toEqual({ from: new Date("2026-11-27T11:00:00.000Z"), to: null });
    expect(resolveTimeRange({ kind: "relative", last: "all" }, now)).toEqual({ from: null, to: null });
  });
});

describe("instants", () => {
  it.each([
    ["2026-11-20", "2026-11-20T00:00:00.000Z"],
    ["2026-11-20T09:30", "2026-11-20T09:30:00.000Z"],
    ["2026-11-20T09:30:00Z", "2026-11-20T09:30:00.000Z"],
    ["2026-11-20 09:30:00.123456Z", "2026-11-20T09:30:00.123Z"],
    ["2026-11-20T10:30:00+01:00", "2026-11-20T09:30:00.000Z"],
    ["2026-11-20T10:30:00+0100", "2026-11-20T09:30:00.000Z"],
  ])("reads %s as UTC %s", (value, iso) => {
    expect(parseInstant(value)).toBe(iso);
  });

  it.each(["yesterday", "2026-02-31", "2026-13-01", "2026-11-20T25:00", "2026-11-20T10:61", "1999-12-31", "2101-01-01", "1700000000", "2026-11-20T10:00:00+99:99x"])(
    "refuses %j",
    (value) => {
      expect(parseInstant(value)).toHaveProperty("error");
    },
  );

  it("the schema refuses a reversed or empty absolute range", () => {
    expect(timeRangeSchema.safeParse({ kind: "absolute", from: "2026-11-21", to: "2026-11-20" }).success).toBe(false);
    expect(timeRangeSchema.safeParse({ kind: "absolute", from: null, to: null }).success).toBe(false);
    expect(timeRangeSchema.safeParse({ kind: "absolute", from: "2026-11-20", to: null }).success).toBe(true);
    expect(timeRangeSchema.safeParse({ kind: "relative", last: "bogus" }).success).toBe(false);
  });
});
