import "server-only";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { and, dimensionConditions, intervalSql, readAggregate, resolvedInterval, rollupValueParts, valueRollupServes, type SourceOptions, type ValueDimension } from "./sources";
import { DAY_MS, splitRange, type Interval } from "./spans";

const sql = Prisma.sql;

/** Values whose events in the partial days are counted in one statement. */
const BATCH = 40;
/** Values examined at most before the plain count over the partial days takes over. */
const MAX_CANDIDATES = 400;
/**
 * Below this many events on the partial days' full days, reading the partial days' events is
 * cheaper than bounding (measured at 1M events: a quiet day's evening costs the plain count a
 * few milliseconds, the bound's extra pass over the rollup 7–12).
 */
export const MIN_PARTIAL_EVENTS = 20_000;

/**
 * Each value's events in one partial day, found through the value's own (value, created_at)
 * index: an index-only range scan per value. A stored address is always a host address (the
 * sync stores only what Node's isIP accepts, never a CIDR), so host() text casts back to the
 * very inet stored.
 */
const PARTIAL_COUNT = {
  actor: (values: string[]) => ({ select: sql`actor_key`, match: sql`actor_key = ANY(${values}::text[])` }),
  ip: (values: string[]) => ({ select: sql`host(client_ip)`, match: sql`client_ip = ANY(${values}::inet[])` }),
  oauthApp: (values: string[]) => ({ select: sql`oauth_app_name`, match: sql`oauth_app_name = ANY(${values}::text[])` }),
} satisfies Record<ValueDimension, (values: string[]) => { select: Prisma.Sql; match: Prisma.Sql }>;

export interface ValueCount {
  value: string;
  count: number;
}

/**
 * The `limit` values of an actor, address or app with the most events under the filter, and
 * the `named` ones, counted exactly, without reading every event of a range's partial days.
 *
 * The per-value rollup counts whole UTC days. A range that starts (or ends) inside a day has
 * that part counted over the events: at ten million events a day holds 110,000 of them, and
 * reading them was most of the overview's time. Instead, the rollup gives every value its
 * count over the whole days (W) and over the partial days' full days (B); its exact count
 * lies in [W, W + B]. Values are taken in order of W + B and only theirs are counted in the
 * partial days, through their own index; once the limit-th exact count is above the next
 * value's W + B, no value left can enter the list.
 *
 * Null when the rollup cannot serve the filter, the range has no partial day, or its partial
 * days' full days hold fewer than `minPartialEvents`: the caller counts as before. Also null
 * when the bound does not settle within MAX_CANDIDATES values.
 */
export async function exactTopValues(
  filter: EventFilter,
  of: ValueDimension,
  options: SourceOptions,
  { limit, named = [], minPartialEvents = MIN_PARTIAL_EVENTS }: { limit: number; named?: readonly string[]; minPartialEvents?: number },
): Promise<ValueCount[] | null> {
  if (!valueRollupServes(filter, options)) return null;
  const split = splitRange(resolvedInterval(filter, options.now), DAY_MS);
  if (!split.rollup || split.raw.length === 0) return null;
  const conditions = dimensionConditions(filter, options);
  if (minPartialEvents > 0) {
    const days = split.raw.map((part) => utcDayOf(part).from!.toISOString().slice(0, 10));
    const [day] = await readAggregate<{ n: number }>(sql`
      SELECT COALESCE(sum(count), 0)::int AS n FROM event_rollup_daily WHERE ${and([sql`day = ANY(${days}::date[])`, ...conditions])}`);
    if (day!.n < minPartialEvents) return null;
  }
  const wholeDays = rollupValueParts(of, split.rollup, conditions);
  // Each partial part lies within one UTC day: that day's slot bounds its count.
  const partialDays = split.raw.map((part) => rollupValueParts(of, utcDayOf(part), conditions)).flat();
  const bounds = (where: Prisma.Sql) => sql`
    SELECT value, sum(w)::int AS w, sum(b)::int AS b FROM (
      SELECT value, n AS w, 0 AS b FROM (${Prisma.join(wholeDays, " UNION ALL ")}) AS whole
      UNION ALL
      SELECT value, 0, n FROM (${Prisma.join(partialDays, " UNION ALL ")}) AS partial
    ) AS c
    WHERE ${where}
    GROUP BY value`;
  const candidates = await readAggregate<{ value: string; w: number; b: number }>(sql`
    ${bounds(sql`TRUE`)} HAVING sum(w) + sum(b) > 0 ORDER BY sum(w) + sum(b) DESC, value LIMIT ${MAX_CANDIDATES + 1}`);

  const exact = new Map<string, number>();
  const countBatch = async (batch: ReadonlyArray<{ value: string; w: number }>) => {
    const inPartials = await countInPartials(of, split.raw, conditions, batch.map((c) => c.value));
    for (const c of batch) exact.set(c.value, c.w + (inPartials.get(c.value) ?? 0));
  };
  let next = 0;
  while (next < candidates.length) {
    const bound = candidates[next]!.w + candidates[next]!.b;
    if (bound < limitth(exact, limit)) break;
    const batch = candidates.slice(next, next + BATCH);
    next += batch.length;
    await countBatch(batch);
  }
  // The list was cut short and every value on it examined: values past it may still count.
  if (next >= candidates.length && candidates.length > MAX_CANDIDATES) return null;

  const top = [...exact].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count }));
  top.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  const listed = top.slice(0, limit);
  const missing = named.filter((v) => !exact.has(v));
  if (missing.length > 0) {
    const rows = await readAggregate<{ value: string; w: number; b: number }>(bounds(sql`value = ANY(${missing}::text[])`));
    await countBatch(rows);
  }
  for (const value of named) {
    const count = exact.get(value) ?? 0;
    if (count > 0 && !listed.some((v) => v.value === value)) listed.push({ value, count });
  }
  return listed;
}

/** The limit-th largest exact count so far; -1 while fewer than `limit` values have events. */
function limitth(exact: ReadonlyMap<string, number>, limit: number): number {
  const counts = [...exact.values()].filter((n) => n > 0).sort((a, b) => b - a);
  return counts[limit - 1] ?? -1;
}

function utcDayOf(part: Interval): Interval {
  const at = (part.from ?? part.to)!.getTime();
  const from = new Date(Math.floor(at / DAY_MS) * DAY_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/** Events of each value within the partial parts (one statement each, so both ends of the index range bind). */
async function countInPartials(of: ValueDimension, parts: Interval[], conditions: Prisma.Sql[], values: string[]): Promise<Map<string, number>> {
  const { select, match } = PARTIAL_COUNT[of](values);
  const counts = parts.map((part) => sql`SELECT ${select} AS value, count(*)::int AS n FROM audit_event WHERE ${and([match, ...intervalSql("created_at", part), ...conditions])} GROUP BY 1`);
  const rows = await readAggregate<{ value: string; n: number }>(sql`SELECT value, sum(n)::int AS n FROM (${Prisma.join(counts, " UNION ALL ")}) AS p GROUP BY value`);
  return new Map(rows.map((r) => [r.value, r.n]));
}
