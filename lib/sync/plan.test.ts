import { describe, expect, it } from "vitest";
import { planBackfill, planProgress } from "./plan";

describe("planBackfill", () => {
  const from = new Date("2026-08-29T00:00:00.000Z");
  const to = new Date("2026-11-27T00:00:00.000Z");

  it("covers the range with contiguous windows, no gap and no overlap", () => {
    const plan = planBackfill(from, to, 7);
    expect(plan.windows).toHaveLength(7);
    expect(plan.windows[0]!.start).toBe(from.toISOString());
    expect(plan.windows.at(-1)!.end).toBe(to.toISOString());
    for (let i = 1; i < plan.windows.length; i++) expect(plan.windows[i]!.start).toBe(plan.windows[i - 1]!.end);
  });

  it("plans nothing for an empty range and one window for a short one", () => {
    expect(planBackfill(to, to, 8).windows).toHaveLength(0);
    expect(planBackfill(new Date(to.getTime() - 30_000), to, 8).windows).toHaveLength(1);
  });

  it("measures progress by time covered", () => {
    const plan = planBackfill(from, to, 2);
    expect(planProgress(plan)).toBe(0);
    plan.windows[0]!.done = true;
    expect(planProgress(plan)).toBeCloseTo(0.5);
    plan.windows[1]!.reached = new Date((Date.parse(plan.windows[1]!.start) + to.getTime()) / 2).toISOString();
    expect(planProgress(plan)).toBeCloseTo(0.75);
  });
});
