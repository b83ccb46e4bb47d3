import "server-only";
import { db } from "@/lib/db/client";
import { cutText } from "@/lib/format/cut-text";
import { resolveActors } from "@/lib/events/resolve-actors";
import { Prisma } from "@/lib/generated/prisma/client";
import type { EventFilter } from "@/lib/events/filters";
import { VALUE_MAX } from "./count-by";
import { exactTopValues } from "./exact-top-values";
import { valueCounts, type Source, type ValueDimension } from "./sources";

export interface TopValue {
  value: string;
  count: number;
  /** True when the stored value is longer than `value` shows (it cannot be a filter then). */
  cut?: boolean;
  /** For actors: who the gid is, from the actor table. */
  actor?: { name: string | null; email: string | null; actorType: string };
}

export interface TopValues {
  dimension: ValueDimension;
  rows: TopValue[];
  source: Source;
}

export interface TopValuesOptions {
  limit?: number;
  now?: Date;
  useRollups?: boolean;
}

/**
 * The actors, IP addresses or OAuth apps with the most events under a filter. A month's row
 * sliced to a few days can hold none of them: HAVING leaves such values out.
 */
export async function topValues(filter: EventFilter, dimension: ValueDimension, options: TopValuesOptions = {}): Promise<TopValues> {
  const sourceOptions = { now: options.now ?? new Date(), useRollups: options.useRollups, actorGids: await resolveActors(filter) };
  const limit = options.limit ?? 10;
  const exact = await exactTopValues(filter, dimension, sourceOptions, { limit });
  if (exact) return labelled(dimension, exact.map((v) => ({ ...cutText(v.value, VALUE_MAX), count: v.count })), "rollup");
  const { relation, source } = valueCounts(filter, dimension, sourceOptions);
  const found = await db().$queryRaw<{ value: string; cut: boolean; count: number }[]>(Prisma.sql`
    SELECT left(value, ${VALUE_MAX}) AS value, length(value) > ${VALUE_MAX} AS cut, count FROM (
      SELECT value, sum(n)::int AS count
      FROM (${relation}) AS x
      GROUP BY 1
      HAVING sum(n) > 0
      ORDER BY 2 DESC, 1
      LIMIT ${limit}
    ) AS top
    ORDER BY count DESC, top.value`);
  return labelled(dimension, found.map((r) => (r.cut ? { value: r.value, count: r.count, cut: true } : { value: r.value, count: r.count })), source);
}

/** Actors get who they are from the actor table. */
async function labelled(dimension: ValueDimension, rows: TopValue[], source: Source): Promise<TopValues> {
  if (dimension !== "actor" || rows.length === 0) return { dimension, rows, source };
  const actors = await db().actor.findMany({ where: { key: { in: rows.map((r) => r.value) } }, select: { key: true, name: true, email: true, actorType: true } });
  const byGid = new Map(actors.map((a) => [a.key, a]));
  return {
    dimension,
    source,
    rows: rows.map((r) => {
      const a = byGid.get(r.value);
      return a ? { ...r, actor: { name: a.name, email: a.email, actorType: a.actorType } } : r;
    }),
  };
}
