import { createLoader, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { AUDIT_ACTIONS } from "@/lib/audit-trail/actions";

/** The audit trail's filters, in the URL: read by the page's loader and the client hook alike. */
export const auditSearchParams = {
  action: parseAsStringLiteral(AUDIT_ACTIONS),
  actor: parseAsString,
};

export const loadAuditSearchParams = createLoader(auditSearchParams);
