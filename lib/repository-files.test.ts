import { execFileSync } from "node:child_process";
import { describe, expect, it } from "vitest";

/**
 * Source that git ignores works here and is missing from every clone: the Sync page's
 * coverage route once fell under a `coverage/` pattern meant for test coverage reports, and
 * CI answered 404 where this machine answered 200.
 */
describe("the repository holds every source file", () => {
  it("ignores no file under app/, components/, lib/, prisma/ or e2e/ but generated ones", () => {
    const ignored = execFileSync("git", ["ls-files", "--others", "--ignored", "--exclude-standard", "--directory", "app", "components", "lib", "prisma", "e2e"], { encoding: "utf8" })
      .split("\n")
      .filter((path) => path && !path.startsWith("lib/generated/") && !path.startsWith("e2e/.auth/"));
    expect(ignored).toEqual([]);
  });
});
