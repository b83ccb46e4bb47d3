import { describe, expect, it } from "vitest";
import { classColor, classOf, colorClasses, MAP_CLASSES } from "./color-scale";

describe("the map's colour classes", () => {
  it("cover the smallest to the largest count with round, increasing, non-overlapping bounds", () => {
    for (const [min, max] of [[1, 1], [1, 2], [3, 3], [1, 9], [2, 10], [5, 57], [1, 1_000], [40, 43_210], [1, 9_999_999]] as const) {
      const classes = colorClasses(min, max);
      expect(classes.length).toBeGreaterThan(0);
      expect(classes.length).toBeLessThanOrEqual(MAP_CLASSES);
      expect(classes[0]!.from).toBe(min);
      expect(classes.at(-1)!.to).toBe(max);
      for (let i = 1; i < classes.length; i++) expect(classes[i]!.from).toBe(classes[i - 1]!.to + 1);
      for (const c of classes.slice(1)) expect(String(c.from)).toMatch(/^[1-9]\d?0*$/);
    }
    // A heavy tail spreads over powers of ten; close counts still use every class.
    expect(colorClasses(1, 43_210).map((c) => c.from)).toEqual([1, 8, 70, 600, 5_000]);
    expect(colorClasses(21, 112).map((c) => c.from)).toEqual([21, 29, 40, 50, 80]);
    expect(colorClasses(126, 333).map((c) => c.from)).toEqual([126, 150, 180, 200, 270]);
  });

  it("put each count in its class, and nothing below one in any", () => {
    const classes = colorClasses(1, 43_210);
    expect([0, 1, 7, 8, 599, 600, 43_210].map((n) => classOf(classes, n))).toEqual([-1, 0, 0, 1, 2, 3, 4]);
    expect(colorClasses(0, 0)).toEqual([]);
    expect(colorClasses(Number.NaN, 5)).toEqual([]);
    expect(classOf([], 5)).toBe(-1);
  });

  it("colour the busiest class with the ramp's strongest however many classes there are", () => {
    expect([0, 1, 2, 3, 4].map((i) => classColor(i, 5))).toEqual(["var(--map-1)", "var(--map-2)", "var(--map-3)", "var(--map-4)", "var(--map-5)"]);
    expect([0, 1].map((i) => classColor(i, 2))).toEqual(["var(--map-1)", "var(--map-5)"]);
    expect(classColor(0, 1)).toBe("var(--map-5)");
    expect(classColor(-1, 5)).toBe("var(--map-none)");
  });
});
