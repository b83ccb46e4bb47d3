import { describe, expect, it } from "vitest";
import { searchToSave } from "./freeze";
import { savedWindow } from "./window";

describe("a saved query's window (case 9)", () => {
  const now = new Date("2026-12-08T14:00:00.000Z");

  it("is rolling while its range is relative, and says what it covers now in the reader's zone", () => {
    expect(savedWindow("?range=7d", now, "America/New_York")).toEqual({
      mode: "relative",
      range: { kind: "relative", last: "7d" },
      from: "2026-12-01T14:00:00.000Z",
      to: "2026-12-08T14:00:00.000Z",
      zone: "America/New_York",
    });
    // A calendar range saved with its zone keeps it, whoever opens it.
    expect(savedWindow("?range=this_week&tz=Europe/Berlin", now, "America/New_York")).toMatchObject({ mode: "relative", from: "2026-12-06T23:00:00.000Z", zone: "Europe/Berlin" });
  });

  it("is frozen once saved so: the instants of the moment it was saved, the same whenever it is opened", () => {
    const saved = searchToSave("range=7d&tz=utc", "absolute", now);
    const later = new Date("2027-03-01T00:00:00.000Z");
    expect(savedWindow(saved, later, null)).toEqual({
      mode: "absolute",
      range: { kind: "absolute", from: "2026-12-01T14:00:00.000Z", to: "2026-12-08T14:00:00.000Z" },
      from: "2026-12-01T14:00:00.000Z",
      to: "2026-12-08T14:00:00.000Z",
      zone: "UTC",
    });
    // "Today" frozen in New York is New York's day so far.
    expect(savedWindow(searchToSave("range=today&tz=America/New_York", "absolute", now), later, null)).toMatchObject({ from: "2026-12-08T05:00:00.000Z", to: "2026-12-08T14:00:00.000Z" });
  });

  it("is nothing it cannot read", () => {
    expect(savedWindow("?tz=Mars/Olympus", now, null)).toBeNull();
  });
});
