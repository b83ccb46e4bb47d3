import pg from "pg";
import { afterAll, describe, expect, inject, it } from "vitest";
import { ensureDatabase, migrate, readMigrations } from "./migrate";

const adminUrl = inject("adminDatabaseUrl");
const url = new URL(adminUrl);
url.pathname = `/empty_${Date.now().toString(36)}`;
const emptyUrl = url.toString();

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${url.pathname.slice(1)} WITH (FORCE)`);
  await admin.end();
});

describe("migrate", () => {
  it("applies every migration to an empty database, once", async () => {
    // Two instances starting at once on an empty server: both create the database, neither fails.
    await Promise.all(Array.from({ length: 4 }, () => ensureDatabase(emptyUrl)));
    const migrations = await readMigrations();
    expect(migrations.length).toBeGreaterThan(0);

    const first = await migrate(emptyUrl);
    expect(first.applied).toEqual(migrations.map((m) => m.name));
    const second = await migrate(emptyUrl);
    expect(second.applied).toEqual([]);

    const client = new pg.Client({ connectionString: emptyUrl });
    await client.connect();
    const tables = await client.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1");
    const recorded = await client.query(`SELECT migration_name, checksum FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY 1`);
    await client.end();
    expect(tables.rows.map((r) => r.tablename)).toEqual(
      expect.arrayContaining(["audit_event", "actor", "workspace_sync_state", "sync_run", "quarantined_event", "saved_query", "_prisma_migrations"]),
    );
    expect(recorded.rows).toEqual(migrations.map((m) => ({ migration_name: m.name, checksum: m.checksum })));
  });

  it("lets concurrent starts migrate once between them", async () => {
    const again = new URL(emptyUrl);
    again.pathname = `${url.pathname}_c`;
    await ensureDatabase(again.toString());
    const results = await Promise.all([migrate(again.toString()), migrate(again.toString()), migrate(again.toString())]);
    expect(results.flatMap((r) => r.applied).length).toBe((await readMigrations()).length);
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${again.pathname.slice(1)} WITH (FORCE)`);
    await admin.end();
  });

  it("refuses a database that is not UTF8, saying why and how to fix it, and changes nothing", async () => {
    const name = `${url.pathname.slice(1)}_ascii`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0`);
    try {
      const ascii = new URL(adminUrl);
      ascii.pathname = `/${name}`;
      await expect(migrate(ascii.toString())).rejects.toThrow(`The database "${name}" is encoded SQL_ASCII; the audit log needs UTF8.`);
      const client = new pg.Client({ connectionString: ascii.toString() });
      await client.connect();
      const tables = await client.query("SELECT tablename FROM pg_tables WHERE schemaname = 'public'");
      await client.end();
      expect(tables.rows).toEqual([]);
    } finally {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    }
  });
});
