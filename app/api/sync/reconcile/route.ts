import { NextResponse } from "next/server";
import { z } from "zod";
import { recordAuditEntry } from "@/lib/audit-trail/record";
import { actorOf, parseInput, readJson, route } from "@/lib/http/route";
import { triggerReconcile } from "@/lib/sync/trigger";

export const dynamic = "force-dynamic";

const input = z.object({ all: z.boolean().default(false), wait: z.boolean().default(false) }).strict();

/**
 * Re-reads closed days now: those due, or (`all`) every day Asana holds. A reconciliation
 * already under way is accepted too (202, `already_running`): what was asked for is happening,
 * and a browser would log a 409 as an error for an ordinary click.
 */
export const POST = route("sync.reconcile", { auth: "admin-or-sync-secret" }, async ({ request, logger, caller }) => {
  const raw = await readJson(request, { empty: {} });
  const { all, wait } = parseInput(input, raw);
  await recordAuditEntry({ actor: actorOf(caller), action: "sync.reconcile", request, details: { via: caller.kind, all } });
  const answer = await triggerReconcile("manual", logger, { all, wait });
  return NextResponse.json(answer, { status: answer.status === "finished" ? 200 : 202 });
});
