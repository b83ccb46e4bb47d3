import { describe, expect, it } from "vitest";
import world from "world-atlas/countries-110m.json";
import { countryCode, countryName } from "./country";
import { drawnCodes, MAP_HEIGHT, MAP_WIDTH, mapShapes } from "./world-map";

const geometries = (world as unknown as { objects: { countries: { geometries: Array<{ id?: string; properties: { name: string } }> } } }).objects.countries.geometries;

describe("the world map's shapes", () => {
  it("give every world-atlas feature with a numeric id its ISO alpha-2 code, one feature per code", () => {
    const numbered = geometries.filter((g) => g.id !== undefined);
    expect(numbered.length).toBe(174);
    const shapes = mapShapes();
    expect(shapes.length).toBe(geometries.length);
    const codes = shapes.filter((s) => s.name !== "N. Cyprus" && s.name !== "Somaliland").map((s) => s.code);
    for (const code of codes) expect(code !== null && countryCode(code) === code, `${code}`).toBe(true);
    expect(new Set(codes).size).toBe(codes.length);
    expect(drawnCodes().size).toBe(175);
  });

  it("match features by their ids, not by the order of the file", () => {
    const byName = new Map(mapShapes().map((s) => [s.name, s.code]));
    expect([byName.get("Germany"), byName.get("France"), byName.get("Japan"), byName.get("Brazil"), byName.get("United States of America"), byName.get("Kosovo")]).toEqual(["DE", "FR", "JP", "BR", "US", "XK"]);
    for (const shape of mapShapes()) if (shape.code) expect(countryName(shape.code)).not.toBe(shape.code);
  });

  it("fill the viewBox, within its margin", () => {
    const xs: number[] = [];
    const ys: number[] = [];
    for (const { d, centroid } of mapShapes()) {
      for (const [, x, y] of d.matchAll(/[ML](-?[\d.]+),(-?[\d.]+)/g)) {
        xs.push(Number(x));
        ys.push(Number(y));
      }
      expect(centroid[0]).toBeGreaterThanOrEqual(0);
      expect(centroid[0]).toBeLessThanOrEqual(MAP_WIDTH);
      expect(centroid[1]).toBeGreaterThanOrEqual(0);
      expect(centroid[1]).toBeLessThanOrEqual(MAP_HEIGHT);
    }
    const [left, right, top, bottom] = [Math.min(...xs), Math.max(...xs), Math.min(...ys), Math.max(...ys)];
    expect([left, top]).toEqual([expect.closeTo(4, 0), expect.closeTo(5, 0)]);
    expect([right, bottom]).toEqual([expect.closeTo(MAP_WIDTH - 4, 0), expect.closeTo(MAP_HEIGHT - 5, 0)]);
  });
});
