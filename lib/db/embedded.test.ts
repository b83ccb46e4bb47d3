import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { serverSettings, startEmbeddedPostgres } from "./embedded";

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
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const { rows } = await client.query<{ setting: string }>("SELECT current_setting('max_wal_size') AS setting");
    await client.end();
    expect(rows[0]!.setting).toBe("4GB");
  });
});

describe("an embedded cluster", () => {
  const answers = async (url: string) => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const { rows } = await client.query<{ one: number }>("SELECT 1 AS one");
    await client.end();
    return rows[0]!.one;
  };

  // `npm start` a second time: the cluster made by the first start must start again.
  it("starts again on the data directory it made, and on one that others were let into", { timeout: 120_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), "embedded-restart-"));
    const dir = path.join(root, "postgres");
    try {
      const first = await startEmbeddedPostgres({ dir });
      expect(await answers(first.url())).toBe(1);
      await first.stop();
      expect((await stat(dir)).mode & 0o077).toBe(0);

      const second = await startEmbeddedPostgres({ dir });
      expect(await answers(second.url())).toBe(1);
      await second.stop();

      // What an earlier version did to the folder: PostgreSQL refuses to start on it as it is.
      await chmod(dir, 0o701);
      const third = await startEmbeddedPostgres({ dir });
      expect(await answers(third.url())).toBe(1);
      await third.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(`${dir}.password`, { force: true });
    }
  });
});

describe("an embedded cluster whose starter was killed outright", () => {
  it("is stopped cleanly by the next start, which then runs on the same data", { timeout: 180_000 }, async () => {
    const root = await mkdtemp(path.join(tmpdir(), "embedded-orphan-"));
    await chmod(root, 0o755);
    const dir = path.join(root, "postgres");
    const script = `import { startEmbeddedPostgres } from "./lib/db/embedded.ts";
      const s = await startEmbeddedPostgres({ dir: ${JSON.stringify(dir)} });
      process.stdout.write(s.url() + "\\n");
      setInterval(() => {}, 1000);`;
    try {
      const starter = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], { stdio: ["ignore", "pipe", "inherit"] });
      const url = await new Promise<string>((resolve, reject) => {
        starter.stdout!.on("data", (chunk: Buffer) => resolve(chunk.toString().trim()));
        starter.on("exit", () => reject(new Error("the starter exited before its server was up")));
      });
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query("CREATE TABLE kept (n int); INSERT INTO kept VALUES (42)");
      await client.end();
      starter.kill("SIGKILL");
      await new Promise((r) => starter.once("exit", r));
      // The starter is gone; its PostgreSQL is not.
      const orphan = new pg.Client({ connectionString: url });
      await orphan.connect();
      await orphan.end();

      const next = await startEmbeddedPostgres({ dir });
      const again = new pg.Client({ connectionString: next.url() });
      await again.connect();
      const { rows } = await again.query<{ n: number }>("SELECT n FROM kept");
      await again.end();
      expect(rows).toEqual([{ n: 42 }]);
      await next.stop();
    } finally {
      await rm(root, { recursive: true, force: true });
      await rm(`${dir}.password`, { force: true });
    }
  });
});
