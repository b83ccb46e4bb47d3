import { describe, expect, it } from "vitest";
import { formatInstant, fromLocalInput, offsetLabel, toLocalInput } from "./format-time";

describe("formatInstant", () => {
  it("prints UTC with its offset, to the second or the millisecond", () => {
    expect(formatInstant("2026-11-27T09:14:03.123Z", "utc")).toBe("2026-11-27 09:14:03 +00:00");
    expect(formatInstant("2026-11-27T09:14:03.123Z", "utc", { ms: true })).toBe("2026-11-27 09:14:03.123 +00:00");
  });

  it("prints the viewer's zone with its offset", () => {
    expect(formatInstant("2026-11-27T09:14:03.123Z", "local")).toMatch(/^2026-11-2\d \d\d:14:03 [+-]\d\d:\d\d$/);
    expect(offsetLabel("utc")).toBe("UTC");
    expect(offsetLabel("local")).toMatch(/^UTC[+-]\d\d:\d\d$/);
  });

  it("round-trips datetime-local inputs in either zone", () => {
    expect(toLocalInput("2026-11-27T09:14:00.000Z", "utc")).toBe("2026-11-27T09:14");
    expect(fromLocalInput("2026-11-27T09:14", "utc")).toBe("2026-11-27T09:14:00.000Z");
    expect(fromLocalInput(toLocalInput("2026-11-27T09:14:00.000Z", "local"), "local")).toBe("2026-11-27T09:14:00.000Z");
    expect(fromLocalInput("", "utc")).toBeNull();
  });
});
