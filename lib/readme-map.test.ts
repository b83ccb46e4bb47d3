import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

/** The README's map of the code names every folder of lib/ and components/, so a newcomer finds each. */
describe("the README's map of the code", () => {
  const readme = readFileSync("README.md", "utf8");
  const map = readme.slice(readme.indexOf("## Map of the code"));
  const folders = (root: string) => readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);

  it("names every folder of lib/", () => {
    expect(folders("lib").filter((name) => !new RegExp(`^  ${name}/`, "m").test(map))).toEqual([]);
  });

  it("names every folder of components/", () => {
    expect(folders("components").filter((name) => !new RegExp(`\\b${name}/`).test(map.slice(0, map.indexOf("lib/\n"))))).toEqual([]);
  });
});
