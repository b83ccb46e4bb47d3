import "server-only";
import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { estimateEvents } from "./count-events";
import type { Dimension, EventFilter } from "./filters";
import { resolveTimeRange } from "./time-range";
import { eventWhere } from "./where";

/** The dimensions the facet panel counts, and the column each counts by. */
export const FACET_DIMENSIONS = ["eventType", "category", "actorType", "actor", "resourceType", "contextType", "authMethod", "oauthApp", "ip"] as const;
export type FacetDimension = (typeof FACET_DIMENSIONS)[number];

const FACET_COLUMN: Record<FacetDimension, string> = {
  eventType: "event_type",
  category: "event_category",
  actorType: "actor_type",
  actor: "actor_gid",
  resourceType: "resource_type",
  contextType: "context_type",
  authMethod: "auth_method",
  oauthApp: "oauth_app_name",
  ip: "host(client_ip)",
};

/** Long tails (actors, addresses, apps) are cut to their top values; closed lists are shown whole. */
const TOP: Record<FacetDimension, number> = { eventType: 200, category: 50, actorType: 20, actor: 10, resourceType: 50, contextType: 20, authMethod: 20, oauthApp: 10, ip: 10 };

export interface FacetValue {
  value: string;
  count: number;
  /** For event types, their category; for actors, their name or e-mail. */
  label?: string | null;
  category?: string | null;
}

export interface Facets {
  dimensions: Record<FacetDimension, FacetValue[]>;
  /** The span the counts cover, which may be narrower than the filter's range (see below). */
  window: { from: string | null; to: string | null; narrowed: boolean };
}

/**
 * Above this many matching rows, facets count the newest week of the range only: one pass
 * over a week of a million-event domain takes about a tenth of a second, while all time
 * would take seconds. The panel says so when it happens.
 */
const FULL_RANGE_BUDGET = 150_000;
const NARROWED_SPAN_MS = 7 * 86_400_000;

/**
 * Counts per value of each dimension for the current filter. A dimension that the filter
 * selects values of is counted without that selection (otherwise every other value would
 * read 0 and nobody could widen the choice); all the others share one GROUPING SETS pass.
 */
export async function countFacets(filter: EventFilter, options: { now?: Date } = {}): Promise<Facets> {
  const now = options.now ?? new Date();
  const range = resolveTimeRange(filter.time, now);
  const estimate = await estimateEvents(eventWhere(filter, { now }));
  const end = range.to ?? now;
  const narrowed = estimate > FULL_RANGE_BUDGET && (range.from === null || end.getTime() - range.from.getTime() > NARROWED_SPAN_MS);
  const notBefore = narrowed ? new Date(end.getTime() - NARROWED_SPAN_MS) : undefined;

  const selected = FACET_DIMENSIONS.filter((d) => filter.include[d as Dimension].length > 0);
  const shared = FACET_DIMENSIONS.filter((d) => !selected.includes(d));
  const [sharedCounts, ...ownCounts] = await Promise.all([
    shared.length > 0 ? groupingSets(shared, eventWhere(filter, { now, notBefore })) : Promise.resolve(new Map<FacetDimension, FacetValue[]>()),
    ...selected.map((d) => groupingSets([d], eventWhere(filter, { now, notBefore, omitInclude: d }))),
  ]);
  const dimensions = {} as Record<FacetDimension, FacetValue[]>;
  for (const d of FACET_DIMENSIONS) dimensions[d] = sharedCounts.get(d) ?? ownCounts.find((m) => m.has(d))?.get(d) ?? [];
  await labelActors(dimensions.actor);
  return {
    dimensions,
    window: { from: (notBefore ?? range.from)?.toISOString() ?? null, to: range.to?.toISOString() ?? null, narrowed },
  };
}

async function groupingSets(dimensions: FacetDimension[], where: Prisma.Sql): Promise<Map<FacetDimension, FacetValue[]>> {
  // Event types are grouped with their category so the panel can nest them.
  const sets = dimensions.map((d) => (d === "eventType" ? `(event_type, event_category)` : `(${FACET_COLUMN[d]})`));
  const columns = [...new Set(dimensions.flatMap((d) => (d === "eventType" ? ["event_type", "event_category"] : [FACET_COLUMN[d]])))];
  const select = columns.map((c, i) => `${c} AS c${i}, GROUPING(${c}) AS g${i}`).join(", ");
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
    const value = row[`c${index(dimension === "eventType" ? "event_type" : FACET_COLUMN[dimension])}`];
    if (value === null || value === undefined) continue;
    const entry: FacetValue = { value: String(value), count: row.n };
    if (dimension === "eventType") entry.category = (row[`c${index("event_category")}`] as string | null) ?? null;
    out.get(dimension)!.push(entry);
  }
  for (const [d, values] of out) out.set(d, values.sort((a, b) => b.count - a.count || a.value.localeCompare(b.value)).slice(0, TOP[d]));
  return out;
}

async function labelActors(values: FacetValue[]): Promise<void> {
  if (values.length === 0) return;
  const actors = await db().$queryRaw<{ gid: string; name: string | null; email: string | null }[]>`
    SELECT gid, name, email FROM actor WHERE gid = ANY(${values.map((v) => v.value)}::text[])`;
  const byGid = new Map(actors.map((a) => [a.gid, a]));
  for (const v of values) {
    const actor = byGid.get(v.value);
    v.label = actor?.name ?? actor?.email ?? null;
  }
}
