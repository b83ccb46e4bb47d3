import { describe, expect, it } from "vitest";
import { runSpeed } from "./runs-table";

describe("a run's speed", () => {
  it("is the events received per second of a finished run", () => {
    expect(runSpeed({ startedAt: "2026-11-27T10:00:00.000Z", finishedAt: "2026-11-27T10:00:08.000Z", eventsReceived: 100_000 })).toBe("12,500/s");
  });

  it("is not given for a running run or one that received nothing", () => {
    expect(runSpeed({ startedAt: "2026-11-27T10:00:00.000Z", finishedAt: null, eventsReceived: 5_000 })).toBe("—");
    expect(runSpeed({ startedAt: "2026-11-27T10:00:00.000Z", finishedAt: "2026-11-27T10:00:01.000Z", eventsReceived: 0 })).toBe("—");
  });
});
