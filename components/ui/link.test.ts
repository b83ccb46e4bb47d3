import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const sources = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((d) => {
    const full = path.join(dir, d.name);
    if (d.isDirectory()) return sources(full);
    return /\.tsx?$/.test(d.name) ? [full] : [];
  });

/**
 * Every page is rendered per request from the database: a link Next.js prefetches as it scrolls
 * into view is a server render nobody asked for. Links go through components/ui/link.tsx,
 * which fetches ahead only on intent.
 */
describe("links", () => {
  it("come from components/ui/link.tsx, never straight from next/link", () => {
    const direct = [...sources("components"), ...sources("app")].filter((file) => file !== path.join("components", "ui", "link.tsx") && /from\s+["']next\/link["']/.test(readFileSync(file, "utf8")));
    expect(direct).toEqual([]);
  });
});
