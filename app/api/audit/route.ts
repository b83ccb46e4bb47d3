import { auditListInput, listAuditEntries } from "@/lib/audit-trail/list";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The dashboard's own audit trail, newest first: ?action=&actor=&cursor=&limit= */
export const GET = route("audit.list", { auth: "admin" }, async ({ request }) => {
  const input = parseInput(auditListInput, Object.fromEntries(request.nextUrl.searchParams));
  return listAuditEntries(input);
});
