import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { env } from "@/lib/env";

/**
 * The one Prisma client of the process, cached on globalThis so that Next.js's dev reloads
 * do not open a new pool each time. DATABASE_URL is always set by the time the server runs:
 * the launcher (lib/server/launch.ts) provides the embedded server's address when the user
 * did not configure one.
 */
function createClient(): PrismaClient {
  const url = env().DATABASE_URL;
  if (!url) throw new Error("DATABASE_URL is not set: start the app with `npm start`, which provides one.");
  return createDbClient(url);
}

/** A client of its own for a database found at run time (the launcher, command-line tools). */
export function createDbClient(url: string, max = 10): PrismaClient {
  return new PrismaClient({ adapter: new PrismaPg({ connectionString: url, max }) });
}

const globalForDb = globalThis as unknown as { __auditDb?: PrismaClient };

export function db(): PrismaClient {
  globalForDb.__auditDb ??= createClient();
  return globalForDb.__auditDb;
}
