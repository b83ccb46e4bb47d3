import { describe, expect, it } from "vitest";
import { db } from "./client";

describe("the app's database connections", () => {
  it("run every statement without parallel workers, in one round trip (no SET LOCAL transaction)", async () => {
    const rows = await db().$queryRaw<{ workers: string }[]>`SELECT current_setting('max_parallel_workers_per_gather') AS workers`;
    expect(rows[0]!.workers).toBe("0");
  });

  it("keep the statement timeout the environment sets", async () => {
    const rows = await db().$queryRaw<{ timeout: string }[]>`SELECT current_setting('statement_timeout') AS timeout`;
    expect(rows[0]!.timeout).not.toBe("0");
  });
});
