import { describe, expect, it } from "vitest";
import type { EventRow } from "./event-row";
import { answerIsComplete, scanOutcome, scanProgress, type ListAnswer } from "./scan-outcome";

const row = { gid: "1" } as EventRow;
const page = (p: Partial<ListAnswer>): ListAnswer => ({ events: [], scanned: null, next: null, ...p });

describe("a text search's outcome", () => {
  it.each([
    ["rows found", page({ events: [row], next: "c" }), true, "rows"],
    ["a batch with nothing, more range to read", page({ scanned: { rows: 20_000, to: "2026-01-01T00:00:00.000Z" }, next: "c" }), true, "searching"],
    ["the whole range read from its start, nothing found", page({}), true, "no-match"],
    ["the end reached past a page the reader opened", page({}), false, "end"],
    ["the server says the answer is whole although a cursor came back", page({ next: "c", complete: true }), true, "no-match"],
    ["the server says the answer is not whole yet", page({ scanned: { rows: 5, to: "2026-01-01T00:00:00.000Z" }, next: "c", complete: false }), true, "searching"],
  ] as const)("%s", (_name, answer, fromStart, outcome) => {
    expect(scanOutcome(answer, fromStart)).toBe(outcome);
  });

  it("decides completeness from the server's flag when there is one", () => {
    expect(answerIsComplete(page({ complete: false }))).toBe(false);
    expect(answerIsComplete(page({ next: "c", scanned: { rows: 1, to: "2026-01-01T00:00:00.000Z" }, complete: true }))).toBe(true);
    expect(answerIsComplete(page({}))).toBe(true);
  });

  it("measures progress from the end the search started at", () => {
    const bounds = { from: "2026-01-01T00:00:00.000Z", to: "2026-01-11T00:00:00.000Z" };
    expect(scanProgress("2026-01-09T00:00:00.000Z", bounds, true)).toBeCloseTo(0.2);
    expect(scanProgress("2026-01-09T00:00:00.000Z", bounds, false)).toBeCloseTo(0.8);
    expect(scanProgress("2025-12-01T00:00:00.000Z", bounds, true)).toBe(1);
    expect(scanProgress("2026-01-09T00:00:00.000Z", { from: null, to: bounds.to }, true)).toBeNull();
  });
});
