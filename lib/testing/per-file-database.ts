import { randomBytes } from "node:crypto";
import pg from "pg";
import { afterAll, inject } from "vitest";

/**
 * Gives the test file its own database cloned from the migrated template, and points
 * DATABASE_URL at it before any module under test reads the environment.
 */
const adminUrl = inject("adminDatabaseUrl");
const template = inject("templateDatabase");
const name = `t_${randomBytes(6).toString("hex")}`;

const admin = new pg.Client({ connectionString: adminUrl });
await admin.connect();
await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
await admin.end();

const url = new URL(adminUrl);
url.pathname = `/${name}`;
process.env.DATABASE_URL = url.toString();
process.env.LOG_LEVEL ??= "silent";

afterAll(async () => {
  const { db } = await import("../db/client");
  await db().$disconnect().catch(() => undefined);
  const cleanup = new pg.Client({ connectionString: adminUrl });
  await cleanup.connect();
  await cleanup.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await cleanup.end();
});
