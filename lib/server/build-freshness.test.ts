import { mkdir, mkdtemp, rename, rm, utimes, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { buildIsStale } from "./build-freshness";

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

const HOUR = 3_600_000;

/** A project whose sources are an hour old and whose build was made just now. */
async function builtProject(): Promise<string> {
  const root = await mkdtemp(path.join(tmpdir(), "build-freshness-"));
  dirs.push(root);
  const old = new Date(Date.now() - HOUR);
  await mkdir(path.join(root, "app", "events"), { recursive: true });
  await writeFile(path.join(root, "app", "events", "page.tsx"), "export default function Page() {}\n");
  for (const p of ["app/events/page.tsx", "app/events", "app"]) await utimes(path.join(root, p), old, old);
  await mkdir(path.join(root, ".next"));
  await writeFile(path.join(root, ".next", "BUILD_ID"), "x");
  return root;
}

describe("buildIsStale", () => {
  it("is true with no build, false once built, true when a source changes after", async () => {
    const root = await builtProject();
    expect(buildIsStale(root)).toBe(false);
    await rm(path.join(root, ".next", "BUILD_ID"));
    expect(buildIsStale(root)).toBe(true);
  });

  it("is true when a file is edited", async () => {
    const root = await builtProject();
    const later = new Date(Date.now() + HOUR);
    await utimes(path.join(root, "app", "events", "page.tsx"), later, later);
    expect(buildIsStale(root)).toBe(true);
  });

  it("is true when a file is moved, though it keeps its old time", async () => {
    const root = await builtProject();
    await mkdir(path.join(root, "app", "events", "(explorer)"));
    await rename(path.join(root, "app", "events", "page.tsx"), path.join(root, "app", "events", "(explorer)", "page.tsx"));
    const later = new Date(Date.now() + HOUR);
    // The folders changed now; make it unambiguous on file systems with coarse times.
    await utimes(path.join(root, "app", "events"), later, later);
    expect(buildIsStale(root)).toBe(true);
  });
});
