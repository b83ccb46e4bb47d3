import { recordAuditEntry } from "@/lib/audit-trail/record";
import { actorOf, route } from "@/lib/http/route";
import { verifyArchive } from "@/lib/integrity/verify";

export const dynamic = "force-dynamic";

/** Recomputes every sealed day now and names those altered since they were sealed. */
export const POST = route("sync.verify", async ({ request, caller }) => {
  const report = await verifyArchive();
  await recordAuditEntry({ actor: actorOf(caller), action: "sync.verify", request, details: { days: report.days, events: report.events, altered: report.altered.map((a) => a.day), brokenChain: report.brokenChain.length } });
  return report;
});
