/**
 * `npm run migrate` (and `node dist/migrate.mjs` in the container image): applies the schema's
 * migrations and exits, for platforms that migrate as a step of their own before the app
 * starts. The app also migrates at start (lib/server/launch.ts); both take the same lock, so
 * running both, or several instances at once, is safe. Exit code 0 when the schema is up to
 * date, 1 when a migration failed, 2 on a configuration error.
 */
import "@/lib/env-guard";
import { env } from "@/lib/env";
import { exitOnConfigurationError } from "@/lib/env-guard";
import { log } from "@/lib/log";
import { openToolDatabase } from "./tool-database";

async function main() {
  const database = await openToolDatabase();
  await database.close();
  log.info({ database: env().DATABASE_URL ? "DATABASE_URL" : "embedded" }, "database schema is up to date");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    exitOnConfigurationError(error);
    log.fatal({ err: error }, "migration failed");
    process.exit(1);
  },
);
