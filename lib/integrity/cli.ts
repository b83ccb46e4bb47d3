/**
 * `npm run verify`: recomputes every sealed day of the archive and names the days whose
 * events were changed, added or removed since they were sealed (see lib/integrity/verify.ts),
 * on the database of openToolDatabase(). Prints the chain's head of each workspace, for an
 * auditor to note and compare later. Exit code 0 when everything is intact, 1 when a day was
 * altered or the chain is broken, 2 when it could not run.
 */
import "@/lib/env-guard";
import { overrideEnv } from "@/lib/env";
import { exitOnConfigurationError } from "@/lib/env-guard";
import { db } from "@/lib/db/client";
import { openToolDatabase } from "@/lib/db/tool-database";
import { verifyArchive } from "./verify";

const out = (line: string) => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  const database = await openToolDatabase();
  try {
    // Reading every sealed day takes longer than a page's query may.
    overrideEnv({ DATABASE_URL: database.url, QUERY_TIMEOUT: 0 });
    const report = await verifyArchive();
    const rate = report.ms > 0 ? Math.round((report.events / report.ms) * 1000) : report.events;
    out(`Checked ${report.days} sealed day(s), ${report.events} event(s), in ${(report.ms / 1000).toFixed(1)} s (${rate} events/s).`);
    for (const day of report.resealed) out(`  sealed again: ${day.workspaceGid} ${day.day}: ${day.lateStored} event(s) the sync stored late`);
    for (const day of report.altered) out(`  ALTERED: ${day.workspaceGid} ${day.day}: events changed, added or removed since sealed (${day.events} now, ${day.sealedEvents} when sealed)`);
    for (const link of report.brokenChain) out(`  BROKEN CHAIN: ${link.workspaceGid} ${link.day}: the stored chain does not follow from the digests`);
    for (const head of report.heads) out(`Chain head of workspace ${head.workspaceGid}: ${head.day} ${head.chain}`);
    const bad = report.altered.length + report.brokenChain.length;
    out(bad === 0 ? "Every sealed day is as it was sealed." : `${bad} problem(s) found.`);
    await db().$disconnect();
    return bad === 0 ? 0 : 1;
  } finally {
    await database.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    exitOnConfigurationError(error);
    process.stderr.write(`verify could not run: ${(error as Error)?.message ?? error}\n`);
    process.exit(2);
  },
);
