import { db } from "@/lib/db/client";
import "server-only";
import { resolveActors } from "@/lib/events/resolve-actors";
import { emptyFilter, type EventFilter } from "@/lib/events/filters";
import { eventConditions } from "@/lib/events/where";
import { Prisma } from "@/lib/generated/prisma/client";
import { ALL_TIME, intersect } from "@/lib/events/filter-ops";
import { PRESETS } from "./presets";
import { typeCounts, type Source } from "./sources";

export interface PresetCount {
  key: string;
  /** The filter whose table the panel links to; null when the filter excludes the preset entirely. */
  filter: EventFilter | null;
  count: number;
}

export interface PresetPanels {
  presets: PresetCount[];
  source: Source;
}

/**
 * Every preset's count under the filter, in one pass: the filter's events once, each preset
 * a FILTER clause. A preset's own conditions ANDed with the filter's are the same events as
 * `intersect(filter, preset)`, the filter its link carries.
 */
export async function presetPanels(filter: EventFilter, options: { now?: Date; useRollups?: boolean } = {}): Promise<PresetPanels> {
  const now = options.now ?? new Date();
  const { relation, source } = typeCounts(filter, { now, useRollups: options.useRollups, actorGids: await resolveActors(filter) });
  const clauses = PRESETS.map((preset) => {
    const own = { ...emptyFilter(ALL_TIME), include: { ...emptyFilter().include, ...preset.conditions.include }, exclude: { ...emptyFilter().exclude, ...preset.conditions.exclude } };
    const conditions = eventConditions(own, { now });
    return Prisma.sql`COALESCE(sum(n) FILTER (WHERE ${Prisma.join(conditions, " AND ")}), 0)::int`;
  });
  const [row] = await db().$queryRaw<{ counts: number[] }[]>(Prisma.sql`SELECT ARRAY[${Prisma.join(clauses)}] AS counts FROM (${relation}) AS x`);
  return {
    source,
    presets: PRESETS.map((preset, i) => {
      const narrowed = intersect(filter, preset.conditions);
      return { key: preset.key, filter: narrowed, count: narrowed ? (row?.counts[i] ?? 0) : 0 };
    }),
  };
}
