import { describe, expect, it } from "vitest";
import { hasWholeHourOffsets, instantOf, isTimeZone, offsetText, shiftDay, startOfDay, startOfMonth, startOfWeek, wallClock } from "./zone";

const at = (iso: string) => new Date(iso);

describe("zone math with Intl (case 6)", () => {
  it("knows real zones and refuses anything else", () => {
    expect(isTimeZone("Europe/Berlin")).toBe(true);
    expect(isTimeZone("UTC")).toBe(true);
    expect(isTimeZone("Mars/Olympus")).toBe(false);
    expect(isTimeZone("Europe/Berlin'; DROP TABLE x; --")).toBe(false);
    expect(isTimeZone("")).toBe(false);
  });

  it("reads the wall clock and the offset of the day, summer and winter", () => {
    expect(wallClock(at("2026-03-29T00:59:59.500Z"), "Europe/Berlin")).toMatchObject({ year: 2026, month: 3, day: 29, hour: 1, minute: 59, ms: 500 });
    expect(wallClock(at("2026-03-29T01:00:00.000Z"), "Europe/Berlin")).toMatchObject({ hour: 3, minute: 0 });
    expect(offsetText(at("2026-01-15T12:00:00Z"), "America/New_York")).toBe("-05:00");
    expect(offsetText(at("2026-07-15T12:00:00Z"), "America/New_York")).toBe("-04:00");
    expect(offsetText(at("2026-07-15T12:00:00Z"), "Asia/Kathmandu")).toBe("+05:45");
  });

  it("turns a wall clock into the instant, a skipped time after the change and a repeated one at its later reading", () => {
    expect(instantOf({ year: 2026, month: 3, day: 29 }, "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    expect(instantOf({ year: 2026, month: 3, day: 29, hour: 2, minute: 30 }, "Europe/Berlin").toISOString()).toBe("2026-03-29T01:30:00.000Z");
    expect(instantOf({ year: 2026, month: 10, day: 25, hour: 2, minute: 30 }, "Europe/Berlin").toISOString()).toBe("2026-10-25T01:30:00.000Z");
  });

  it("finds days, Monday weeks and months in the zone, 23 and 25 hours long around a clock change", () => {
    // 23:30 on 29 March in Berlin (summer time since 02:00 that day): the day began 23:00 UTC the day before.
    expect(startOfDay(at("2026-03-29T21:30:00Z"), "Europe/Berlin").toISOString()).toBe("2026-03-28T23:00:00.000Z");
    // Half an hour later it is 30 March, which begins 22:00 UTC.
    expect(startOfDay(at("2026-03-29T22:30:00Z"), "Europe/Berlin").toISOString()).toBe("2026-03-29T22:00:00.000Z");
    expect(startOfDay(at("2026-03-29T22:30:00Z"), "UTC").toISOString()).toBe("2026-03-29T00:00:00.000Z");
    const spring = startOfDay(at("2026-03-29T12:00:00Z"), "Europe/Berlin");
    expect(shiftDay(spring, "Europe/Berlin", 1).getTime() - spring.getTime()).toBe(23 * 3_600_000);
    const autumn = startOfDay(at("2026-10-25T12:00:00Z"), "Europe/Berlin");
    expect(shiftDay(autumn, "Europe/Berlin", 1).getTime() - autumn.getTime()).toBe(25 * 3_600_000);
    // Sunday 2026-03-01 late evening in New York is still Sunday: its week began Monday 23 February.
    expect(startOfWeek(at("2026-03-02T03:00:00Z"), "America/New_York").toISOString()).toBe("2026-02-23T05:00:00.000Z");
    expect(startOfWeek(at("2026-03-02T03:00:00Z"), "UTC").toISOString()).toBe("2026-03-02T00:00:00.000Z");
    expect(startOfMonth(at("2026-01-31T23:30:00Z"), "Europe/Berlin").toISOString()).toBe("2026-01-31T23:00:00.000Z");
    expect(startOfMonth(at("2026-01-15T00:00:00Z"), "Europe/Berlin", -1).toISOString()).toBe("2025-11-30T23:00:00.000Z");
  });

  it("says which zones' days are exact sums of UTC hours", () => {
    expect(hasWholeHourOffsets("Europe/Berlin")).toBe(true);
    expect(hasWholeHourOffsets("America/New_York")).toBe(true);
    expect(hasWholeHourOffsets("Asia/Kolkata")).toBe(false);
  });
});
