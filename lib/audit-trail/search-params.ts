import { createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { defineSearchContract, type ValuesOf } from "@/lib/url/search-contract";
import { zoneSpec } from "@/lib/url/zone-param";
import { AUDIT_ACTIONS } from "./actions";
import { decodeAuditCursor } from "./cursor";

export const AUDIT_PAGE_SIZE = 50;
const MAX_LIMIT = 200;

const filterSpecs = {
  action: { parser: parseAsStringLiteral(AUDIT_ACTIONS), hint: `use one of the ${AUDIT_ACTIONS.length} actions the trail's Action filter lists, such as ${AUDIT_ACTIONS.slice(0, 3).join(", ")}` },
  actor: { parser: parseAsString, hint: "part of an admin's e-mail", check: (v: string) => (v.length > 320 ? "part of an e-mail, at most 320 characters" : undefined) },
  tz: zoneSpec,
};

const apiSpecs = {
  ...filterSpecs,
  cursor: {
    parser: parseAsString,
    hint: "a position this API gave",
    check: (v: string) => (v.length > 200 || !decodeAuditCursor(v) ? "not a position this API gave (pass back nextCursor as it came, or leave it out for the newest entries)" : undefined),
  },
  limit: {
    parser: createParser({ parse: (v) => (/^\d{1,4}$/.test(v) ? Number(v) : null), serialize: String }).withDefault(AUDIT_PAGE_SIZE),
    hint: `a whole number of entries from 1 to ${MAX_LIMIT}`,
    check: (v: number) => (v < 1 || v > MAX_LIMIT ? `from 1 to ${MAX_LIMIT} entries` : undefined),
  },
};

/** The trail page's URL (`/audit?action=sync.trigger&actor=ann`), read by its page and its client. */
export const auditTrailSearch = defineSearchContract("the audit trail", filterSpecs);
export type AuditFilters = ValuesOf<typeof filterSpecs>;

/** GET /api/audit: the page's filters, plus the position and size of a page of entries. */
export const auditApiSearch = defineSearchContract("the audit trail's API", apiSpecs);
export type AuditListInput = ValuesOf<typeof apiSpecs>;
