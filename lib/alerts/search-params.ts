import { createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { actorKeyProblem } from "@/lib/actors/actor-key";
import { defineSearchContract, type ValuesOf } from "@/lib/url/search-contract";
import { zoneSpec } from "@/lib/url/zone-param";
import { decodeAlertCursor } from "./cursor";
import { ALERT_RANGES, isAlertId, isRuleId, SEVERITIES, STATUS_TABS, type Severity } from "./vocabulary";

export const ALERT_PAGE_SIZE = 50;
const MAX_LIMIT = 200;

/** `severity=high,critical`: any of them; a list naming anything else is refused whole, not trimmed. */
const parseAsSeverities = createParser<Severity[]>({
  parse: (v) => {
    const values = v.split(",");
    if (!values.every((s): s is Severity => (SEVERITIES as readonly string[]).includes(s))) return null;
    return SEVERITIES.filter((s) => values.includes(s));
  },
  serialize: (values) => values.join(","),
  eq: (a, b) => a.length === b.length && a.every((s) => b.includes(s)),
});

const filterSpecs = {
  status: { parser: parseAsStringLiteral(STATUS_TABS).withDefault("open"), hint: `use one of ${STATUS_TABS.join(", ")}` },
  severity: { parser: parseAsSeverities, hint: `use one or more of ${SEVERITIES.join(", ")}, separated by commas` },
  rule: { parser: parseAsString, hint: "a rule's id", check: (v: string) => (isRuleId(v) ? undefined : "not a rule's id (letters, digits, . _ : -, at most 100)") },
  actor: {
    parser: parseAsString,
    hint: "an actor's key (a user's gid) or e-mail address",
    check: (v: string) => actorKeyProblem(v) ?? undefined,
  },
  range: { parser: parseAsStringLiteral(ALERT_RANGES), hint: `use one of ${ALERT_RANGES.join(", ")}, or leave it out for all time` },
};

const pageSpecs = {
  ...filterSpecs,
  tz: zoneSpec,
  /** The alert whose detail is open over the list (notifications link here). */
  alert: { parser: parseAsString, hint: "an alert's id", check: (v: string) => (isAlertId(v) ? undefined : "not an alert's id (digits)") },
};

const apiSpecs = {
  ...filterSpecs,
  cursor: {
    parser: parseAsString,
    hint: "a position this API gave",
    check: (v: string) => (v.length > 200 || !decodeAlertCursor(v) ? "not a position this API gave (pass back nextCursor as it came, or leave it out for the newest alerts)" : undefined),
  },
  limit: {
    parser: createParser({ parse: (v) => (/^\d{1,4}$/.test(v) ? Number(v) : null), serialize: String }).withDefault(ALERT_PAGE_SIZE),
    hint: `a whole number of alerts from 1 to ${MAX_LIMIT}`,
    check: (v: number) => (v < 1 || v > MAX_LIMIT ? `from 1 to ${MAX_LIMIT} alerts` : undefined),
  },
};

/** The inbox's URL (`/alerts?status=acknowledged&severity=high,critical&rule=…&alert=12`), read by its page and its client. */
export const alertInboxSearch = defineSearchContract("the alerts inbox", pageSpecs);
export type AlertFilters = ValuesOf<typeof filterSpecs>;
export type AlertInboxParams = ValuesOf<typeof pageSpecs>;

/** GET /api/alerts: the inbox's filters, plus the position and size of a page of alerts. */
export const alertListApiSearch = defineSearchContract("the alerts API", apiSpecs);
export type AlertListInput = ValuesOf<typeof apiSpecs>;

/** Only the filters of a page's or hook's values: what the list's query key and the API take. */
export const filtersOf = (values: AlertFilters): AlertFilters => ({ status: values.status, severity: values.severity, rule: values.rule, actor: values.actor, range: values.range });

/** Whether anything narrows the list beyond its status tab. */
export const isNarrowed = (filters: AlertFilters) => Boolean(filters.severity?.length || filters.rule || filters.actor || filters.range);
