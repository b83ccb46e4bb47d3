import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import type { TestProject } from "vitest/node";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "../db/embedded";
import { ensureDatabase, migrate } from "../db/migrate";
import { requireLocalDatabase } from "./local-database";

/**
 * One real PostgreSQL for the whole run: the embedded one in a fresh temporary directory,
 * or the server in TEST_DATABASE_URL. A template database holds the migrated schema; each
 * test file clones it (lib/testing/per-file-database.ts), so files never see each other's rows.
 */
export const TEMPLATE_DB = "audit_test_template";

let server: EmbeddedDatabase | undefined;
let dir: string | undefined;

export async function setup(project: TestProject) {
  let adminUrl = process.env.TEST_DATABASE_URL ? requireLocalDatabase(process.env.TEST_DATABASE_URL, "TEST_DATABASE_URL") : undefined;
  if (!adminUrl) {
    dir = await mkdtemp(path.join(tmpdir(), "audit-test-pg-"));
    await chmod(dir, 0o755); // the server may run as the `postgres` user, which must reach it
    server = await startEmbeddedPostgres({ dir: path.join(dir, "data"), ephemeral: true });
    adminUrl = server.url("postgres");
  }
  const templateUrl = new URL(adminUrl);
  templateUrl.pathname = `/${TEMPLATE_DB}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
  await admin.end();
  await ensureDatabase(templateUrl.toString());
  await migrate(templateUrl.toString());
  project.provide("adminDatabaseUrl", adminUrl);
  project.provide("templateDatabase", TEMPLATE_DB);
}

export async function teardown() {
  await server?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    adminDatabaseUrl: string;
    templateDatabase: string;
  }
}
