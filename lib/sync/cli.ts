/**
 * `npm run sync`: one sync run of every configured workspace, from the command line, with
 * the same settings as the server, on the database of openToolDatabase() (as `npm run admin`).
 * `npm run reconcile` (`--reconcile`, with `--all` for every day Asana holds rather than the
 * days due) re-reads closed days instead (lib/sync/reconcile.ts).
 * Exit code 1 when a run failed, 2 when nothing could run.
 */
import "@/lib/env-guard";
import { env, EnvError, overrideEnv } from "@/lib/env";
import { log } from "@/lib/log";
import { db } from "@/lib/db/client";
import { openToolDatabase } from "@/lib/db/tool-database";
import { reconcileAll, syncAll } from "./sync-all";

class UsageError extends Error {}

async function main(): Promise<number> {
  const settings = env();
  if (!settings.ASANA_TOKEN || settings.ASANA_WORKSPACE_GIDS.length === 0) {
    throw new UsageError(
      "npm run sync reads a real Asana domain: set ASANA_TOKEN and ASANA_WORKSPACE_GIDS (see the README). " +
        "In demo mode the app syncs its built-in emulator by itself: use “Sync now” on /sync.",
    );
  }
  const database = await openToolDatabase();
  try {
    overrideEnv({ DATABASE_URL: database.url });
    const argv = process.argv.slice(2);
    const results = argv.includes("--reconcile") ? await reconcileAll("cli", log, argv.includes("--all") ? "all" : "due") : await syncAll("cli");
    for (const result of results) log.info(result, argv.includes("--reconcile") ? "reconcile result" : "sync result");
    await db().$disconnect();
    return results.some((r) => r.status === "ran" && r.outcome === "failed") ? 1 : 0;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    if (error instanceof UsageError || error instanceof EnvError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    log.fatal({ err: error }, "sync failed");
    process.exit(1);
  },
);
