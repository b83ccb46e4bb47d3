import "server-only";
import { resolveActors } from "@/lib/events/resolve-actors";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { readAggregate, typeCounts, type Source } from "./sources";

export const COUNT_BY = ["eventType", "category", "actorType"] as const;
export type CountByDimension = (typeof COUNT_BY)[number];

const COLUMN: Record<CountByDimension, string> = { eventType: "event_type", category: "event_category", actorType: "actor_type" };

export interface CountBy {
  dimension: CountByDimension;
  /** Largest first; "" is events without a category. */
  rows: Array<{ value: string; count: number }>;
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

/** Events per event type, category or actor type under a filter. */
export async function countBy(filter: EventFilter, dimension: CountByDimension, options: CountByOptions = {}): Promise<CountBy> {
  const { relation, source } = typeCounts(filter, { now: options.now ?? new Date(), useRollups: options.useRollups, actorGids: await resolveActors(filter) });
  const rows = await readAggregate<{ value: string; count: number }>(Prisma.sql`
    SELECT ${Prisma.raw(COLUMN[dimension])} AS value, sum(n)::int AS count
    FROM (${relation}) AS x
    GROUP BY 1
    ORDER BY 2 DESC, 1`);
  const total = rows.reduce((a, r) => a + r.count, 0);
  const listed = options.limit === undefined ? rows : rows.slice(0, options.limit);
  return { dimension, rows: listed, other: total - listed.reduce((a, r) => a + r.count, 0), total, source };
}
