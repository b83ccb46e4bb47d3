// PostgreSQL plumbing for the shim: turning Prisma connection URLs into `pg`
// settings, pools that behave like the native engine's single connection, and
// short-lived admin connections for database-level statements.
import pg from "pg";

// Query parameters understood by Prisma's Rust engines but not by `pg`; left in
// the URL they would be forwarded to the server as unknown startup options.
const PRISMA_ONLY_PARAMS = [
  "schema", "connection_limit", "pool_timeout", "connect_timeout", "socket_timeout",
  "pgbouncer", "statement_cache_size", "max_connection_lifetime", "max_idle_connection_lifetime",
  "sslidentity", "sslpassword", "sslaccept", "application_name", "channel_binding",
];

// System types the schema describer may select that @prisma/adapter-pg refuses
// ("Unsupported column type char" for pg_constraint.contype etc.). `pg` has no
// parser for any of them, so their values already arrive as strings and can be
// reported as text. The single-byte "char" type is special: the describer reads
// it with `as_char()`, which only accepts the Character column type, so those
// columns are remembered here and retyped by the adapter (see adapter.mjs).
const TEXT_LIKE_SYSTEM_OIDS = new Set([
  18, 22, 24, 28, 29, 30, 194, 1033, 2202, 2203, 2204, 2205, 2206, 3220, 3361, 3402, 3734,
  3769, 4089, 4096, 4191, 5017, 5069,
]);
const TEXT_OID = 25;
const CHAR_OID = 18;

/** result.rows array -> indexes of "char" columns, for the adapter's queryRaw wrapper. */
export const charColumnsByRows = new WeakMap();

export function quoteIdent(name) {
  return `"${String(name).replaceAll('"', '""')}"`;
}

/** Parses a postgres:// URL into pg client settings plus the Prisma-level bits. */
export function parseDatabaseUrl(url) {
  let parsed;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error("The database URL is not a valid URL (expected postgresql://user:password@host:port/database).");
  }
  if (!["postgres:", "postgresql:"].includes(parsed.protocol)) {
    throw new Error(`This schema engine shim only supports PostgreSQL URLs, got "${parsed.protocol}//...".`);
  }
  const schema = parsed.searchParams.get("schema") || "public";
  const connectTimeout = Number(parsed.searchParams.get("connect_timeout") ?? 5);
  const applicationName = parsed.searchParams.get("application_name") ?? "prisma-schema-engine-shim";
  const clean = new URL(url);
  for (const param of PRISMA_ONLY_PARAMS) clean.searchParams.delete(param);
  const database = decodeURIComponent(parsed.pathname.replace(/^\//, "")) || decodeURIComponent(parsed.username) || "postgres";
  return {
    url,
    schema,
    database,
    hostLabel: `${parsed.hostname || "localhost"}:${parsed.port || "5432"}`,
    user: decodeURIComponent(parsed.username),
    config: {
      connectionString: clean.toString(),
      connectionTimeoutMillis: connectTimeout > 0 ? connectTimeout * 1000 : 0,
      application_name: applicationName,
    },
  };
}

/** Same server and credentials, another database (the database in the URL path wins over any `database` option in pg). */
export function withDatabase(info, database) {
  const url = new URL(info.url);
  url.pathname = `/${encodeURIComponent(database)}`;
  return parseDatabaseUrl(url.toString());
}

function fixFields(result) {
  for (const res of Array.isArray(result) ? result : [result]) {
    const charColumns = [];
    (res?.fields ?? []).forEach((field, index) => {
      if (field.dataTypeID === CHAR_OID) charColumns.push(index);
      if (TEXT_LIKE_SYSTEM_OIDS.has(field.dataTypeID)) field.dataTypeID = TEXT_OID;
    });
    if (charColumns.length > 0 && Array.isArray(res.rows)) charColumnsByRows.set(res.rows, charColumns);
  }
  return result;
}

function patchClient(client, schema) {
  if (client.__shimPatched) return;
  client.__shimPatched = true;
  const original = client.query.bind(client);
  client.query = (config, values, callback) => {
    if (typeof values === "function") {
      callback = values;
      values = undefined;
    }
    if (typeof callback === "function") {
      return original(config, values, (err, res) => callback(err, err ? res : fixFields(res)));
    }
    const ret = original(config, values);
    return ret && typeof ret.then === "function" ? ret.then(fixFields) : ret;
  };
  // Queued before any query the pool hands out, so it always runs first.
  original(`SET search_path TO ${quoteIdent(schema)}`).catch(() => {});
}

/**
 * The native engine holds one connection per database, and the wasm engine's
 * migration advisory lock (pg_advisory_lock) is session-scoped: if later
 * statements landed on other pooled connections, a second lock attempt would
 * wait on our own session. So plain queries share one pinned connection;
 * transactions (pool.connect()) still get their own.
 */
class PinnedPool extends pg.Pool {
  #pinned = null;

  query(config, values, callback) {
    if (typeof values === "function" || typeof callback === "function") {
      return super.query(config, values, callback);
    }
    // A checked-out client has no pool error listener; the next query reports the failure.
    this.#pinned ??= super.connect().then((client) => client.on("error", () => {}));
    return this.#pinned.then((client) => client.query(config, values));
  }

  async end() {
    if (this.ended || this.ending) return;
    const pinned = await this.#pinned?.catch(() => null);
    pinned?.release();
    await super.end();
  }
}

export function createPool(info) {
  const pool = new PinnedPool({ ...info.config, max: 4 });
  pool.on("connect", (client) => patchClient(client, info.schema));
  // An idle connection dying (e.g. the database being dropped) must not crash the shim.
  pool.on("error", () => {});
  return pool;
}

/** Runs statements on a throwaway connection (CREATE/DROP DATABASE cannot run in a pool transaction anyway). */
export async function withAdminClient(info, fn) {
  const client = new pg.Client(info.config);
  client.on("error", () => {});
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end().catch(() => {});
  }
}

/** Maps pg / socket errors onto the Prisma error codes the CLI reacts to (P1003 makes it create the database). */
export function toPrismaError(error, info) {
  const code = error?.code;
  if (code === "3D000") {
    return { code: "P1003", message: `Database \`${info.database}\` does not exist on the database server at \`${info.hostLabel}\`.` };
  }
  if (code === "28P01" || code === "28000") {
    return {
      code: "P1000",
      message: `Authentication failed against database server at \`${info.hostLabel}\`, the provided database credentials for \`${info.user}\` are not valid.`,
    };
  }
  if (["ECONNREFUSED", "ENOTFOUND", "EHOSTUNREACH", "ECONNRESET", "ETIMEDOUT", "EAI_AGAIN"].includes(code)
    || /timeout/i.test(error?.message ?? "")) {
    return { code: "P1001", message: `Can't reach database server at \`${info.hostLabel}\`\n\nPlease make sure your database server is running at \`${info.hostLabel}\`.` };
  }
  if (code === "57P03") {
    return { code: "P1001", message: `The database server at \`${info.hostLabel}\` is starting up or shutting down: ${error.message}` };
  }
  return { code: undefined, message: error?.message ?? String(error) };
}
