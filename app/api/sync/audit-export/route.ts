import { parseAsString } from "nuqs/server";
import { recordAuditEntry } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { notFound } from "@/lib/http/errors";
import { actorOf, parseSearch, route } from "@/lib/http/route";
import { auditExport } from "@/lib/integrity/audit-export";
import { defineSearchContract } from "@/lib/url/search-contract";

export const dynamic = "force-dynamic";

const isDay = (v: string) => /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const day = { parser: parseAsString, hint: "a day as YYYY-MM-DD", check: (v: string) => (isDay(v) ? undefined : "a day as YYYY-MM-DD") };
const exportSearch = defineSearchContract("the audit export", {
  workspace: { parser: parseAsString, hint: "a numeric workspace gid", check: (v: string) => (/^\d{1,30}$/.test(v) ? undefined : "a numeric workspace gid") },
  from: day,
  to: day,
});

/**
 * Sealed days with their manifest, as one NDJSON file an auditor checks with sha256sum and
 * jq (lib/integrity/audit-export.ts; README "Checking an audit export"). Every sealed day of
 * the workspace unless `from`/`to` (inclusive) narrow it.
 */
export const GET = route("sync.audit_export", async ({ request, logger, caller }) => {
  const params = parseSearch(exportSearch, request.nextUrl.searchParams);
  const range = await db().coverageDay.aggregate({
    where: { digest: { not: null }, ...(params.workspace ? { workspaceGid: params.workspace } : {}) },
    _min: { day: true, workspaceGid: true },
    _max: { day: true },
  });
  const workspace = params.workspace ?? range._min.workspaceGid;
  if (!workspace || !range._min.day || !range._max.day) throw notFound("No day is sealed yet: days are sealed once reconciliation has verified them (see the Sync page).");
  const from = params.from ?? range._min.day.toISOString().slice(0, 10);
  const to = params.to ?? range._max.day.toISOString().slice(0, 10);
  await recordAuditEntry({ actor: actorOf(caller), action: "export.audit", request, details: { workspace, from, to } });
  const stream = auditExport(workspace, from, to, (events, completed) => logger.info({ workspace, from, to, events, completed }, "audit export finished"));
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="audit-export-${workspace}-${from}-${to}.ndjson"`,
      "cache-control": "no-store",
    },
  });
});
