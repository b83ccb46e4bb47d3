import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit-trail/record";
import { actorOf, parseInput, readJson, route } from "@/lib/http/route";
import { getSyncState } from "@/lib/sync/get-sync-state";
import { triggerSync } from "@/lib/sync/trigger";

export const dynamic = "force-dynamic";

export const GET = route("sync.state", { auth: "admin" }, () => getSyncState());

const triggerInput = z.object({ wait: z.boolean().default(false) }).strict();

/**
 * Admins from the dashboard, or a scheduler with `Authorization: Bearer $SYNC_SECRET`. A bare
 * POST (no body, as `curl -X POST` sends) syncs every workspace now. 202 whether it started or
 * was already running (the body says which: either way a sync is under way); 200 with `wait`.
 */
export const POST = route("sync.trigger", { auth: "admin-or-sync-secret" }, async ({ request, logger, caller }) => {
  const raw = await readJson(request, { empty: {} });
  const { wait } = parseInput(triggerInput, raw);
  await recordAuditEntry({ actor: actorOf(caller), action: "sync.trigger", request, details: { via: caller.kind, wait } });
  const answer = await triggerSync("manual", logger, wait);
  return NextResponse.json(answer, { status: answer.status === "finished" ? 200 : 202 });
});
