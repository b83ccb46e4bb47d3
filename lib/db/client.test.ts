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

describe("a transaction while every connection is busy", () => {
  it("waits for a connection rather than failing after Prisma's 2 seconds", async () => {
    // The pool's ten connections, each held for 3 s by a statement well inside QUERY_TIMEOUT.
    const busy = Array.from({ length: 10 }, () => db().$queryRaw`SELECT 1 AS x FROM pg_sleep(3)`.then((rows) => rows));
    await new Promise((resolve) => setTimeout(resolve, 200));
    const started = performance.now();
    const [, rows] = await db().$transaction([db().$executeRawUnsafe("SET LOCAL statement_timeout = 1000"), db().$queryRaw<{ n: number }[]>`SELECT 42 AS n`]);
    expect(rows[0]!.n).toBe(42);
    expect(performance.now() - started).toBeGreaterThan(2_000);
    await Promise.all(busy);
  }, 30_000);
});
