import { createHash, randomUUID } from "node:crypto";
import { existsSync } from "node:fs";
import { readdir, readFile } from "node:fs/promises";
import path from "node:path";
import pg from "pg";
import type { Logger } from "pino";

/**
 * Applies prisma/migrations at start-up, bookkept in Prisma's own `_prisma_migrations`
 * table so that `prisma migrate status` and `deploy` agree with it. The app does not need
 * the Prisma CLI (a dev tool) at run time to bring its schema up to date.
 */

export const MIGRATIONS_DIR = path.resolve(process.cwd(), "prisma/migrations");

// The key Prisma's own schema engine locks, so that `prisma migrate` and a starting app
// instance never migrate at the same time.
const LOCK_KEY = 72_707_369;

const CREATE_TABLE = `CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id" VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum" VARCHAR(64) NOT NULL,
  "finished_at" TIMESTAMPTZ,
  "migration_name" VARCHAR(255) NOT NULL,
  "logs" TEXT,
  "rolled_back_at" TIMESTAMPTZ,
  "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

interface Migration {
  name: string;
  sql: string;
  checksum: string;
}

export async function readMigrations(dir = MIGRATIONS_DIR): Promise<Migration[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  const names = entries
    .filter((e) => e.isDirectory() && existsSync(path.join(dir, e.name, "migration.sql")))
    .map((e) => e.name)
    .sort();
  return Promise.all(
    names.map(async (name) => {
      const sql = await readFile(path.join(dir, name, "migration.sql"), "utf8");
      return { name, sql, checksum: createHash("sha256").update(sql).digest("hex") };
    }),
  );
}

/** Creates the database named in `url` when it does not exist yet. */
export async function ensureDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const database = decodeURIComponent(target.pathname.slice(1));
  const admin = new URL(url);
  admin.pathname = "/postgres";
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    const found = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (found.rowCount === 0) {
      // Instances starting at once on an empty server both find no database: the one that
      // loses the race finds it made (duplicate_database, or the catalog's unique index).
      await client.query(`CREATE DATABASE "${database.replaceAll('"', '""')}"`).catch((error: unknown) => {
        const code = (error as { code?: string }).code;
        if (code !== "42P04" && code !== "23505") throw error;
      });
    }
  } finally {
    await client.end();
  }
}

export interface MigrateResult {
  applied: string[];
  total: number;
}

/**
 * Asana's events are Unicode text, and the migrations write it (U+FFFD in actor keys). A
 * database created SQL_ASCII (what initdb picks on a system without a UTF-8 locale) stores
 * bytes without checking them and cannot hold those literals: refused at start, with how to fix it.
 */
async function requireUtf8(client: pg.Client): Promise<void> {
  const { rows } = await client.query<{ encoding: string; database: string }>(
    "SELECT pg_encoding_to_char(encoding) AS encoding, datname AS database FROM pg_database WHERE datname = current_database()",
  );
  const { encoding, database } = rows[0]!;
  if (encoding !== "UTF8") {
    throw new Error(
      `The database "${database}" is encoded ${encoding}; the audit log needs UTF8. Create it with ` +
        `CREATE DATABASE ... ENCODING 'UTF8' TEMPLATE template0 (or initialise the server with initdb --encoding=UTF8) and start again.`,
    );
  }
}

export async function migrate(url: string, logger?: Logger, dir = MIGRATIONS_DIR): Promise<MigrateResult> {
  const migrations = await readMigrations(dir);
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const applied: string[] = [];
  try {
    await requireUtf8(client);
    // Several app instances may start at once: one migrates, the others wait for it.
    await client.query("SELECT pg_advisory_lock($1)", [LOCK_KEY]);
    await client.query(CREATE_TABLE);
    const { rows } = await client.query<{ migration_name: string; checksum: string; finished_at: Date | null; rolled_back_at: Date | null }>(
      `SELECT migration_name, checksum, finished_at, rolled_back_at FROM "_prisma_migrations"`,
    );
    const failed = rows.find((r) => !r.finished_at && !r.rolled_back_at);
    if (failed) {
      throw new Error(
        `Migration ${failed.migration_name} failed earlier and needs attention: see \`npm run prisma -- migrate status\`.`,
      );
    }
    const done = new Map(rows.filter((r) => r.finished_at).map((r) => [r.migration_name, r.checksum]));
    for (const m of migrations) {
      const checksum = done.get(m.name);
      if (checksum !== undefined) {
        if (checksum !== m.checksum) logger?.warn({ migration: m.name }, "migration was edited after it was applied");
        continue;
      }
      const id = randomUUID();
      await client.query("BEGIN");
      try {
        await client.query(m.sql);
        await client.query(
          `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
           VALUES ($1, $2, $3, now(), now(), 1)`,
          [id, m.checksum, m.name],
        );
        await client.query("COMMIT");
      } catch (error) {
        await client.query("ROLLBACK");
        throw new Error(`Migration ${m.name} failed: ${(error as Error).message}`);
      }
      applied.push(m.name);
      logger?.info({ migration: m.name }, "migration applied");
    }
  } finally {
    await client.query("SELECT pg_advisory_unlock($1)", [LOCK_KEY]).catch(() => undefined);
    await client.end();
  }
  return { applied, total: migrations.length };
}
