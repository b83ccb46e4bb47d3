import { readFileSync } from "node:fs";
import path from "node:path";
import pg from "pg";

/**
 * A connection to the e2e server's own database, for specs that must store what no upstream
 * sends in the demo (values Asana controls, written as the sync would have stored them). The
 * embedded server writes its port and password beside its directory (lib/db/embedded.ts);
 * E2E_DATABASE_URL, when the run uses a server of its own, is that server.
 */
function e2eDatabaseUrl(): string {
  if (process.env.E2E_DATABASE_URL) return process.env.E2E_DATABASE_URL;
  const dir = path.resolve(process.env.E2E_DATA_DIR ?? "", "pg");
  const port = readFileSync(`${dir}.port`, "utf8").trim();
  const password = readFileSync(`${dir}.password`, "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/audit_dashboard`;
}

/** Runs `work` on a fresh client of the e2e database, closed afterwards. */
export async function withE2eDatabase<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: e2eDatabaseUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
