import { describe, expect, it } from "vitest";
import { runEntry } from "@/lib/testing/run-entry";

/**
 * Case 10: a configuration error at start-up prints the message alone and exits with 2, from
 * every entry point, even though their modules read settings as they are imported.
 */
describe("case 10: a configuration error", () => {
  it.each([
    ["npm start", "lib/server/launch.ts", ["start"]],
    ["the web server", "lib/server/serve.ts", ["start"]],
    ["npm run sync", "lib/sync/cli.ts", []],
    ["npm run admin", "lib/auth/cli.ts", ["list"]],
    ["npm run reconcile", "lib/sync/cli.ts", ["--reconcile"]],
    ["npm run verify", "lib/integrity/cli.ts", []],
  ])("stops %s with the message alone and exit code 2", async (_, entry, args) => {
    const { code, stdout, stderr } = await runEntry(entry, args, { SYNC_SECRET: "short", PORT: "eighty" });
    expect(code).toBe(2);
    expect(stderr.trim().split("\n")).toEqual(["Invalid configuration:", "  PORT: Invalid input: expected number, received NaN", "  SYNC_SECRET: use at least 16 characters"]);
    expect(stdout).toBe("");
  }, 60_000);
});
