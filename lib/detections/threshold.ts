import { Prisma } from "@/lib/generated/prisma/client";
import type { BatchEvent } from "./batch";
import { run, type Tx } from "./db";
import type { Finding } from "./raise";
import type { GroupKey, thresholdSettings } from "./rule";
import { allOf, KEY_EXPRESSION } from "./rule-sql";
import type { z } from "zod";

const sql = Prisma.sql;
const raw = Prisma.raw;

type Settings = z.infer<typeof thresholdSettings>;

/** Bounds per batch: keys looked at, and events read around them. */
const MAX_KEYS = 1_000;
const MAX_ROWS = 100_000;
const MAX_THEN = 1_000;

const DISTINCT_EXPRESSION = { actor: "actor_key", ip: "host(client_ip)", resource: "resource_gid" } as const;

/** Events whose key is one of `keys`, in the form each key's index serves. */
function keyIn(groupBy: GroupKey, keys: string[]): Prisma.Sql {
  if (groupBy === "ip") return sql`client_ip = ANY(${keys}::inet[])`;
  if (groupBy === "none") return sql`TRUE`;
  return sql`${raw(KEY_EXPRESSION[groupBy])} = ANY(${keys}::text[])`;
}

function keyIs(groupBy: GroupKey, key: Prisma.Sql): Prisma.Sql {
  if (groupBy === "ip") return sql`client_ip = (${key})::inet`;
  if (groupBy === "none") return sql`TRUE`;
  return sql`${raw(KEY_EXPRESSION[groupBy])} = ${key}`;
}

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = groups.get(k);
    if (list) list.push(row);
    else groups.set(k, [row]);
  }
  return groups;
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
  const byKey = new Map<string, BatchEvent[]>();
  for (const e of matched) {
    const key = e.keys[settings.groupBy];
    if (key === null) continue;
    if (!byKey.has(key) && byKey.size >= MAX_KEYS) continue;
    byKey.set(key, [...(byKey.get(key) ?? []), e]);
  }
  if (byKey.size === 0) return [];
  const windowMs = settings.windowSeconds * 1000;
  const times = matched.map((e) => e.at.getTime());
  const from = new Date(Math.min(...times) - windowMs);
  const to = new Date(Math.max(...times) + windowMs);
  const distinct = settings.distinct ? raw(DISTINCT_EXPRESSION[settings.distinct]) : sql`NULL`;
  const rows = await run<Row>(
    tx,
    sql`
    SELECT ${raw(KEY_EXPRESSION[settings.groupBy])} AS k, gid, created_at AS at, ${distinct}::text AS d FROM audit_event
    WHERE ${allOf([keyIn(settings.groupBy, [...byKey.keys()]), sql`created_at >= ${from}`, sql`created_at <= ${to}`, ...conditions])}
    ORDER BY 1, created_at, gid LIMIT ${MAX_ROWS}`,
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
 * "Then" rules: a new event matching `then` from a key that had `threshold` matching events
 * (or distinct values) in the window before it, such as a successful sign-in after twenty
 * failures. The earlier events join the finding.
 */
export async function thenFindings(tx: Tx, settings: Settings, conditions: Prisma.Sql[], thens: BatchEvent[]): Promise<Finding[]> {
  const keyed = thens.filter((e) => e.keys[settings.groupBy] !== null);
  if (keyed.length === 0) return [];
  const distinct = settings.distinct ? raw(DISTINCT_EXPRESSION[settings.distinct]) : sql`NULL`;
  // Only keys with enough matching events anywhere in the batch's span can fire: a page holds
  // hundreds of successful sign-ins, of which a handful follow any failure at all.
  const times = keyed.map((e) => e.at.getTime());
  const keys = [...new Set(keyed.map((e) => e.keys[settings.groupBy]!))].slice(0, MAX_KEYS);
  const busy = await run<{ k: string }>(
    tx,
    sql`
    SELECT ${raw(KEY_EXPRESSION[settings.groupBy])} AS k FROM audit_event
    WHERE ${allOf([keyIn(settings.groupBy, keys), sql`created_at >= ${new Date(Math.min(...times) - settings.windowSeconds * 1000)}`, sql`created_at < ${new Date(Math.max(...times))}`, ...conditions])}
    GROUP BY 1 HAVING count(DISTINCT COALESCE(${distinct}::text, gid)) >= ${settings.threshold}`,
  );
  const possible = new Set(busy.map((b) => b.k));
  const candidates = keyed.filter((e) => possible.has(e.keys[settings.groupBy]!)).slice(0, MAX_THEN);
  if (candidates.length === 0) return [];
  const rows = await run<Row & { c: string }>(
    tx,
    sql`
    SELECT c.gid AS c, a.gid, a.at, a.d, c.k FROM unnest(${candidates.map((e) => e.gid)}::text[], ${candidates.map((e) => e.keys[settings.groupBy]!)}::text[], ${candidates.map((e) => e.at)}::timestamptz[]) AS c(gid, k, t)
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
