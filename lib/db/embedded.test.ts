import { describe, expect, it } from "vitest";
import { serverSettings } from "./embedded";

const GiB = 1024 ** 3;
const setting = (memory: number, name: string) => serverSettings(memory).find((s) => s.startsWith(`${name}=`));

describe("the embedded server's settings", () => {
  it("give its cache a quarter of the machine's memory, at least PostgreSQL's default and at most 2 GiB", () => {
    expect(setting(2 * GiB, "shared_buffers")).toBe("shared_buffers=512MB");
    expect(setting(24 * GiB, "shared_buffers")).toBe("shared_buffers=2048MB");
    expect(setting(0.25 * GiB, "shared_buffers")).toBe("shared_buffers=128MB");
  });

  // TEST_DATABASE_URL points the tests at a server of one's own, with its own settings.
  it.skipIf(Boolean(process.env.TEST_DATABASE_URL))("are what the embedded test server runs with", async () => {
    const { default: pg } = await import("pg");
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ setting: string }>("SELECT current_setting('max_wal_size') AS setting");
    await client.end();
    expect(rows[0]!.setting).toBe("4GB");
  });
});
