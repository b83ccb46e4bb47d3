import { spawnSync } from "node:child_process";
import pg from "pg";
import { describe, expect, inject, it } from "vitest";
import { ensureDatabase, migrate } from "./migrate";

/** Runs the project's Prisma CLI wrapper (no engine download) against the test server. */
function prisma(args: string[], databaseUrl: string) {
  const result = spawnSync(process.execPath, ["prisma/cli.mjs", ...args], {
    env: { ...process.env, DATABASE_URL: databaseUrl, NO_COLOR: "1" },
    encoding: "utf8",
    timeout: 120_000,
  });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

describe("prisma/schema.prisma and prisma/migrations", () => {
  it("have no drift between them", () => {
    const { code, output } = prisma(["migrate", "diff", "--from-migrations", "prisma/migrations", "--to-schema", "prisma/schema.prisma", "--exit-code"], process.env.DATABASE_URL!);
    expect(output).not.toMatch(/download/i);
    expect(code, output).toBe(0);
  });

  it("agree with Prisma's own bookkeeping after the start-up migrator applied them", async () => {
    const url = new URL(inject("adminDatabaseUrl"));
    url.pathname = `/status_${Date.now().toString(36)}`;
    await ensureDatabase(url.toString());
    await migrate(url.toString());
    const { code, output } = prisma(["migrate", "status"], url.toString());
    expect(output).toMatch(/Database schema is up to date/);
    expect(code, output).toBe(0);
    const admin = new pg.Client({ connectionString: inject("adminDatabaseUrl") });
    await admin.connect();
    await admin.query(`DROP DATABASE ${url.pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  });
});
