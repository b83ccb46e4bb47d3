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

describe("calendar ranges in the chosen zone (case 8)", () => {
  const range = (last: string, zone: string, now: string) => {
    const r = resolveTimeRange({ kind: "relative", last, zone }, new Date(now));
    return [r.from?.toISOString() ?? null, r.to?.toISOString() ?? null];
  };

  it("are relative ranges the URL and the query bar accept, with words", () => {
    for (const preset of ["today", "yesterday", "this_week", "this_month", "last_month"]) expect(parseRelative(preset)).toBeNull();
    expect(parseRelative("tomorrow")).toEqual({ error: expect.stringContaining("today, yesterday, this_week, this_month, last_month") });
    expect(describeRelative("this_week")).toBe("This week");
    expect(timeRangeSchema.safeParse({ kind: "relative", last: "today", zone: "Mars/Olympus" }).success).toBe(false);
  });

  it("align to the zone's midnight, not UTC's", () => {
    // 02:30 UTC on 10 February is still 9 February in New York (EST, -05:00).
    expect(range("today", "America/New_York", "2026-02-10T02:30:00Z")).toEqual(["2026-02-09T05:00:00.000Z", null]);
    expect(range("today", "UTC", "2026-02-10T02:30:00Z")).toEqual(["2026-02-10T00:00:00.000Z", null]);
    expect(range("yesterday", "America/New_York", "2026-02-10T02:30:00Z")).toEqual(["2026-02-08T05:00:00.000Z", "2026-02-09T05:00:00.000Z"]);
    // Summer time began on 8 March 2026 in New York: 9 March starts at 04:00 UTC.
    expect(range("today", "America/New_York", "2026-03-10T02:30:00Z")).toEqual(["2026-03-09T04:00:00.000Z", null]);
  });

  it("are 23 or 25 hours long on the days the clocks change (Europe/Berlin)", () => {
    const [springFrom, springTo] = range("yesterday", "Europe/Berlin", "2026-03-30T10:00:00Z");
    expect([springFrom, springTo]).toEqual(["2026-03-28T23:00:00.000Z", "2026-03-29T22:00:00.000Z"]);
    const [autumnFrom, autumnTo] = range("yesterday", "Europe/Berlin", "2026-10-26T10:00:00Z");
    expect(Date.parse(autumnTo!) - Date.parse(autumnFrom!)).toBe(25 * 3_600_000);
    // Just after midnight on the spring day, "today" started 23:00 UTC the day before.
    expect(range("today", "Europe/Berlin", "2026-03-29T00:30:00Z")).toEqual(["2026-03-28T23:00:00.000Z", null]);
  });

  it("start weeks on Monday (ISO 8601), months on the 1st, across a year's end", () => {
    // Sunday 8 March 2026, 23:00 in Berlin: the week is still the one from Monday 2 March.
    expect(range("this_week", "Europe/Berlin", "2026-03-08T22:00:00Z")).toEqual(["2026-03-01T23:00:00.000Z", null]);
    // One hour later it is Monday 9 March: a new week.
    expect(range("this_week", "Europe/Berlin", "2026-03-08T23:00:00Z")).toEqual(["2026-03-08T23:00:00.000Z", null]);
    expect(range("this_month", "America/New_York", "2026-03-01T03:00:00Z")).toEqual(["2026-02-01T05:00:00.000Z", null]);
    expect(range("last_month", "UTC", "2026-01-31T23:59:59Z")).toEqual(["2025-12-01T00:00:00.000Z", "2026-01-01T00:00:00.000Z"]);
    expect(range("last_month", "Europe/Berlin", "2026-03-31T22:30:00Z")).toEqual(["2026-02-28T23:00:00.000Z", "2026-03-31T22:00:00.000Z"]);
    // 1 April 00:30 in Berlin: last month is March, which lost an hour to summer time.
    expect(range("last_month", "Europe/Berlin", "2026-03-31T22:30:00Z")[1]).toBe("2026-03-31T22:00:00.000Z");
  });
});
