/**
 * `npm run sync`: one sync run of every configured workspace, from the command line, with
 * the same settings as the server. Exit code 1 when a run failed.
 */
import { log } from "@/lib/log";
import { db } from "@/lib/db/client";
import { syncAll } from "./sync-all";

async function main() {
  const results = await syncAll("cli");
  for (const result of results) log.info(result, "sync result");
  await db().$disconnect();
  return results.some((r) => r.status === "ran" && r.outcome === "failed") ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log.fatal({ err: error }, "sync failed");
    process.exit(1);
  },
);
