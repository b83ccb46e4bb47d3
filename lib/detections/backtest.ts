import { db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Rule, RuleCondition } from "./rule";
import { allOf, compileFilter, KEY_EXPRESSION, SEEN_EXPRESSION, SEEN_NEEDS_VALUE } from "./rule-sql";
import { locatedSql, reachSeconds, speedSql } from "./travel";

const sql = Prisma.sql;
const raw = Prisma.raw;

/** One alert the rule would have raised. */
export interface BacktestAlert {
  key: string;
  actorKey: string | null;
  firstAt: string;
  lastAt: string;
  events: number;
}

export interface BacktestResult {
  from: string;
  to: string;
  /** Alerts the rule would have raised over the range, and the events that would have raised them. */
  alerts: number;
  events: number;
  lastAt: string | null;
  /** The newest of them. */
  recent: BacktestAlert[];
  /** The rule's conditions took longer than the time allowed; nothing was counted. */
  timedOut?: true;
}

export type BacktestRule = Pick<Rule, "query" | "detailsMatch" | "dedupSeconds"> & RuleCondition;

const RECENT = 20;

/**
 * How often a rule would have fired over the stored events of a range, in one statement: the
 * events that set it off (every match; each event at or past the threshold within its
 * window; a value first seen; activity after a marker; both ends of a trip too fast), cut into alerts per key where two in a
 * row lie further apart than the deduplication period, as the engine does. It does not replay
 * statuses (a resolved alert ends a run live) nor the thousand-event cap of an alert.
 */
export async function backtest(rule: BacktestRule, range: { from: Date; to: Date }, now = new Date()): Promise<BacktestResult | { error: string }> {
  const compiled = compileFilter(rule.query, rule.detailsMatch, now);
  if (!compiled.ok) return { error: compiled.error };
  const fired = await firedEvents(rule, compiled.conditions, range, now);
  if ("error" in fired) return fired;
  const dedup = sql`make_interval(secs => ${rule.dedupSeconds})`;
  const rows = await db().$queryRaw<Array<{ key: string; actor_key: string | null; first_at: Date; last_at: Date; n: number; alerts: number; events: number; last: Date }>>`
    WITH fired AS (${fired.sql}),
    marked AS (
      SELECT key, actor_key, at, CASE WHEN lag(at) OVER w IS NULL OR at - lag(at) OVER w > ${dedup} THEN 1 ELSE 0 END AS starts
      FROM fired WINDOW w AS (PARTITION BY key ORDER BY at)
    ),
    runs AS (SELECT key, actor_key, at, sum(starts) OVER (PARTITION BY key ORDER BY at ROWS UNBOUNDED PRECEDING) AS run FROM marked),
    alerts AS (SELECT key, run, max(actor_key) AS actor_key, min(at) AS first_at, max(at) AS last_at, count(*)::int AS n FROM runs GROUP BY key, run)
    SELECT left(key, 200) AS key, actor_key, first_at, last_at, n,
      (count(*) OVER ())::int AS alerts, (sum(n) OVER ())::int AS events, max(last_at) OVER () AS last
    FROM alerts ORDER BY last_at DESC, key LIMIT ${RECENT}`;
  const head = rows[0];
  return {
    from: range.from.toISOString(),
    to: range.to.toISOString(),
    alerts: head?.alerts ?? 0,
    events: head?.events ?? 0,
    lastAt: head?.last.toISOString() ?? null,
    recent: rows.map((r) => ({ key: r.key, actorKey: r.actor_key, firstAt: r.first_at.toISOString(), lastAt: r.last_at.toISOString(), events: r.n })),
  };
}

/** (key, actor_key, at): the events at which the rule fires within the range, per condition. */
async function firedEvents(rule: BacktestRule, conditions: Prisma.Sql[], range: { from: Date; to: Date }, now: Date): Promise<{ sql: Prisma.Sql } | { error: string }> {
  const inRange = [sql`created_at >= ${range.from}`, sql`created_at < ${range.to}`];
  // Events before the range that a window or a look-back reaches back to count, never fire.
  const reaching = (seconds: number) => [sql`created_at >= ${new Date(range.from.getTime() - seconds * 1000)}`, sql`created_at < ${range.to}`];
  switch (rule.condition) {
    case "match": {
      const key = raw(KEY_EXPRESSION[rule.settings.groupBy]);
      return { sql: sql`SELECT ${key} AS key, actor_key, created_at AS at FROM audit_event WHERE ${allOf([...inRange, ...conditions, sql`${key} IS NOT NULL`])}` };
    }
    case "threshold": {
      const s = rule.settings;
      const key = raw(KEY_EXPRESSION[s.groupBy]);
      const window = sql`make_interval(secs => ${s.windowSeconds})`;
      if (s.then) {
        const then = compileFilter(s.then, [], now);
        if (!then.ok) return { error: then.error };
        // Each "then" event with at least `threshold` matching events of its key in the window before it.
        return {
          sql: sql`
          SELECT key, actor_key, at FROM (
            SELECT key, actor_key, at, is_then,
              count(*) FILTER (WHERE NOT is_then) OVER (PARTITION BY key ORDER BY at RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW) AS n
            FROM (
              SELECT ${key} AS key, actor_key, created_at AS at, (${allOf(then.conditions)}) AND NOT (${allOf(conditions)}) AS is_then
              FROM audit_event
              WHERE ${allOf([...reaching(s.windowSeconds), sql`${key} IS NOT NULL`, sql`((${allOf(conditions)}) OR (${allOf(then.conditions)}))`])}
            ) AS e
          ) AS w WHERE is_then AND n >= ${s.threshold} AND at >= ${range.from}`,
        };
      }
      if (s.distinct) {
        // Distinct values within a sliding window are not a window function: each event counts
        // the distinct values of its key in the window up to it (an index range per event; the
        // rules that count distinct values look at rare events).
        const distinct = raw(DISTINCT_EXPRESSION[s.distinct]);
        return {
          sql: sql`
          SELECT e.key, e.actor_key, e.at FROM (SELECT ${key} AS key, actor_key, created_at AS at FROM audit_event WHERE ${allOf([...inRange, ...conditions, sql`${key} IS NOT NULL`])}) AS e
          WHERE (SELECT count(DISTINCT ${distinct}) FROM audit_event WHERE ${allOf([sql`${key} = e.key`, sql`created_at > e.at - ${window}`, sql`created_at <= e.at`, ...conditions])}) >= ${s.threshold}`,
        };
      }
      return {
        sql: sql`
        SELECT key, actor_key, at FROM (
          SELECT ${key} AS key, actor_key, created_at AS at, count(*) OVER (PARTITION BY ${key} ORDER BY created_at RANGE BETWEEN ${window} PRECEDING AND CURRENT ROW) AS n
          FROM audit_event WHERE ${allOf([...reaching(s.windowSeconds), ...conditions, sql`${key} IS NOT NULL`])}
        ) AS w WHERE n >= ${s.threshold} AND at >= ${range.from}`,
      };
    }
    case "first_seen": {
      const s = rule.settings;
      const key = raw(KEY_EXPRESSION[s.groupBy]);
      const value = raw(SEEN_EXPRESSION[s.field]);
      const lookback = sql`make_interval(secs => ${s.lookbackSeconds})`;
      return {
        sql: sql`
        SELECT key, actor_key, at FROM (
          SELECT key, actor_key, at, v, lag(at) OVER (PARTITION BY key, v ORDER BY at) AS seen, lag(at) OVER (PARTITION BY key ORDER BY at) AS active
          FROM (SELECT ${key} AS key, actor_key, created_at AS at, ${value} AS v FROM audit_event WHERE ${allOf([...reaching(s.lookbackSeconds), ...conditions, sql`${key} IS NOT NULL`, ...(SEEN_NEEDS_VALUE.has(s.field) ? [sql`${value} IS NOT NULL`] : [])])}) AS e
        ) AS w
        WHERE v IS NOT NULL AND at >= ${range.from} AND (seen IS NULL OR at - seen > ${lookback}) AND active IS NOT NULL AND at - active <= ${lookback}`,
      };
    }
    case "after": {
      const marker = compileFilter(rule.settings.marker, [], now);
      const cancel = rule.settings.cancel ? compileFilter(rule.settings.cancel, [], now) : null;
      if (!marker.ok) return { error: marker.error };
      if (cancel && !cancel.ok) return { error: cancel.error };
      const isCancel = cancel?.ok ? allOf(cancel.conditions) : sql`FALSE`;
      return {
        sql: sql`
        WITH marks AS (SELECT resource_gid AS gid, created_at AS at, (${isCancel}) AS cancel FROM audit_event WHERE resource_gid IS NOT NULL AND ((${allOf(marker.conditions)}) OR (${isCancel}))),
        subjects AS (SELECT actor_key, created_at FROM audit_event WHERE ${allOf([sql`actor_key IN (SELECT gid FROM marks WHERE NOT cancel)`, ...inRange, ...conditions])})
        SELECT s.actor_key AS key, s.actor_key, s.created_at AS at FROM subjects AS s
        WHERE (SELECT NOT l.cancel FROM marks AS l WHERE l.gid = s.actor_key AND l.at < s.created_at ORDER BY l.at DESC LIMIT 1)`,
      };
    }
    case "travel": {
      // Both sign-ins of each trip from the one before (located, matching) that was too fast,
      // as the engine attaches them; the look-back before the range reaches as far as a
      // too-fast trip can span.
      const s = rule.settings;
      const previous = { lat: sql`p_lat`, lon: sql`p_lon`, at: sql`p_at` };
      const here = { lat: sql`lat`, lon: sql`lon`, at: sql`at` };
      return {
        sql: sql`
        WITH located AS (
          SELECT e.gid, e.actor_key, e.created_at AS at, l.latitude AS lat, l.longitude AS lon,
            lag(e.gid) OVER w AS p_gid, lag(e.created_at) OVER w AS p_at, lag(l.latitude) OVER w AS p_lat, lag(l.longitude) OVER w AS p_lon
          FROM audit_event AS e JOIN ip_location AS l ON l.ip = e.client_ip
          WHERE ${allOf([...reaching(reachSeconds(s)), ...conditions, locatedSql("l")])}
          WINDOW w AS (PARTITION BY e.actor_key ORDER BY e.created_at, e.gid)
        ),
        trips AS (SELECT * FROM located WHERE p_at IS NOT NULL AND at >= ${range.from} AND ${speedSql(previous, here, s.accuracyKm)} > ${s.speedKmh})
        SELECT actor_key AS key, actor_key, at FROM (SELECT gid, actor_key, at FROM trips UNION SELECT p_gid, actor_key, p_at FROM trips) AS ends`,
      };
    }
  }
}

const DISTINCT_EXPRESSION = { actor: "actor_key", ip: "host(client_ip)", resource: "resource_gid" } as const;
