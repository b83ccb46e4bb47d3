import "server-only";
import { db } from "@/lib/db/client";
import { isQueryTimeout } from "@/lib/db/query-timeout";
import { cutText } from "@/lib/format/cut-text";
import { Prisma } from "@/lib/generated/prisma/client";
import { countedOverEvents, exactTopValues } from "@/lib/stats/exact-top-values";
import { typeCounts, valueCounts, type SourceOptions, type ValueDimension } from "@/lib/stats/sources";
import { DAY_MS, splitRange } from "@/lib/stats/spans";
import { estimateEvents } from "./count-events";
import type { Dimension, EventFilter } from "./filters";
import { resolveTimeRange } from "./time-range";
import { LIST_TEXT_MAX } from "./event-row";
import { EXACT_BUDGET, FACET_BUDGET } from "./facet-budget";
import { rollupFor, type FacetRollup } from "./facet-rollups";
import { eventsRelation, labelNetworks, placesRelation } from "./facet-places";
import { facetRollupCounts } from "./facet-sources";
import { FACET_DIMENSIONS, groupingSets, groupingSetsQuery, groupingSetsCounts, topValues, TOP, type Counts, type FacetDimension, type FacetValue, type Named, type Relation } from "./facet-grouping";
import { PLACE_FACETS, type FacetPart } from "./facet-parts";
import { resolveActors } from "./resolve-actors";
import { textIndexServes, textPieces, withTextIndex } from "./text-search";
import { eventWhere } from "./where";

export interface FacetWindow {
  /** The oldest instant counted: the range's start, or later when the counts were narrowed. */
  from: string | null;
  to: string | null;
  /**
   * True when the counts are an estimate: only the newest `events` events of the range that
   * match the filter's indexed conditions were checked (the filter's other conditions too
   * many rows to check them all under the time limit).
   */
  narrowed: boolean;
  events: number;
  /** Where the counts come from: the rollups (with raw edges), every matching event, or a sample of them. */
  source: "rollup" | "events" | "sample";
}

export interface Facets {
  dimensions: Record<FacetDimension, FacetValue[]>;
  /** The span each dimension's counts cover, which may be narrower than the filter's range. */
  windows: Record<FacetDimension, FacetWindow>;
}

/**
 * Dimensions counted together without the filter's selection in either: ticking an event
 * type must leave the other categories and their types listed, so that types from several
 * categories can be combined.
 */
const LINKED: ReadonlyArray<readonly FacetDimension[]> = [["eventType", "category"]];

/** The filter without the values it includes on `dimensions`: how those dimensions are counted. */
function withoutIncluded(filter: EventFilter, dimensions: readonly FacetDimension[]): EventFilter {
  const include = { ...filter.include };
  for (const d of dimensions) include[d as Dimension] = [];
  return { ...filter, include };
}

/** The instant from which the newest `budget` rows matching `where` start, if there are more. */
async function windowStart(where: Prisma.Sql, budget: number): Promise<Date | undefined> {
  // Ordered by created_at alone, so that a (column, created_at) index answers it by itself.
  const edge = await db().$queryRaw<{ created_at: Date }[]>`
    SELECT created_at FROM audit_event WHERE ${where} ORDER BY created_at DESC OFFSET ${budget - 1} LIMIT 1`;
  return edge[0]?.created_at;
}

/** Whether the rows a filter keeps are picked by time alone (a contiguous stretch of the table). */
const pickedByTime = (filter: EventFilter) => Object.entries(filter.include).every(([d, values]) => d === "text" || values.length === 0);

/**
 * Counts per value of each dimension for the current filter, exact. A dimension that the
 * filter selects values of is counted without that selection (otherwise every other value
 * would read 0 and nobody could widen the choice).
 *
 * Each dimension is read from a rollup when rollupFor says one can serve the filter (a few
 * rows per day or month, whatever the number of events), else from the matching events in
 * one GROUPING SETS pass, exactly when that pass is affordable. Only when it is not (free
 * text or an actor over millions of events) are the newest matching events counted, and the
 * window says so.
 */
export async function countFacets(filter: EventFilter, options: { now?: Date } = {}): Promise<Facets> {
  return (await countDimensions(filter, FACET_DIMENSIONS, options)) as Facets;
}

export interface FacetPartCounts {
  dimensions: Partial<Record<FacetDimension, FacetValue[]>>;
  windows: Partial<Record<FacetDimension, FacetWindow>>;
}

/** One part of the facets (facet-parts.ts): its dimensions, counted as countFacets counts them. */
export function countFacetPart(filter: EventFilter, part: FacetPart, options: { now?: Date } = {}): Promise<FacetPartCounts> {
  const isPlace = (d: FacetDimension) => (PLACE_FACETS as readonly string[]).includes(d);
  return countDimensions(filter, FACET_DIMENSIONS.filter((d) => (part === "places") === isPlace(d)), options);
}

async function countDimensions(filter: EventFilter, wanted: readonly FacetDimension[], options: { now?: Date }): Promise<FacetPartCounts> {
  const now = options.now ?? new Date();
  const actorGids = await resolveActors(filter);
  const range = resolveTimeRange(filter.time, now);
  // A value the filter names keeps its count even outside the top N: the panel lists it to undo.
  const named: Named = (d) => new Set([...filter.include[d as Dimension], ...filter.exclude[d as Dimension]]);
  const selected = (d: FacetDimension) => filter.include[d as Dimension].length > 0;
  const omitted = (d: FacetDimension) => (selected(d) ? (LINKED.find((l) => l.includes(d)) ?? [d]) : []);
  // Dimensions counted under the same filter share a group (and their passes).
  const groups = new Map<string, { omit: readonly FacetDimension[]; dimensions: FacetDimension[] }>();
  for (const d of wanted) {
    const linked = LINKED.find((l) => l.includes(d)) ?? [d];
    const omit = linked.some(selected) ? linked : omitted(d);
    const key = omit.join();
    groups.set(key, { omit, dimensions: [...(groups.get(key)?.dimensions ?? []), d] });
  }

  const counted = await Promise.all(
    [...groups.values()].map(async ({ omit, dimensions }) => {
      const counting = withoutIncluded(filter, omit);
      const sources: SourceOptions = { now, actorGids };
      const byRollup = new Map<FacetRollup | null, FacetDimension[]>();
      for (const d of dimensions) {
        const rollup = rollupFor(counting, d);
        byRollup.set(rollup, [...(byRollup.get(rollup) ?? []), d]);
      }
      return Promise.all(
        [...byRollup].map(async ([rollup, list]) => {
          if (rollup === null) return countEvents(counting, list, named, sources, range);
          const counts =
            rollup === "values"
              ? await valueFacets(counting, list as ValueDimension[], named, sources)
              : await groupingSets(list, rollup === "places" ? placesRelation(counting, sources) : rollupRelation(rollup, counting, sources), named);
          const window: FacetWindow = { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null, narrowed: false, events: 0, source: "rollup" };
          return { counts, window };
        }),
      );
    }),
  );
  const dimensions: Partial<Record<FacetDimension, FacetValue[]>> = {};
  const windows: Partial<Record<FacetDimension, FacetWindow>> = {};
  for (const { counts, window } of counted.flat()) {
    for (const [d, values] of counts) {
      dimensions[d] = values;
      windows[d] = window;
    }
  }
  await Promise.all([labelActors(dimensions.actor), labelNetworks(dimensions.asn)]);
  return { dimensions, windows };
}

function rollupRelation(rollup: "types" | "facets", filter: EventFilter, options: SourceOptions): Relation {
  const { relation } = rollup === "types" ? typeCounts(filter, { ...options, finestMs: DAY_MS }) : facetRollupCounts(filter, options);
  return { from: Prisma.sql`(${relation}) AS r`, count: "sum(n)", inet: false };
}

/**
 * The dimensions no rollup can serve, counted over the matching events: all of them when the
 * rows the indexes lead to are few enough to check under the time limit, else the newest of
 * them (an estimate, said so in the window).
 */
async function countEvents(filter: EventFilter, dimensions: FacetDimension[], named: Named, options: SourceOptions, range: { from: Date | null; to: Date | null }) {
  const { now, actorGids } = options;
  const whole: FacetWindow = { from: range.from?.toISOString() ?? null, to: range.to?.toISOString() ?? null, narrowed: false, events: 0, source: "events" };
  const indexed = eventWhere(filter, { now, actorGids, part: "indexed" });
  const budget = pickedByTime(filter) ? FACET_BUDGET.clustered : FACET_BUDGET.scattered;
  const exactBudget = pickedByTime(filter) ? EXACT_BUDGET.clustered : EXACT_BUDGET.scattered;
  const events = (notBefore?: Date): Relation => eventsRelation(eventWhere(filter, { now, actorGids, notBefore }), dimensions);
  // A rare term: its few events, wherever they lie, through the trigram index (text-search.ts).
  const pieces = textIndexServes(filter) ? await textPieces(filter) : null;
  if (pieces && (await estimateEvents(eventWhere(filter, { now, actorGids, textPieces: pieces }))) <= EXACT_BUDGET.scattered) {
    const found = eventsRelation(eventWhere(filter, { now, actorGids, textPieces: pieces }), dimensions);
    const counts = await withTextIndex<Record<string, unknown> & { n: number }>(groupingSetsQuery(dimensions, found, named));
    if (counts) return { counts: groupingSetsCounts(dimensions, counts, named), window: whole };
  }
  if ((await estimateEvents(indexed)) <= exactBudget) {
    try {
      return { counts: await groupingSets(dimensions, events(), named), window: whole };
    } catch (error) {
      // The estimate was wrong by far: count a window of the newest events instead.
      if (!isQueryTimeout(error)) throw error;
    }
  }
  const notBefore = await windowStart(indexed, budget);
  if (!notBefore) return { counts: await groupingSets(dimensions, events(), named), window: whole };
  const window: FacetWindow = { ...whole, from: notBefore.toISOString(), narrowed: true, events: budget, source: "sample" };
  return { counts: await groupingSets(dimensions, events(notBefore), named), window };
}

/**
 * Actors, addresses and apps from the per-value rollup: the top values of each, and those the
 * filter names. A range of two days or less (the last 24 hours) is read from its events, once
 * for all three.
 */
async function valueFacets(filter: EventFilter, dimensions: ValueDimension[], named: Named, options: SourceOptions): Promise<Counts> {
  const interval = resolveTimeRange(filter.time, options.now);
  if (!splitRange(interval, DAY_MS).rollup || countedOverEvents(interval, options.now)) {
    const events: Relation = { from: Prisma.sql`audit_event WHERE ${eventWhere(filter, { now: options.now, actorGids: options.actorGids })}`, count: "count(*)", inet: true };
    return groupingSets(dimensions, events, named);
  }
  const lists = await Promise.all(
    dimensions.map(async (d) => {
      const exact = await exactTopValues(filter, d, options, { limit: TOP[d], named: [...named(d)] });
      if (exact) return [d, exact.map((v): FacetValue => ({ ...cutText(v.value, LIST_TEXT_MAX), count: v.count }))] as const;
      const { relation } = valueCounts(filter, d, options);
      const rows = await db().$queryRaw<{ v: string; x: boolean; n: number }[]>(Prisma.sql`
        WITH g AS (SELECT value, sum(n)::int AS n FROM (${relation}) AS r GROUP BY value)
        SELECT left(value, ${LIST_TEXT_MAX}) AS v, length(value) > ${LIST_TEXT_MAX} AS x, n FROM (SELECT * FROM g ORDER BY n DESC, value LIMIT ${TOP[d]}) AS top
        UNION
        SELECT left(value, ${LIST_TEXT_MAX}), length(value) > ${LIST_TEXT_MAX}, n FROM g WHERE value = ANY(${[...named(d)]}::text[])`);
      return [d, rows.map((r): FacetValue => ({ value: r.v, count: r.n, ...(r.x ? { cut: true } : {}) }))] as const;
    }),
  );
  return topValues(new Map<FacetDimension, FacetValue[]>(lists), named);
}

async function labelActors(values: FacetValue[] | undefined): Promise<void> {
  if (!values || values.length === 0) return;
  const actors = await db().$queryRaw<{ key: string; name: string | null; email: string | null }[]>`
    SELECT key, left(name, ${LIST_TEXT_MAX}) AS name, left(email, ${LIST_TEXT_MAX}) AS email FROM actor WHERE key = ANY(${values.map((v) => v.value)}::text[])`;
  const byGid = new Map(actors.map((a) => [a.key, a]));
  for (const v of values) {
    const actor = byGid.get(v.value);
    v.label = actor?.name ?? actor?.email ?? null;
  }
}
