import "server-only";
import { db } from "@/lib/db/client";
import type { Completion } from "./query-complete";
import type { SuggestInput } from "./suggest-params";

/**
 * Values of a field as they are in the data, for the query bar's completions: actors from the
 * small actor table (its trigram indexes serve a part of a name or e-mail), OAuth apps and IP
 * addresses from the monthly value rollup (a row per value and month, not per event). Busiest
 * first; every statement under the pool's statement timeout.
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
  const dimension = field === "app" ? "oauth_app" : "ip";
  const rows = await db().$queryRaw<{ value: string; total: bigint }[]>`
    SELECT value, sum(total) AS total FROM event_value_rollup_monthly
    WHERE dimension = ${dimension} AND (${prefix} = '' OR value ILIKE ${contains(prefix)})
    GROUP BY value ORDER BY total DESC, value LIMIT ${limit}`;
  return rows.map((r) => ({ insert: r.value, label: r.value, detail: `${Number(r.total).toLocaleString("en-US")} events` }));
}
