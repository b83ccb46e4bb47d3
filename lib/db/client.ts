import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";

/**
 * The one Prisma client of the process, cached on globalThis so that Next.js's dev reloads
 * do not open a new pool each time. DATABASE_URL is always set by the time the server runs:
 * the launcher (lib/server/launch.ts) provides the embedded server's address when the user
 * did not configure one.
 *
 * Its adapter runs on a pg pool made here, so that the sync's bulk write path can use the
 * same connections directly (see dbPool).
 */
function createClient(): { client: PrismaClient; pool: pg.Pool } {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  // The pool outlives $disconnect() (Prisma would reconnect on a pool of its own, not on an
  // ended one): idle connections close by themselves and do not keep the process alive.
  // Every statement runs under QUERY_TIMEOUT unless its transaction says otherwise (the
  // sync's page writes do): no page or API call can hold a connection and a core for long.
  const timeout = env().QUERY_TIMEOUT;
  // Idle connections are kept five minutes, not pg's ten seconds: a new PostgreSQL backend pays
  // for its first touch of every cached page (measured at 10M: the same 24-hour count took
  // 240 ms on a fresh connection and 41 ms after), so an admin pausing between pages would
  // otherwise wait on fresh connections every time.
  // No parallel workers: a page's panels already run side by side on their own connections,
  // each reading a few thousand rollup rows or index entries, and starting workers costs more
  // than that (on a busy two-core server a worker waiting for a core turned a 12 ms top list
  // into 250 ms). Set per connection, not per transaction, so that a read is one round trip:
  // SET LOCAL in a transaction cost the 10M facets 20 ms of their 65 (p50).
  const pool = new pg.Pool({
    connectionString: url,
    max: 10,
    idleTimeoutMillis: 300_000,
    allowExitOnIdle: true,
    options: "-c max_parallel_workers_per_gather=0",
    ...(timeout > 0 ? { statement_timeout: timeout } : {}),
  });
  // An idle connection the server closed (a restart, a dropped test database) is not an error
  // of any query; the pool replaces it.
  pool.on("error", (error) => log.debug({ reason: error.message }, "idle database connection closed"));
  // Closed on shutdown once the sync's last page is committed (lib/lifecycle/shutdown.ts).
  onShutdown("resources", () => pool.end());
  return { client: new PrismaClient({ adapter: new PrismaPg(pool), transactionOptions: transactionOptions(timeout) }), pool };
}

/**
 * Prisma's own bounds on a transaction (2 s to get a connection, 5 s in all) fail a request
 * with a 500 whenever a busy server's ten connections are all taken for two seconds, which
 * every statement may be for QUERY_TIMEOUT. A transaction waits as long as a statement may
 * run, and may last as long as a few of them; each statement stays under QUERY_TIMEOUT.
 */
function transactionOptions(queryTimeout: number): { maxWait: number; timeout: number } {
  const statement = queryTimeout > 0 ? queryTimeout : 5_000;
  return { maxWait: 2 * statement, timeout: 4 * statement };
}

/** A client of its own for a database found at run time (the launcher, command-line tools). */
export function createDbClient(url: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

const globalForDb = globalThis as unknown as { __auditDb?: { client: PrismaClient; pool: pg.Pool } };

export function db(): PrismaClient {
  globalForDb.__auditDb ??= createClient();
  return globalForDb.__auditDb.client;
}

/**
 * The pool under db()'s adapter, for the one path that Prisma's raw queries slow down: the
 * sync's page writes (lib/sync/store.ts). Prisma passes raw-query parameters through JSON
 * and back, which for a page of events is a megabyte serialised and parsed twice, and plans
 * every statement anew; a named statement on the pool avoids both.
 */
export function dbPool(): pg.Pool {
  db();
  return globalForDb.__auditDb!.pool;
}

const globalForHealth = globalThis as unknown as { __auditHealthPool?: pg.Pool };

/**
 * Whether the database answers, on a connection of its own: ten slow queries holding the
 * main pool must not make the health check wait behind them. Bounded in time either way.
 */
export async function databaseAnswers(timeoutMs = 2_000): Promise<boolean> {
  if (!globalForHealth.__auditHealthPool) {
    const pool = new pg.Pool({ connectionString: env().DATABASE_URL, max: 1, allowExitOnIdle: true, connectionTimeoutMillis: timeoutMs, statement_timeout: timeoutMs });
    pool.on("error", () => undefined);
    onShutdown("resources", () => pool.end());
    globalForHealth.__auditHealthPool = pool;
  }
  const pool = globalForHealth.__auditHealthPool;
  try {
    await pool.query("SELECT 1");
    return true;
  } catch {
    return false;
  }
}
