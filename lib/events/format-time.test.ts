import { describe, expect, it } from "vitest";
import { formatInstant, fromLocalInput, offsetLabel, toLocalInput, zoneLabel } from "./format-time";

describe("formatInstant", () => {
  it("prints UTC with its offset, to the second or the millisecond", () => {
    expect(formatInstant("2026-11-27T09:14:03.123Z", "UTC")).toBe("2026-11-27 09:14:03 +00:00");
    expect(formatInstant("2026-11-27T09:14:03.123Z", "UTC", { ms: true })).toBe("2026-11-27 09:14:03.123 +00:00");
  });

  it("prints a named zone with its offset of that day, whatever zone the machine runs in", () => {
    expect(formatInstant("2026-11-27T09:14:03.123Z", "America/New_York")).toBe("2026-11-27 04:14:03 -05:00");
    expect(formatInstant("2026-07-01T09:14:03.123Z", "America/New_York", { ms: true })).toBe("2026-07-01 05:14:03.123 -04:00");
    expect(formatInstant("2026-11-27T23:30:00.000Z", "Asia/Kolkata")).toBe("2026-11-28 05:00:00 +05:30");
    expect(offsetLabel("UTC")).toBe("UTC");
    expect(offsetLabel("Europe/Berlin", new Date("2026-01-10T00:00:00Z"))).toBe("UTC+01:00");
    expect(zoneLabel("Europe/Berlin", new Date("2026-07-10T00:00:00Z"))).toBe("Europe/Berlin (UTC+02:00)");
  });

  it("round-trips datetime-local inputs in any zone", () => {
    expect(toLocalInput("2026-11-27T09:14:00.000Z", "UTC")).toBe("2026-11-27T09:14");
    expect(fromLocalInput("2026-11-27T09:14", "UTC")).toBe("2026-11-27T09:14:00.000Z");
    expect(toLocalInput("2026-11-27T09:14:00.000Z", "America/New_York")).toBe("2026-11-27T04:14");
    expect(fromLocalInput("2026-11-27T04:14", "America/New_York")).toBe("2026-11-27T09:14:00.000Z");
    expect(fromLocalInput("", "UTC")).toBeNull();
  });
});
