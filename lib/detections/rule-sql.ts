import { ALL_TIME } from "@/lib/events/filter-ops";
import { textToFilter } from "@/lib/events/query-text";
import { eventConditions } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import type { DetailsCondition, GroupKey, SeenField } from "./rule";

const sql = Prisma.sql;

/** A key as stored in alert.dedup_key and compared in every query: at most 200 characters (a longer one by its digest). */
const bounded = (expression: string) => `(CASE WHEN length(${expression}) <= 200 THEN ${expression} ELSE 'md5:' || md5(${expression}) END)`;

/** The audit_event expression of each key a rule groups by (null when the event has none). */
export const KEY_EXPRESSION: Record<GroupKey, string> = {
  actor: "actor_key",
  ip: "host(client_ip)",
  resource: bounded("resource_gid"),
  // The app an event names: the one authorised or revoked (details), else the one that acted.
  app: bounded("COALESCE(details ->> 'app_name', oauth_app_name)"),
  none: "''",
};

/**
 * The audit_event expression of each value a "first seen" rule watches. A country is its
 * address's, as the location databases placed it (null while unknown: a private or
 * documentation range, or an address not yet located).
 */
export const SEEN_EXPRESSION: Record<SeenField, string> = {
  ip: "host(client_ip)",
  country: "(SELECT loc.country FROM ip_location AS loc WHERE loc.ip = client_ip)",
  userAgent: "user_agent",
  oauthApp: "oauth_app_name",
  resource: "resource_gid",
};

/**
 * Fields whose earlier activity counts only where it had a value: someone whose sign-ins so far
 * came from addresses no database places has no country to compare a first known one with.
 */
export const SEEN_NEEDS_VALUE: ReadonlySet<SeenField> = new Set(["country"]);

export type Compiled = { ok: true; conditions: Prisma.Sql[] } | { ok: false; error: string };

/**
 * A rule's filter as conditions over audit_event's columns, unqualified (they read the same
 * in a subquery over audit_event or over a CTE of its rows): the query-bar text's
 * conditions with its time range dropped (a rule judges every event at its own time), and
 * the details conditions. Actors named by e-mail or name stay lookups in the actor table,
 * so that a rule follows an actor who appears later.
 */
export function compileFilter(query: string, details: readonly DetailsCondition[], now: Date): Compiled {
  const parsed = textToFilter(query);
  if (!parsed.ok) return { ok: false, error: parsed.errors.map((e) => e.message).join("; ") };
  const conditions = eventConditions({ ...parsed.filter, time: ALL_TIME }, { now });
  for (const d of details) {
    // The key is checked by detailsCondition's pattern; it still travels as a parameter.
    const value = sql`(details ->> ${d.path})`;
    conditions.push(d.negate ? sql`(${value} IS NULL OR NOT (${value} = ANY(${d.anyOf}::text[])))` : sql`${value} = ANY(${d.anyOf}::text[])`);
  }
  return { ok: true, conditions };
}

export const allOf = (parts: readonly Prisma.Sql[]): Prisma.Sql => (parts.length === 0 ? sql`TRUE` : Prisma.join([...parts], " AND "));
