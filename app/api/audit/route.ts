import { listAuditEntries } from "@/lib/audit-trail/list";
import { auditApiSearch } from "@/lib/audit-trail/search-params";
import { parseSearch, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The dashboard's own audit trail, newest first: ?action=&actor=&cursor=&limit= (lib/audit-trail/search-params.ts). */
export const GET = route("audit.list", { auth: "admin" }, async ({ request }) => listAuditEntries(parseSearch(auditApiSearch, request.nextUrl.searchParams)));
