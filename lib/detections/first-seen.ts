import type { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BatchEvent } from "./batch";
import { isoTimes } from "./collect";
import { run, type Tx } from "./db";
import type { Finding } from "./raise";
import type { firstSeenSettings } from "./rule";
import { allOf, KEY_EXPRESSION, SEEN_EXPRESSION, SEEN_NEEDS_VALUE } from "./rule-sql";

const sql = Prisma.sql;
const raw = Prisma.raw;

type Settings = z.infer<typeof firstSeenSettings>;

/**
 * New events judged per batch and rule (each distinct key and value costs two index probes):
 * as many as a batch holds (judge.ts). A cap of 500 left a backfill's later sign-ins of each
 * batch unjudged, and with them the demo's stolen password from abroad.
 */
const MAX_CANDIDATES = 10_000;

/**
 * A value (an address, a user agent, an app) that a key (an actor) had not used within the
 * look-back before this event, while the key itself was active then: a key with no history
 * in the look-back (someone new, or the archive's first days) is learning, not suspicious.
 * The earliest new event of each (key, value) is judged; later ones find it stored.
 */
export async function firstSeenFindings(tx: Tx, ruleId: string, settings: Settings, conditions: Prisma.Sql[], matched: BatchEvent[]): Promise<Finding[]> {
  const candidates = matched.filter((e) => e.keys[settings.groupBy] !== null).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) return [];
  const key = raw(KEY_EXPRESSION[settings.groupBy]);
  const value = raw(SEEN_EXPRESSION[settings.field]);
  const lookback = sql`make_interval(secs => ${settings.lookbackSeconds})`;
  // Each candidate's history is probed by the index, one candidate at a time (LATERAL with
  // LIMIT, and OFFSET 0 that keeps NOT EXISTS a per-row probe): planned as joins, with a
  // backfill's statistics stale, the "active before" test merged every sign-in stored so far
  // against the batch, a cost that grew with the archive (a third of judging at 300,000 events).
  const q = sql`
    WITH c AS (
      SELECT DISTINCT ON (e.k, e.v) e.gid, e.k, e.v, e.t FROM (
        SELECT n.gid, ${key} AS k, ${value} AS v, n.created_at AS t
        FROM audit_event AS n WHERE n.gid = ANY(${candidates.map((e) => e.gid)}::text[])
      ) AS e WHERE e.v IS NOT NULL ORDER BY e.k, e.v, e.t, e.gid
    )
    SELECT c.gid, c.k, c.v, c.t FROM c
    CROSS JOIN LATERAL (SELECT 1 FROM audit_event WHERE ${allOf([sql`${key} = c.k`, sql`created_at >= c.t - ${lookback}`, sql`created_at < c.t`, ...conditions, ...(SEEN_NEEDS_VALUE.has(settings.field) ? [sql`${value} IS NOT NULL`] : [])])} LIMIT 1) AS active
    WHERE NOT EXISTS (SELECT 1 FROM audit_event WHERE ${allOf([sql`${key} = c.k`, settings.field === "ip" ? sql`client_ip = c.v::inet` : sql`${value} = c.v`, sql`created_at >= c.t - ${lookback}`, sql`created_at < c.t`, ...conditions])} OFFSET 0)`;
  const rows = await run<{ gid: string; k: string; v: string; t: Date }>(tx, q);
  if (rows.length === 0) return [];
  const later = await laterAlerted(tx, ruleId, settings, rows);
  const fresh = new Set(rows.map((r) => r.gid));
  return candidates
    .filter((e) => fresh.has(e.gid))
    .map((e) => ({ key: `${e.keys[settings.groupBy]}`, events: [{ gid: e.gid, at: e.at }, ...(later.get(e.gid) ?? [])], trigger: e }));
}

/** Events of an alert kept with a new value's earlier first use, at most. */
const MAX_LATER = 100;

/**
 * For each new value, the events of the same key and value after it, within the look-back, that
 * this rule already raised an unresolved alert for: stored earlier than the event now found
 * (a backfill's pages arrive out of order), they were judged first and seen as new. The
 * earlier event joins their alert instead of opening a second one for the same novelty.
 */
async function laterAlerted(tx: Tx, ruleId: string, settings: Settings, fresh: ReadonlyArray<{ gid: string; k: string; v: string; t: Date }>): Promise<Map<string, Array<{ gid: string; at: Date }>>> {
  const value = raw(SEEN_EXPRESSION[settings.field]);
  const same = settings.field === "ip" ? sql`client_ip = c.v::inet` : sql`${value} = c.v`;
  const rows = await run<{ fresh: string; gid: string; at: Date }>(
    tx,
    sql`
    SELECT c.gid AS fresh, l.gid, l.at
    FROM unnest(${fresh.map((r) => r.gid)}::text[], ${fresh.map((r) => r.k)}::text[], ${fresh.map((r) => r.v)}::text[], ${isoTimes(fresh.map((r) => r.t))}::timestamptz[]) AS c(gid, k, v, t)
    CROSS JOIN LATERAL (
      SELECT ae.event_gid AS gid, ae.created_at AS at FROM alert AS a JOIN alert_event AS ae ON ae.alert_id = a.id
      WHERE a.rule_id = ${ruleId} AND a.dedup_key = c.k AND a.status <> 'resolved'
        AND ae.created_at > c.t AND ae.created_at <= c.t + make_interval(secs => ${settings.lookbackSeconds})
        AND EXISTS (SELECT 1 FROM audit_event WHERE gid = ae.event_gid AND ${same})
      ORDER BY ae.created_at LIMIT ${MAX_LATER}
    ) AS l`,
  );
  const byFresh = new Map<string, Array<{ gid: string; at: Date }>>();
  for (const r of rows) {
    const list = byFresh.get(r.fresh);
    if (list) list.push({ gid: r.gid, at: r.at });
    else byFresh.set(r.fresh, [{ gid: r.gid, at: r.at }]);
  }
  return byFresh;
}
