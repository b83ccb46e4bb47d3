import { db } from "@/lib/db/client";
import "server-only";
import type { EventFilter } from "@/lib/events/filters";
import { Prisma } from "@/lib/generated/prisma/client";
import { and, dimensionConditions, intervalSql, resolvedInterval, rollupValueParts, valueRollupServes, VALUE_COLUMNS, type SourceOptions, type ValueDimension } from "./sources";
import { DAY_MS, monthStart, splitRange, type Interval } from "./spans";

const sql = Prisma.sql;

/** Values whose events in the partial days are counted in one statement. */
const BATCH = 40;
/** Lists (one month's rows of one actor type) examined at most: a stream can invent actor types. */
const MAX_LISTS = 64;
/** Rows read from each list in the first round. */
const FIRST_DEPTH = 64;
/** Rows read in all in the second round at most; past it, the plain sum over the rollup takes over. */
const MAX_ROWS = 50_000;
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
 * Whether a range is short enough (two days or less) that its events are counted directly:
 * the month totals bound a day's counts loosely, and a day or two of events costs less to read
 * (at 10M, the last 24 hours: about 45 ms for all three lists in one pass, 140 bounded).
 */
export function countedOverEvents(interval: Interval, now: Date): boolean {
  if (!interval.from) return false;
  const end = interval.to ?? now;
  return end.getTime() - interval.from.getTime() <= 2 * DAY_MS;
}

interface List {
  month: Date;
  actorType: string;
  /** What any row not yet read holds at most: the last total read, 0 once the list is read to its end. */
  below: number;
}

/**
 * The `limit` values of an actor, address or app with the most events under the filter, and
 * the `named` ones, counted exactly, without summing every value the range holds.
 *
 * The per-value rollup has a row per value, month and actor type, and an index ordering each
 * such list by the month's total. A value's count over the range is at most the sum of its
 * months' totals, so a value found in none of the lists' heads counts at most the sum, over
 * the lists, of the largest total not read (the threshold algorithm of Fagin, Lotem and
 * Naor). Round one reads each list's head and counts those values exactly; round two reads
 * each list down to the total that makes that sum fall below the limit-th exact count, so no
 * value left unread can enter the list. At ten million events a month holds 66,000 address
 * rows, most of them strangers seen once or twice; the top ten need a few thousand.
 *
 * Exact counts: whole days from the rollup; the partial days at the range's ends only for
 * values whose bound (whole days plus those days' full counts) can still reach the list,
 * through each value's own index.
 *
 * Null when the rollup cannot serve the filter, the range holds no whole UTC day or is two days
 * or shorter (countedOverEvents), or the data is too odd to bound (more lists or rows than the limits above): the caller then
 * counts as before.
 */
export async function exactTopValues(
  filter: EventFilter,
  of: ValueDimension,
  options: SourceOptions,
  { limit, named = [], depth = FIRST_DEPTH }: { limit: number; named?: readonly string[]; /** Rows of each list read in round one (tests make it small). */ depth?: number },
): Promise<ValueCount[] | null> {
  if (!valueRollupServes(filter, options)) return null;
  const interval = resolvedInterval(filter, options.now);
  const split = splitRange(interval, DAY_MS);
  const conditions = dimensionConditions(filter, options);
  if (!split.rollup || countedOverEvents(interval, options.now)) return null;

  const { dimension } = VALUE_COLUMNS[of];
  const lists = await listsOf(dimension, interval, conditions);
  if (!lists) return null;

  const counter = exactCounter(of, split, conditions);
  // Round one: each list's head.
  const head = await readLists(dimension, lists, { depth });
  for (const list of lists) {
    const rows = head.filter((r) => r.month.getTime() === list.month.getTime() && r.actor_type === list.actorType);
    list.below = rows.length < depth ? 0 : rows[rows.length - 1]!.total;
  }
  await counter.add(head.map((r) => r.value), limit);

  // Round two: down to the total below which no unread value can reach the limit-th count.
  const unread = (t: number) => lists.reduce((sum, l) => sum + Math.min(t, l.below), 0);
  const reached = counter.limitth(limit);
  if (!(reached > unread(Number.MAX_SAFE_INTEGER))) {
    const floor = largestBelow(reached, unread);
    const rest = await readLists(dimension, lists, { minTotal: floor + 1, maxRows: MAX_ROWS });
    if (rest.length > MAX_ROWS) return null;
    await counter.add(rest.map((r) => r.value), limit);
  }

  const listed = counter.top(limit);
  await counter.add(named.filter((v) => !counter.counted(v)), 0);
  for (const value of named) {
    const count = counter.count(value);
    if (count > 0 && !listed.some((v) => v.value === value)) listed.push({ value, count });
  }
  return listed;
}

/** The largest t ≥ 0 with unread(t) < target (unread grows with t); -1 when even 0 is too much. */
function largestBelow(target: number, unread: (t: number) => number): number {
  if (unread(0) >= target) return -1;
  let low = 0;
  let high = Math.max(0, target);
  while (low < high) {
    const mid = Math.ceil((low + high) / 2);
    if (unread(mid) < target) low = mid;
    else high = mid - 1;
  }
  return low;
}

/**
 * The (month, actor type) lists the range touches that the filter keeps, found by skipping
 * through the index (one probe per list); null past MAX_LISTS.
 */
async function listsOf(dimension: string, interval: Interval, conditions: Prisma.Sql[]): Promise<List[] | null> {
  const from = interval.from ? monthStart(interval.from).toISOString().slice(0, 10) : "-infinity";
  // The month holding the range's last instant (its end is exclusive).
  const to = interval.to ? monthStart(new Date(interval.to.getTime() - 1)).toISOString().slice(0, 10) : "infinity";
  const found = await db().$queryRaw<{ month: Date; actor_type: string }[]>(sql`
    WITH RECURSIVE lists AS (
      (SELECT month, actor_type FROM event_value_rollup_monthly
        WHERE dimension = ${dimension} AND month >= ${from}::date AND month <= ${to}::date ORDER BY month, actor_type LIMIT 1)
      UNION ALL
      SELECT next.month, next.actor_type FROM lists CROSS JOIN LATERAL (
        SELECT month, actor_type FROM event_value_rollup_monthly
        WHERE dimension = ${dimension} AND (month, actor_type) > (lists.month, lists.actor_type) AND month <= ${to}::date
        ORDER BY month, actor_type LIMIT 1) AS next
    )
    SELECT month, actor_type FROM (SELECT * FROM lists LIMIT ${MAX_LISTS + 1}) AS first WHERE ${and(conditions)}`);
  if (found.length > MAX_LISTS) return null;
  return found.map((l) => ({ month: l.month, actorType: l.actor_type, below: 0 }));
}

/** Rows of each list, largest totals first: the first `depth` of each, or every one at or above `minTotal`. */
async function readLists(dimension: string, lists: List[], read: { depth: number } | { minTotal: number; maxRows: number }) {
  if (lists.length === 0) return [];
  const [atLeast, perList, overall] = "depth" in read ? [Prisma.empty, read.depth, lists.length * read.depth] : [sql`AND total >= ${read.minTotal}`, read.maxRows + 1, read.maxRows + 1];
  return db().$queryRaw<{ month: Date; actor_type: string; value: string; total: number }[]>(sql`
    SELECT l.month, l.actor_type, r.value, r.total
    FROM unnest(${lists.map((l) => l.month.toISOString().slice(0, 10))}::date[], ${lists.map((l) => l.actorType)}::text[]) AS l(month, actor_type)
    CROSS JOIN LATERAL (
      SELECT value, total FROM event_value_rollup_monthly
      WHERE dimension = ${dimension} AND month = l.month AND actor_type = l.actor_type ${atLeast}
      ORDER BY total DESC LIMIT ${perList}
    ) AS r
    LIMIT ${overall}`);
}

/**
 * Exact counts of the values it is given, kept across rounds: whole days from the rollup, and
 * the partial days counted over the events only for values whose bound can still reach the
 * list (values are taken by their bound, largest first, and counting stops at the first that
 * cannot: the limit-th count only grows).
 */
function exactCounter(of: ValueDimension, split: ReturnType<typeof splitRange>, conditions: Prisma.Sql[]) {
  const exact = new Map<string, number>();
  const seen = new Set<string>();
  const partialPlan = split.raw.map(planPartial);
  const limitth = (limit: number) => {
    const counts = [...exact.values()].filter((n) => n > 0).sort((a, b) => b - a);
    return counts[limit - 1] ?? 0;
  };
  // Each partial part lies within one UTC day, whose slot in the rollup bounds its count (b<i>).
  const bounds = async (values: string[]) => {
    const only = [...conditions, sql`value = ANY(${values}::text[])`];
    const zeros = (except: number) => Prisma.raw(split.raw.map((_, i) => (i === except ? `, n AS b${i}` : `, 0 AS b${i}`)).join(""));
    const whole = split.rollup ? rollupValueParts(of, split.rollup, only).map((p) => sql`SELECT value, n AS w ${zeros(-1)} FROM (${p}) AS p`) : [];
    const partial = split.raw.flatMap((part, i) => rollupValueParts(of, utcDayOf(part), only).map((p) => sql`SELECT value, 0 AS w ${zeros(i)} FROM (${p}) AS p`));
    const sums = Prisma.raw(split.raw.map((_, i) => `, sum(b${i})::int AS b${i}`).join(""));
    const rows = await db().$queryRaw<(Record<string, number> & { value: string; w: number })[]>(sql`
      SELECT value, sum(w)::int AS w ${sums} FROM (${Prisma.join([...whole, ...partial], " UNION ALL ")}) AS c GROUP BY value`);
    return rows
      .map((r) => ({ value: r.value, w: r.w, days: split.raw.map((_, i) => r[`b${i}`] ?? 0) }))
      .map((r) => ({ ...r, bound: r.w + r.days.reduce((a, b) => a + b, 0) }))
      .filter((r) => r.bound > 0)
      .sort((a, b) => b.bound - a.bound || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
  };
  return {
    counted: (value: string) => exact.has(value),
    count: (value: string) => exact.get(value) ?? 0,
    limitth,
    /**
     * Counts the values among `values` not met before; with `limit` > 0 only those that can
     * still reach the limit-th place (the others never can: that count only grows), with 0 all.
     */
    async add(values: string[], limit: number) {
      const fresh = [...new Set(values)].filter((v) => !exact.has(v) && (limit === 0 || !seen.has(v)));
      for (const v of fresh) seen.add(v);
      if (fresh.length === 0) return;
      const bounded = await bounds(fresh);
      if (split.raw.length === 0) {
        for (const c of bounded) exact.set(c.value, c.w);
        return;
      }
      for (let next = 0; next < bounded.length; ) {
        // Strictly below: a value that ties the limit-th count may still come first by name.
        if (limit > 0 && bounded[next]!.bound < limitth(limit)) break;
        const batch = bounded.slice(next, next + BATCH);
        next += batch.length;
        const inParts = await countInPartials(of, partialPlan, conditions, batch.map((c) => c.value));
        for (const c of batch) {
          const partial = partialPlan.reduce((sum, plan, i) => {
            const read = inParts[i]!.get(c.value) ?? 0;
            return sum + (plan.complement ? c.days[i]! - read : read);
          }, 0);
          exact.set(c.value, c.w + partial);
        }
      }
    },
    top(limit: number): ValueCount[] {
      const top = [...exact].filter(([, count]) => count > 0).map(([value, count]) => ({ value, count }));
      top.sort((a, b) => b.count - a.count || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      return top.slice(0, limit);
    },
  };
}

function utcDayOf(part: Interval): Interval {
  const at = (part.from ?? part.to)!.getTime();
  const from = new Date(Math.floor(at / DAY_MS) * DAY_MS);
  return { from, to: new Date(from.getTime() + DAY_MS) };
}

/**
 * How a partial part is counted over the events: itself, or (when it covers more than half of
 * its UTC day) the rest of the day, subtracted from the day's slot in the rollup, which is the
 * shorter read (a week ending at 02:00 starts 22 hours into its first day: 2 hours are read
 * instead of 22).
 */
interface PartialPlan {
  complement: boolean;
  intervals: Interval[];
}

function planPartial(part: Interval): PartialPlan {
  const day = utcDayOf(part);
  const length = part.to!.getTime() - part.from!.getTime();
  if (length <= DAY_MS / 2) return { complement: false, intervals: [part] };
  const rest = [
    { from: day.from, to: part.from },
    { from: part.to, to: day.to },
  ].filter((r) => r.from!.getTime() < r.to!.getTime());
  return { complement: true, intervals: rest };
}

/** Events of each value in each plan's intervals, a map per plan (one statement per interval, so both ends of the index range bind). */
async function countInPartials(of: ValueDimension, plans: PartialPlan[], conditions: Prisma.Sql[], values: string[]): Promise<Array<Map<string, number>>> {
  const { select, match } = PARTIAL_COUNT[of](values);
  const counts = plans.flatMap((plan, i) =>
    plan.intervals.map((part) => sql`SELECT ${i}::int AS part, ${select} AS value, count(*)::int AS n FROM audit_event WHERE ${and([match, ...intervalSql("created_at", part), ...conditions])} GROUP BY 2`),
  );
  const byPlan = plans.map(() => new Map<string, number>());
  if (counts.length === 0) return byPlan;
  const rows = await db().$queryRaw<{ part: number; value: string; n: number }[]>(sql`SELECT part, value, sum(n)::int AS n FROM (${Prisma.join(counts, " UNION ALL ")}) AS p GROUP BY part, value`);
  for (const r of rows) byPlan[r.part]!.set(r.value, r.n);
  return byPlan;
}
