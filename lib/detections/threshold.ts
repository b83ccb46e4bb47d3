import { Prisma } from "@/lib/generated/prisma/client";
import { run, type Tx } from "./db";
import type { Finding } from "./raise";
import type { GroupKey, thresholdSettings } from "./rule";
import { allOf, KEY_EXPRESSION } from "./rule-sql";
import { BATCH_COLUMNS, toBatchEvent, type BatchEvent, type BatchRow } from "./batch";
import { groupBy, isoTimes, keySpans } from "./collect";
import type { z } from "zod";

const sql = Prisma.sql;
const raw = Prisma.raw;

type Settings = z.infer<typeof thresholdSettings>;

/** Bounds per batch: keys looked at, and events read around them. */
const MAX_KEYS = 1_000;
const MAX_ROWS = 100_000;
const MAX_THEN = 1_000;

const DISTINCT_EXPRESSION = { actor: "actor_key", ip: "host(client_ip)", resource: "resource_gid" } as const;

function keyIs(groupBy: GroupKey, key: Prisma.Sql): Prisma.Sql {
  if (groupBy === "ip") return sql`client_ip = (${key})::inet`;
  if (groupBy === "none") return sql`TRUE`;
  return sql`${raw(KEY_EXPRESSION[groupBy])} = ${key}`;
}


/**
 * Keys with at least `threshold` matching events (or distinct values) anywhere within the
 * batch's own stretches of time (each new event widened by `beforeMs` and `afterMs`, overlaps
 * merged): a necessary condition for any window around a new event to reach it. One range
 * read per stretch over the filter's events instead of a probe per key: a batch holds
 * thousands of keys (every sign-in's user and address), of which a handful are busy.
 */
async function busyKeys(tx: Tx, settings: Settings, conditions: Prisma.Sql[], events: readonly BatchEvent[], beforeMs: number, afterMs: number): Promise<Set<string>> {
  const stretches = keySpans(new Map([["", events]]), beforeMs, afterMs);
  const distinct = settings.distinct ? raw(DISTINCT_EXPRESSION[settings.distinct]) : sql`NULL`;
  const rows = await run<{ k: string }>(
    tx,
    sql`
    SELECT e.k FROM unnest(${isoTimes(stretches.map((s) => s.from))}::timestamptz[], ${isoTimes(stretches.map((s) => s.to))}::timestamptz[]) AS s(f, t)
    CROSS JOIN LATERAL (
      SELECT ${raw(KEY_EXPRESSION[settings.groupBy])} AS k, gid, ${distinct}::text AS d FROM audit_event
      WHERE ${allOf([sql`created_at >= s.f`, sql`created_at <= s.t`, ...conditions])}
      LIMIT ${MAX_ROWS}
    ) AS e
    WHERE e.k IS NOT NULL
    GROUP BY 1 HAVING count(DISTINCT COALESCE(e.d, e.gid)) >= ${settings.threshold}`,
  );
  return new Set(rows.map((r) => r.k));
}

interface Row {
  k: string;
  gid: string;
  at: Date;
  d: string | null;
}

/**
 * At least `threshold` matching events (or distinct actors, addresses, resources) of one key
 * within any `windowSeconds`, where the window holds a newly stored event: judged in event
 * time over the stored events around the new ones, so a late event completes the window of
 * its own time. The events of every window that reached the threshold form the finding.
 */
export async function thresholdFindings(tx: Tx, settings: Settings, conditions: Prisma.Sql[], matched: BatchEvent[]): Promise<Finding[]> {
  const windowMs = settings.windowSeconds * 1000;
  const busy = await busyKeys(tx, settings, conditions, matched, windowMs, windowMs);
  const byKey = groupBy(matched, (e) => (busy.has(e.keys[settings.groupBy] ?? "") ? e.keys[settings.groupBy] : null), MAX_KEYS);
  if (byKey.size === 0) return [];
  const distinct = settings.distinct ? raw(DISTINCT_EXPRESSION[settings.distinct]) : sql`NULL`;
  // Only the stored events within a window of a new one: a backfill's batch spans its parallel
  // windows' whole months, and one range over them read every event of every key.
  const spans = keySpans(byKey, windowMs, windowMs);
  const rows = await run<Row>(
    tx,
    sql`
    SELECT w.k, e.gid, e.at, e.d FROM unnest(${spans.map((s) => s.key)}::text[], ${isoTimes(spans.map((s) => s.from))}::timestamptz[], ${isoTimes(spans.map((s) => s.to))}::timestamptz[]) AS w(k, f, t)
    CROSS JOIN LATERAL (
      SELECT gid, created_at AS at, ${distinct}::text AS d FROM audit_event
      WHERE ${allOf([keyIs(settings.groupBy, sql`w.k`), sql`created_at >= w.f`, sql`created_at <= w.t`, ...conditions])}
      LIMIT ${MAX_ROWS}
    ) AS e
    ORDER BY 1, e.at, e.gid LIMIT ${MAX_ROWS}`,
  );
  const rowsOf = groupBy(rows, (r) => r.k);
  const findings: Finding[] = [];
  for (const [key, fresh] of byKey) {
    const list = rowsOf.get(key) ?? [];
    const events = windowsReaching(list, new Set(fresh.map((e) => e.gid)), settings.threshold, windowMs);
    if (events.length > 0) findings.push({ key, events, trigger: fresh.at(-1)! });
  }
  return findings;
}

/** The events of every window of `list` (one key, in time order) that reaches `threshold` and holds a new event. */
export function windowsReaching(list: readonly Row[], fresh: ReadonlySet<string>, threshold: number, windowMs: number): Array<{ gid: string; at: Date }> {
  const inWindow = new Map<string, number>();
  const kept = new Set<number>();
  let left = 0;
  let freshIn = 0;
  const add = (r: Row) => inWindow.set(r.d ?? r.gid, (inWindow.get(r.d ?? r.gid) ?? 0) + 1);
  const drop = (r: Row) => {
    const n = (inWindow.get(r.d ?? r.gid) ?? 1) - 1;
    if (n === 0) inWindow.delete(r.d ?? r.gid);
    else inWindow.set(r.d ?? r.gid, n);
  };
  for (let right = 0; right < list.length; right++) {
    const r = list[right]!;
    add(r);
    if (fresh.has(r.gid)) freshIn++;
    while (list[left]!.at.getTime() <= r.at.getTime() - windowMs) {
      drop(list[left]!);
      if (fresh.has(list[left]!.gid)) freshIn--;
      left++;
    }
    if (inWindow.size >= threshold && freshIn > 0) for (let i = left; i <= right; i++) kept.add(i);
  }
  return [...kept].map((i) => ({ gid: list[i]!.gid, at: list[i]!.at }));
}

/**
 * Stored events matching `then` that new matching events precede within the window: failures
 * stored after the success they came before (Asana lists an event late, or a backfill's
 * windows meet out of order) make that success suspicious now. Only keys busy around the
 * new events are looked at, so a routine batch costs one range read.
 */
async function thensAfter(tx: Tx, settings: Settings, conditions: Prisma.Sql[], thenConditions: Prisma.Sql[], news: BatchEvent[]): Promise<BatchEvent[]> {
  const windowMs = settings.windowSeconds * 1000;
  const keyed = news.filter((e) => e.keys[settings.groupBy] !== null);
  if (keyed.length === 0) return [];
  const busy = await busyKeys(tx, settings, conditions, keyed, windowMs, windowMs);
  const byKey = groupBy(keyed, (e) => (busy.has(e.keys[settings.groupBy]!) ? e.keys[settings.groupBy] : null), MAX_KEYS);
  if (byKey.size === 0) return [];
  const spans = keySpans(byKey, 0, windowMs);
  const rows = await run<BatchRow>(
    tx,
    sql`
    SELECT ${BATCH_COLUMNS}, ARRAY[]::int[] AS matched FROM unnest(${spans.map((s) => s.key)}::text[], ${isoTimes(spans.map((s) => s.from))}::timestamptz[], ${isoTimes(spans.map((s) => s.to))}::timestamptz[]) AS w(k, f, t)
    CROSS JOIN LATERAL (
      SELECT * FROM audit_event WHERE ${allOf([keyIs(settings.groupBy, sql`w.k`), sql`created_at > w.f`, sql`created_at <= w.t`, ...thenConditions])}
      LIMIT ${MAX_THEN}
    ) AS e
    LIMIT ${MAX_THEN}`,
  );
  return rows.map(toBatchEvent);
}

/**
 * "Then" rules: an event matching `then` from a key that had `threshold` matching events (or
 * distinct values) in the window before it, such as a successful sign-in after twenty
 * failures: a new one, or a stored one that new (late) matching events now precede. The
 * earlier events join the finding.
 */
export async function thenFindings(tx: Tx, settings: Settings, filters: { conditions: Prisma.Sql[]; then: Prisma.Sql[] }, batch: { thens: BatchEvent[]; matched: BatchEvent[] }): Promise<Finding[]> {
  const { conditions } = filters;
  const fresh = new Set(batch.thens.map((e) => e.gid));
  const stored = (await thensAfter(tx, settings, conditions, filters.then, batch.matched)).filter((e) => !fresh.has(e.gid));
  const keyed = [...batch.thens, ...stored].filter((e) => e.keys[settings.groupBy] !== null);
  if (keyed.length === 0) return [];
  const distinct = settings.distinct ? raw(DISTINCT_EXPRESSION[settings.distinct]) : sql`NULL`;
  // Only keys with enough matching events around the batch can fire: a page holds hundreds of
  // successful sign-ins, of which a handful follow any failure at all.
  const possible = await busyKeys(tx, settings, conditions, keyed, settings.windowSeconds * 1000, 0);
  const candidates = keyed.filter((e) => possible.has(e.keys[settings.groupBy]!)).slice(0, MAX_THEN);
  if (candidates.length === 0) return [];
  const rows = await run<Row & { c: string }>(
    tx,
    sql`
    SELECT c.gid AS c, a.gid, a.at, a.d, c.k FROM unnest(${candidates.map((e) => e.gid)}::text[], ${candidates.map((e) => e.keys[settings.groupBy]!)}::text[], ${isoTimes(candidates.map((e) => e.at))}::timestamptz[]) AS c(gid, k, t)
    CROSS JOIN LATERAL (
      SELECT gid, created_at AS at, ${distinct}::text AS d FROM audit_event
      WHERE ${allOf([keyIs(settings.groupBy, sql`c.k`), sql`created_at >= c.t - make_interval(secs => ${settings.windowSeconds})`, sql`created_at < c.t`, ...conditions])}
      ORDER BY created_at DESC LIMIT ${settings.threshold * 10}
    ) AS a`,
  );
  const rowsOf = groupBy(rows, (r) => r.c);
  const findings: Finding[] = [];
  for (const then of candidates) {
    const before = rowsOf.get(then.gid) ?? [];
    const count = new Set(before.map((r) => r.d ?? r.gid)).size;
    if (count >= settings.threshold) findings.push({ key: then.keys[settings.groupBy]!, events: [{ gid: then.gid, at: then.at }, ...before.map((r) => ({ gid: r.gid, at: r.at }))], trigger: then });
  }
  return findings;
}
