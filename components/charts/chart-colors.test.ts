import { describe, expect, it } from "vitest";
import { actorTypeLabel, actorTypeName, OTHER_COLOR, seriesColor } from "./chart-colors";

describe("series colours and actor-type labels for values Asana controls", () => {
  it.each(["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf"])("give %s a fallback colour and a text label", (value) => {
    for (const kind of ["category", "actorType", "any"] as const) expect(seriesColor(kind, value, 3)).toBe("var(--chart-4)");
    expect(actorTypeLabel(value)).not.toMatch(/native code|function|\[object/);
    expect(actorTypeName(value)).not.toMatch(/native code|function|\[object/);
  });

  it("keep the fixed colours and words of the values Asana documents", () => {
    expect(seriesColor("category", "deletion")).toBe("var(--destructive)");
    expect(seriesColor("category", "")).toBe(OTHER_COLOR);
    expect(actorTypeLabel("asana")).toBe("Asana (system)");
    expect(actorTypeName("external_administrator")).toBe("External administrator");
  });
});
