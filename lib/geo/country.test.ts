import { describe, expect, it } from "vitest";
import { countryCode, countryName, mapFeatureCountry } from "./country";

describe("countries", () => {
  it("reads codes in either case and refuses anything else", () => {
    expect(countryCode("de")).toBe("DE");
    expect(countryCode("XK")).toBe("XK");
    for (const bad of ["ZZ", "__proto__", "D", "DEU", "x".repeat(200_000), "\u202eDE"]) expect(countryCode(bad)).toBeNull();
  });
  it("names a country, and keeps a bad value short", () => {
    expect(countryName("DE")).toBe("Germany");
    expect(countryName("jp")).toBe("Japan");
    expect(countryName("x".repeat(200_000))).toBe("xx");
  });
  it("matches world-atlas features to codes, disputed ones by name", () => {
    expect(mapFeatureCountry("276", "Germany")).toBe("DE");
    expect(mapFeatureCountry(undefined, "Kosovo")).toBe("XK");
    expect(mapFeatureCountry(undefined, "Somaliland")).toBeNull();
    expect(mapFeatureCountry("-99", "Nowhere")).toBeNull();
  });
});
