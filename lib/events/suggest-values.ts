import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { canFilter, MAX_VALUE_LENGTH } from "./filters";
import { quote } from "./query-text";
import type { Completion } from "./query-complete";
import type { SuggestInput } from "./suggest-params";

/**
 * Values of a field as they are in the data, for the query bar's completions: actors from the
 * small actor table (its trigram indexes serve a part of a name or e-mail), OAuth apps and IP
 * addresses from the monthly value rollup (a row per value and month, not per event), networks
 * from ip_location (a row per address). Busiest first; every statement under the pool's
 * statement timeout.
 */
const contains = (prefix: string) => `%${prefix.replace(/[\\%_]/g, "\\$&")}%`;

export async function suggestValues(input: SuggestInput): Promise<Completion[]> {
  const { field, prefix, limit } = input;
  if (field === null) return [];
  if (field === "actor") {
    const rows = await db().$queryRaw<{ gid: string; name: string | null; email: string | null }[]>`
      SELECT gid, name, email FROM actor
      WHERE ${prefix} = '' OR name ILIKE ${contains(prefix)} OR email ILIKE ${contains(prefix)}
      ORDER BY event_count DESC, gid LIMIT ${limit}`;
    return rows.map((r) => ({ insert: r.email ?? r.gid, label: r.email ?? r.gid, detail: r.name ?? undefined }));
  }
  if (field === "org" || field === "asn") return suggestNetworks(field, prefix, limit);
  const dimension = field === "app" ? "oauth_app" : "ip";
  const rows = await db().$queryRaw<{ value: string; total: bigint }[]>`
    SELECT value, sum(total) AS total FROM event_value_rollup_monthly
    WHERE dimension = ${dimension} AND (${prefix} = '' OR value ILIKE ${contains(prefix)})
    GROUP BY value ORDER BY total DESC, value LIMIT ${limit}`;
  return rows.map((r) => ({ insert: r.value, label: r.value, detail: `${Number(r.total).toLocaleString("en-US")} events` }));
}

/**
 * Networks by organisation or number, the ones with the most addresses first. Only names a
 * filter can hold are offered, quoted when they need it (`org:"Amazon.com, Inc."`).
 */
async function suggestNetworks(field: "org" | "asn", prefix: string, limit: number): Promise<Completion[]> {
  const byNumber = field === "asn";
  // "AS165" or "165" finds AS16509 by its number; any other text by the organisation's name.
  const number = prefix.replace(/^AS/i, "");
  const matches = byNumber && /^\d+$/.test(number) ? Prisma.sql`asn::text LIKE ${`${number}%`}` : Prisma.sql`(${prefix} = '' OR as_org ILIKE ${contains(prefix)})`;
  const rows = await db().$queryRaw<{ asn: number | null; org: string; addresses: bigint }[]>`
    SELECT ${byNumber ? Prisma.sql`asn` : Prisma.sql`NULL::int`} AS asn, min(as_org) AS org, count(*) AS addresses FROM ip_location
    WHERE as_org IS NOT NULL AND length(as_org) <= ${MAX_VALUE_LENGTH} AND ${matches}
    GROUP BY ${byNumber ? Prisma.sql`asn` : Prisma.sql`as_org`} ORDER BY addresses DESC, org LIMIT ${limit}`;
  const detail = (n: bigint) => `${Number(n).toLocaleString("en-US")} address${n === 1n ? "" : "es"}`;
  if (byNumber) return rows.filter((r) => r.asn !== null).map((r) => ({ insert: String(r.asn), label: `AS${r.asn}`, detail: `${r.org} · ${detail(r.addresses)}` }));
  return rows.filter((r) => canFilter("asOrg", r.org)).map((r) => ({ insert: quote(r.org, { inList: true }), label: r.org, detail: detail(r.addresses) }));
}
