import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Emulator } from "@/lib/asana/emulator";
import { runEntry } from "@/lib/testing/run-entry";
import { startTestEmulator } from "@/lib/testing/sync-harness";

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startTestEmulator({ seed: 61, events: 1_200 });
});
afterAll(() => emulator.close());

/** Runs `npm run sync`'s script with only these settings. */
const runCli = (settings: Record<string, string>) => runEntry("lib/sync/cli.ts", [], settings);

describe("npm run sync", () => {
  it("says what to set when no Asana token is configured, without a stack trace", async () => {
    const { code, stderr } = await runCli({ DATABASE_URL: process.env.DATABASE_URL! });
    expect(code).toBe(2);
    expect(stderr).toContain("set ASANA_TOKEN and ASANA_WORKSPACE_GIDS");
    expect(stderr).not.toMatch(/\bat \S+ \(/);
  }, 60_000);

  it("uses an embedded PostgreSQL when DATABASE_URL is not set", async () => {
    const dir = await mkdtemp(path.join(tmpdir(), "sync-cli-"));
    try {
      const { code, stdout } = await runCli({
        EMBEDDED_PG_DIR: path.join(dir, "postgres"),
        ASANA_TOKEN: emulator.token,
        ASANA_BASE_URL: emulator.apiBase,
        ASANA_WORKSPACE_GIDS: emulator.workspaceGid,
        LOG_LEVEL: "info",
        LOG_FORMAT: "json",
      });
      expect(code).toBe(0);
      const result = stdout
        .split("\n")
        .filter((line) => line.includes('"sync result"'))
        .map((line) => JSON.parse(line) as { outcome: string; figures: { eventsNew: number } });
      expect(result).toEqual([expect.objectContaining({ outcome: "succeeded", figures: expect.objectContaining({ eventsNew: 1_200 }) })]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
