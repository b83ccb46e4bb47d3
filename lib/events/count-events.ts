import "server-only";
import { db } from "@/lib/db/client";
import { isQueryTimeout } from "@/lib/db/query-timeout";
import { env } from "@/lib/env";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventFilter } from "./filters";
import { resolveActors } from "./resolve-actors";
import { eventWhere, needsScan } from "./where";

export interface EventCount {
  /** Null when nothing sensible can be said quickly: free text over a large range. */
  count: number | null;
  /** False when `count` is the planner's estimate, shown as "about N". */
  exact: boolean;
}

/** Below this many estimated rows an exact count is a few milliseconds over an index. */
const EXACT_BELOW = 50_000;
const QUICK_TIMEOUT_MS = 400;

/** The planner's row estimate for the filter: 0.1 ms, and a few percent off on these indexes. */
export async function estimateEvents(where: Prisma.Sql): Promise<number> {
  const plan = await db().$queryRaw<{ "QUERY PLAN": Array<{ Plan: { "Plan Rows": number } }> }[]>`
    EXPLAIN (FORMAT JSON) SELECT 1 FROM audit_event WHERE ${where}`;
  return Math.round(plan[0]?.["QUERY PLAN"][0]?.Plan["Plan Rows"] ?? 0);
}

async function exactCount(where: Prisma.Sql, timeoutMs: number): Promise<number | null> {
  try {
    const [, rows] = await db().$transaction([
      db().$executeRawUnsafe(`SET LOCAL statement_timeout = ${Math.floor(timeoutMs)}`),
      db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event WHERE ${where}`,
    ]);
    return Number(rows[0]?.n ?? 0);
  } catch (error) {
    // The estimate stands in; anything else is a real failure.
    if (isQueryTimeout(error)) return null;
    throw error;
  }
}

/**
 * How many events match: exact when that is cheap (a small estimate, or the admin asked
 * for it), otherwise the planner's estimate, labelled as such. An exact count over millions
 * of rows takes hundreds of milliseconds and would hold every page back.
 */
export async function countEvents(filter: EventFilter, options: { exact?: boolean; now?: Date } = {}): Promise<EventCount> {
  const where = eventWhere(filter, { now: options.now ?? new Date(), actorGids: await resolveActors(filter) });
  // The planner guesses text matches at a fixed fraction: its figure would be a made-up one.
  const guessing = needsScan(filter);
  const estimate = await estimateEvents(where);
  if (!options.exact && estimate > EXACT_BELOW) return { count: guessing ? null : estimate, exact: false };
  const exact = await exactCount(where, options.exact ? env().QUERY_TIMEOUT : QUICK_TIMEOUT_MS);
  if (exact !== null) return { count: exact, exact: true };
  return { count: guessing ? null : estimate, exact: false };
}
