import { db } from "@/lib/db/client";
import "server-only";
import { resolveActors } from "@/lib/events/resolve-actors";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { typeCounts, type Source } from "./sources";

export const COUNT_BY = ["eventType", "category", "actorType"] as const;
export type CountByDimension = (typeof COUNT_BY)[number];

const COLUMN: Record<CountByDimension, string> = { eventType: "event_type", category: "event_category", actorType: "actor_type" };

/** Values listed when the caller names no limit: the rest is "other", whatever Asana invents. */
export const MAX_COUNT_ROWS = 100;
/** A value longer than this is cut (no filter could name it anyway). */
export const VALUE_MAX = 200;

export interface CountBy {
  dimension: CountByDimension;
  /** Largest first; "" is events without a category; `cut` when the stored value is longer than shown. */
  rows: Array<{ value: string; count: number; cut?: boolean }>;
  /** Events in values past the limit: the "other" slice. */
  other: number;
  total: number;
  source: Source;
}

export interface CountByOptions {
  /** Values to list before the rest become "other"; all when absent. */
  limit?: number;
  now?: Date;
  useRollups?: boolean;
}

/**
 * Events per event type, category or actor type under a filter: the first `limit` values
 * and the total, so that however many values Asana invents the answer stays small.
 */
export async function countBy(filter: EventFilter, dimension: CountByDimension, options: CountByOptions = {}): Promise<CountBy> {
  const { relation, source } = typeCounts(filter, { now: options.now ?? new Date(), useRollups: options.useRollups, actorGids: await resolveActors(filter) });
  const limit = Math.min(options.limit ?? MAX_COUNT_ROWS, MAX_COUNT_ROWS);
  const found = await db().$queryRaw<{ value: string; cut: boolean; count: number; total: number }[]>(Prisma.sql`
    SELECT left(value, ${VALUE_MAX}) AS value, length(value) > ${VALUE_MAX} AS cut, count, total
    FROM (
      SELECT ${Prisma.raw(COLUMN[dimension])} AS value, sum(n)::int AS count, (sum(sum(n)) OVER ())::int AS total
      FROM (${relation}) AS x
      GROUP BY 1
    ) AS g
    ORDER BY count DESC, g.value
    LIMIT ${limit}`);
  const total = found[0]?.total ?? 0;
  const rows = found.map((r) => (r.cut ? { value: r.value, count: r.count, cut: true } : { value: r.value, count: r.count }));
  return { dimension, rows, other: total - rows.reduce((a, r) => a + r.count, 0), total, source };
}
