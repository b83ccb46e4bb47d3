import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { estimateEvents } from "./count-events";
import type { Dimension, EventFilter } from "./filters";
import { resolveTimeRange } from "./time-range";
import { LIST_TEXT_MAX } from "./event-row";
import { FACET_BUDGET } from "./facet-budget";
import { resolveActors } from "./resolve-actors";
import { eventWhere } from "./where";

/** The dimensions the facet panel counts, and the column each counts by. */
export const FACET_DIMENSIONS = ["eventType", "category", "actorType", "actor", "resourceType", "contextType", "authMethod", "oauthApp", "ip"] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

const FACET_COLUMN: Record<FacetDimension, string> = {
  eventType: "event_type",
  category: "event_category",
  actorType: "actor_type",
  actor: "actor_key",
  resourceType: "resource_type",
  contextType: "context_type",
  authMethod: "auth_method",
  oauthApp: "oauth_app_name",
  // Grouped as inet and printed once per group: host() on every row costs a fifth of the pass.
  ip: "client_ip",
};

/** Long tails (actors, addresses, apps) are cut to their top values; closed lists are shown whole. */
const TOP: Record<FacetDimension, number> = { eventType: 200, category: 50, actorType: 20, actor: 10, resourceType: 50, contextType: 20, authMethod: 20, oauthApp: 10, ip: 10 };

export interface FacetValue {
  /** Cut at LIST_TEXT_MAX characters (`cut` then says so). */
  value: string;
  count: number;
  cut?: boolean;
  /** For event types, their category; for actors, their name or e-mail. */
  label?: string | null;
  category?: string | null;
}

export interface FacetWindow {
  /** The oldest instant counted: the range's start, or later when the counts were narrowed. */
  from: string | null;
  to: string | null;
  /** True when only the newest `events` matching events were counted. */
  narrowed: boolean;
  events: number;
}

export interface Facets {
  dimensions: Record<FacetDimension, FacetValue[]>;
  /** The span each dimension's counts cover, which may be narrower than the filter's range. */
  windows: Record<FacetDimension, FacetWindow>;
}


/** The instant from which the newest `budget` rows matching `where` start, if there are more. */
async function windowStart(where: Prisma.Sql, budget: number): Promise<Date | undefined> {
  if ((await estimateEvents(where)) <= budget) return undefined;
  // Ordered by created_at alone, so that a (column, created_at) index answers it by itself.
  const edge = await db().$queryRaw<{ created_at: Date }[]>`
    SELECT created_at FROM audit_event WHERE ${where} ORDER BY created_at DESC OFFSET ${budget - 1} LIMIT 1`;
  return edge[0]?.created_at;
}

/** Whether the rows a filter keeps are picked by time alone (a contiguous stretch of the table). */
const pickedByTime = (filter: EventFilter, omit?: Dimension) => Object.entries(filter.include).every(([d, values]) => d === omit || d === "text" || values.length === 0);

/**
 * Counts per value of each dimension for the current filter. A dimension that the filter
 * selects values of is counted without that selection (otherwise every other value would
 * read 0 and nobody could widen the choice); all the others share one GROUPING SETS pass.
 */
export async function countFacets(filter: EventFilter, options: { now?: Date } = {}): Promise<Facets> {
  const now = options.now ?? new Date();
  const actorGids = await resolveActors(filter);
  const range = resolveTimeRange(filter.time, now);
  const selected = FACET_DIMENSIONS.filter((d) => filter.include[d as Dimension].length > 0);
  // A value the filter names keeps its count even outside the top N: the panel lists it to undo.
  const named = (d: FacetDimension) => new Set([...filter.include[d as Dimension], ...filter.exclude[d as Dimension]]);
  const shared = FACET_DIMENSIONS.filter((d) => !selected.includes(d));
  const groups: Array<{ dimensions: FacetDimension[]; omit?: Dimension }> = [
    ...(shared.length > 0 ? [{ dimensions: shared }] : []),
    ...selected.map((d) => ({ dimensions: [d], omit: d as Dimension })),
  ];

  const counted = await Promise.all(
    groups.map(async (group) => {
      // The window is found with the indexed conditions only: free text would make finding it a scan.
      const budget = pickedByTime(filter, group.omit) ? FACET_BUDGET.clustered : FACET_BUDGET.scattered;
      const notBefore = await windowStart(eventWhere(filter, { now, actorGids, omitInclude: group.omit, part: "indexed" }), budget);
      const counts = await groupingSets(group.dimensions, eventWhere(filter, { now, actorGids, omitInclude: group.omit, notBefore }), named);
      const window: FacetWindow = { from: (notBefore ?? range.from)?.toISOString() ?? null, to: range.to?.toISOString() ?? null, narrowed: notBefore !== undefined, events: budget };
      return { group, counts, window };
    }),
  );
  const dimensions = {} as Record<FacetDimension, FacetValue[]>;
  const windows = {} as Record<FacetDimension, FacetWindow>;
  for (const { group, counts, window } of counted) {
    for (const d of group.dimensions) {
      dimensions[d] = counts.get(d) ?? [];
      windows[d] = window;
    }
  }
  await labelActors(dimensions.actor);
  return { dimensions, windows };
}

async function groupingSets(dimensions: FacetDimension[], where: Prisma.Sql, named: (d: FacetDimension) => Set<string>): Promise<Map<FacetDimension, FacetValue[]>> {
  // Event types are grouped with their category so the panel can nest them.
  const sets = dimensions.map((d) => (d === "eventType" ? `(event_type, event_category)` : `(${FACET_COLUMN[d]})`));
  const columns = [...new Set(dimensions.flatMap((d) => (d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]])))];
  // Grouped by whole values, answered cut: a value of 200,000 characters is a few hundred here.
  const select = columns.map((c, i) => `${c === "client_ip" ? "host(client_ip)" : `left(${c}, ${LIST_TEXT_MAX})`} AS c${i}, ${c === "client_ip" ? "false" : `length(${c}) > ${LIST_TEXT_MAX}`} AS x${i}, GROUPING(${c}) AS g${i}`).join(", ");
  const rows = await db().$queryRaw<Array<Record<string, unknown> & { n: number }>>`
    SELECT ${Prisma.raw(select)}, count(*)::int AS n
    FROM audit_event WHERE ${where}
    GROUP BY GROUPING SETS (${Prisma.raw(sets.join(", "))})`;

  const index = (column: string) => columns.indexOf(column);
  const out = new Map<FacetDimension, FacetValue[]>(dimensions.map((d) => [d, []]));
  for (const row of rows) {
    // The set a row belongs to is the one whose columns are not rolled up (GROUPING = 0).
    const dimension = dimensions.find((d) => {
      const own = d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]];
      return columns.every((c) => (row[`g${index(c)}`] === 0) === own.includes(c));
    });
    if (!dimension) continue;
    const column = index(dimension === "eventType" ? "event_type" : FACET_COLUMN[dimension]);
    const value = row[`c${column}`];
    if (value === null || value === undefined) continue;
    const entry: FacetValue = { value: String(value), count: row.n, ...(row[`x${column}`] === true ? { cut: true } : {}) };
    if (dimension === "eventType") entry.category = (row[`c${index("event_category")}`] as string | null) ?? null;
    out.get(dimension)!.push(entry);
  }
  for (const [d, values] of out) {
    const keep = named(d);
    out.set(d, values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).filter((v, i) => i < TOP[d] || keep.has(v.value)));
  }
  return out;
}

async function labelActors(values: FacetValue[]): Promise<void> {
  if (values.length === 0) return;
  const actors = await db().$queryRaw<{ key: string; name: string | null; email: string | null }[]>`
    SELECT key, left(name, ${LIST_TEXT_MAX}) AS name, left(email, ${LIST_TEXT_MAX}) AS email FROM actor WHERE key = ANY(${values.map((v) => v.value)}::text[])`;
  const byGid = new Map(actors.map((a) => [a.key, a]));
  for (const v of values) {
    const actor = byGid.get(v.value);
    v.label = actor?.name ?? actor?.email ?? null;
  }
}
