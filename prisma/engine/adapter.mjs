// Builds the driver adapter factory the wasm schema engine talks to, on top of
// @prisma/adapter-pg, working around the parts of PrismaPg that are not fit
// for migrations (see the comments on each override).
import { randomUUID } from "node:crypto";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory, ColumnTypeEnum } from "@prisma/driver-adapter-utils";
import { log } from "./log.mjs";
import { charColumnsByRows, createPool, parseDatabaseUrl, quoteIdent, withAdminClient, withDatabase } from "./postgres.mjs";

// PrismaPg hands back the driver's rows array untouched, which lets us find the
// "char" columns postgres.mjs noted and give them the type the engine expects.
function withCharColumns(queryable) {
  const queryRaw = queryable.queryRaw.bind(queryable);
  queryable.queryRaw = async (query) => {
    const result = await queryRaw(query);
    for (const index of charColumnsByRows.get(result.rows) ?? []) result.columnTypes[index] = ColumnTypeEnum.Character;
    return result;
  };
  return queryable;
}

async function dropDatabase(adminInfo, name) {
  await withAdminClient(adminInfo, async (client) => {
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)}`);
    } catch (error) {
      // 55006: somebody is still connected (e.g. a connection the pool had not
      // closed yet). FORCE exists since PostgreSQL 13.
      if (error.code !== "55006") throw error;
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdent(name)} WITH (FORCE)`);
    }
  });
}

/**
 * @param {{ url: string, shadowDatabaseUrl?: string }} datasource
 */
export function createAdapterFactory(datasource) {
  const main = parseDatabaseUrl(datasource.url);
  const pools = new Set();
  const shadowDatabases = new Set();

  async function connectTo(info, { onDispose } = {}) {
    const pool = createPool(info);
    pools.add(pool);
    const factory = new PrismaPg(pool, { schema: info.schema });
    const adapter = withCharColumns(await factory.connect());
    const startTransaction = adapter.startTransaction.bind(adapter);
    adapter.startTransaction = async (...args) => withCharColumns(await startTransaction(...args));
    // PrismaPg splits scripts on ";", which breaks function bodies, string
    // literals and comments in migration.sql. One simple-protocol query runs
    // the whole script in an implicit transaction, like the native engine.
    adapter.executeScript = async (script) => {
      try {
        await pool.query(script);
      } catch (error) {
        adapter.onError(error);
      }
    };
    adapter.dispose = async () => {
      pools.delete(pool);
      await pool.end();
      await onDispose?.();
    };
    return adapter;
  }

  async function connectToShadowDb() {
    if (datasource.shadowDatabaseUrl) {
      // The wasm engine does not reset a user-provided shadow database itself.
      const shadow = parseDatabaseUrl(datasource.shadowDatabaseUrl);
      await withAdminClient(shadow, (client) =>
        client.query(`DROP SCHEMA IF EXISTS ${quoteIdent(shadow.schema)} CASCADE; CREATE SCHEMA ${quoteIdent(shadow.schema)}`));
      return connectTo(shadow);
    }
    const name = `prisma_migrate_shadow_db_${randomUUID()}`;
    await withAdminClient(main, (client) => client.query(`CREATE DATABASE ${quoteIdent(name)}`));
    shadowDatabases.add(name);
    log("DEBUG", `Created shadow database ${name}`);
    // PrismaPg's own connectToShadowDb reuses the main connection string (whose
    // database name wins over its `database` override, so it would migrate the
    // main database) and drops the database before closing its pool.
    return connectTo(withDatabase(main, name), {
      onDispose: async () => {
        await dropDatabase(main, name);
        shadowDatabases.delete(name);
        log("DEBUG", `Dropped shadow database ${name}`);
      },
    });
  }

  const factory = bindMigrationAwareSqlAdapterFactory({
    provider: "postgres",
    adapterName: "@prisma/adapter-pg",
    connect: () => connectTo(main),
    connectToShadowDb,
  });

  /** Closes every pool and drops shadow databases the engine did not dispose of. */
  async function close() {
    await Promise.allSettled([...pools].map((pool) => pool.end()));
    pools.clear();
    for (const name of shadowDatabases) {
      await dropDatabase(main, name).catch((error) => log("WARN", `Could not drop shadow database ${name}: ${error.message}`));
    }
    shadowDatabases.clear();
  }

  return { factory, close, main };
}
