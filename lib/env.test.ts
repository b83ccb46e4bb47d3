import { describe, expect, it } from "vitest";
import { EnvError, isDemoMode, parseEnv } from "./env";

describe("parseEnv", () => {
  it("gives every setting its default", () => {
    const e = parseEnv({});
    expect(e.PORT).toBe(3000);
    expect(e.DATABASE_URL).toBeUndefined();
    expect(e.SYNC_INTERVAL).toBe(60_000);
    expect(e.ASANA_BASE_URL).toBe("https://app.asana.com/api/1.0");
    expect(e.ASANA_WORKSPACE_GIDS).toEqual([]);
    expect(isDemoMode(e)).toBe(true);
  });

  it("reads durations, lists and booleans", () => {
    const e = parseEnv({ SYNC_INTERVAL: "5m", SYNC_OVERLAP: "90s", ASANA_WORKSPACE_GIDS: "1, 22 ,", SYNC_ENABLED: "false", ASANA_TOKEN: "x" });
    expect(e.SYNC_INTERVAL).toBe(300_000);
    expect(e.SYNC_OVERLAP).toBe(90_000);
    expect(e.ASANA_WORKSPACE_GIDS).toEqual(["1", "22"]);
    expect(e.SYNC_ENABLED).toBe(false);
    expect(isDemoMode(e)).toBe(false);
  });

  it("treats an empty DATABASE_URL as unset", () => {
    expect(parseEnv({ DATABASE_URL: "" }).DATABASE_URL).toBeUndefined();
  });

  it.each([
    ["PORT", "eighty"],
    ["PORT", "70000"],
    ["SYNC_INTERVAL", "soon"],
    ["DATABASE_URL", "mysql://localhost/x"],
    ["ASANA_WORKSPACE_GIDS", "abc"],
    ["SYNC_SECRET", "short"],
    ["LOG_LEVEL", "loud"],
  ])("refuses %s=%s and names the setting", (key, value) => {
    expect(() => parseEnv({ [key]: value })).toThrow(EnvError);
    expect(() => parseEnv({ [key]: value })).toThrow(new RegExp(key));
  });
});

describe("case 7: SYNC_SECRET", () => {
  it.each([
    ["only spaces", " ".repeat(20), /only spaces/],
    ["spaces around it", " 3f9a1c0b7e42d8a6c4b2 ", /spaces around it/],
    ["16 identical characters", "a".repeat(16), /too easy to guess/],
    ["a short pattern repeated", "abababababababab", /too easy to guess/],
    ["a sequence", "0123456789abcdef", /too easy to guess/],
    ["a word repeated", "passwordpassword", /too easy to guess/],
    ["15 characters", "3f9a1c0b7e42d8a", /at least 16 characters/],
  ])("refuses %s, naming the setting", (_, value, message) => {
    expect(() => parseEnv({ SYNC_SECRET: value })).toThrow(EnvError);
    expect(() => parseEnv({ SYNC_SECRET: value })).toThrow(new RegExp(`SYNC_SECRET: .*${message.source}`));
  });

  it("takes a random secret, and an empty value as none", () => {
    expect(parseEnv({ SYNC_SECRET: "3f9a1c0b7e42d8a6c4b2" }).SYNC_SECRET).toBe("3f9a1c0b7e42d8a6c4b2");
    expect(parseEnv({ SYNC_SECRET: "Xk29pLq7ZmW3vT8n" }).SYNC_SECRET).toBe("Xk29pLq7ZmW3vT8n");
    expect(parseEnv({ SYNC_SECRET: "" }).SYNC_SECRET).toBeUndefined();
    expect(parseEnv({}).SYNC_SECRET).toBeUndefined();
  });
});

describe("the README", () => {
  it("documents every setting", async () => {
    const { readFile } = await import("node:fs/promises");
    const { SETTING_NAMES } = await import("./env");
    const readme = await readFile("README.md", "utf8");
    const internal = new Set(["NODE_ENV", "DEMO_MODE"]);
    const missing = SETTING_NAMES.filter((name) => !internal.has(name) && !readme.includes(`| \`${name}\` |`));
    expect(missing).toEqual([]);
  });
});
