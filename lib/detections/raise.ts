import { storableText } from "@/lib/db/storable-text";
import { visibleText } from "@/lib/format/visible-text";
import { Prisma } from "@/lib/generated/prisma/client";
import type { BatchEvent } from "./batch";
import { isoTimes } from "./collect";
import { run, type Tx } from "./db";
import type { Rule } from "./rule";

const sql = Prisma.sql;

/** Events kept with one alert; its count stops there ("1,000+"), the explorer link shows them all. */
export const ALERT_EVENTS_MAX = 1_000;

/** What a condition found: events of one key that together raise (or extend) an alert. */
export interface Finding {
  key: string;
  /** The events to attach, any order; at least one. */
  events: Array<{ gid: string; at: Date }>;
  /** The new event that set it off: its actor and resource name the alert. */
  trigger: BatchEvent;
}

/**
 * A finding's events cut where two in a row lie further apart than the deduplication period:
 * one page can hold a key's matches of several days, each run its own alert (as if judged one
 * by one). Each run keeps the trigger of its own newest event.
 */
export function splitRuns(finding: Finding, dedupSeconds: number, triggers: ReadonlyMap<string, BatchEvent>): Finding[] {
  const events = [...finding.events].sort((a, b) => a.at.getTime() - b.at.getTime());
  const runs: Finding[] = [];
  for (const e of events) {
    const run = runs.at(-1);
    if (run && e.at.getTime() - run.events.at(-1)!.at.getTime() <= dedupSeconds * 1000) run.events.push(e);
    else runs.push({ key: finding.key, events: [e], trigger: finding.trigger });
  }
  for (const run of runs) run.trigger = triggers.get(run.events.at(-1)!.gid) ?? finding.trigger;
  return runs;
}

/** "Brute force by user: Ana Ruiz", "… on Project Apollo": names as plain visible text, cut. */
export function alertTitle(rule: Pick<Rule, "name">, trigger: BatchEvent): string {
  const actor = visibleText(trigger.actorLabel, 120);
  const resource = trigger.resourceLabel && trigger.resourceLabel !== trigger.actorLabel ? ` · ${visibleText(trigger.resourceLabel, 120)}` : "";
  return storableText(`${rule.name}: ${actor}${resource}`, 400);
}

/**
 * Records a rule's findings: each joins the rule's unresolved alert for the same key whose
 * events lie within the deduplication period of its own (in event time, so a late event joins
 * the alert of its time), else opens a new alert. Events already attached are not counted
 * twice, so judging the same events again changes nothing. Returns the ids of the alerts opened.
 * One statement per round, a round holding at most one finding of each key (a key's later runs
 * go in later rounds, so each finds the alert its earlier run opened or extended): a batch
 * raised hundreds of findings of a routine rule (a sign-in from a hosting network), a round
 * trip each.
 */
export async function raiseAll(tx: Tx, rule: Rule, findings: readonly Finding[]): Promise<string[]> {
  const rounds: Finding[][] = [];
  const seen = new Map<string, number>();
  for (const finding of findings) {
    const round = seen.get(finding.key) ?? 0;
    seen.set(finding.key, round + 1);
    (rounds[round] ??= []).push(finding);
  }
  const opened: string[] = [];
  for (const round of rounds) opened.push(...(await raiseRound(tx, rule, round)));
  return opened;
}

/** A finding's events, each once, oldest first, at most ALERT_EVENTS_MAX. */
function eventsOf(finding: Finding): Array<{ gid: string; at: Date }> {
  const unique = [...new Map(finding.events.map((e) => [e.gid, e])).values()];
  return unique.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.gid < b.gid ? -1 : 1)).slice(0, ALERT_EVENTS_MAX);
}

/** Findings of distinct keys raised in one statement. */
async function raiseRound(tx: Tx, rule: Rule, findings: readonly Finding[]): Promise<string[]> {
  const events = findings.map(eventsOf);
  const flat = events.flatMap((list, i) => list.map((e, n) => ({ i: i + 1, n: n + 1, gid: e.gid, at: e.at })));
  const dedup = `${rule.dedupSeconds} seconds`;
  const rows = await run<{ opened: string }>(
    tx,
    sql`
    WITH f AS (
      SELECT * FROM unnest(${findings.map((f) => f.key)}::text[], ${isoTimes(events.map((l) => l[0]!.at))}::timestamptz[], ${isoTimes(events.map((l) => l.at(-1)!.at))}::timestamptz[],
        ${findings.map((f) => alertTitle(rule, f.trigger))}::text[], ${findings.map((f) => f.trigger.actorKey)}::text[], ${events.map((l) => l.length)}::int[]) WITH ORDINALITY AS f(key, first_at, last_at, title, actor_key, n, i)
    ), open AS (
      SELECT f.i, a.id, a.event_count FROM f CROSS JOIN LATERAL (
        SELECT id, event_count FROM alert
        WHERE rule_id = ${rule.id} AND dedup_key = f.key AND status <> 'resolved'
          AND last_at >= f.first_at - ${dedup}::interval AND first_at <= f.last_at + ${dedup}::interval
        ORDER BY last_at DESC LIMIT 1 FOR UPDATE
      ) AS a
    ), created AS (
      INSERT INTO alert (rule_id, rule_version, dedup_key, severity, title, first_at, last_at, event_count, actor_key)
      SELECT ${rule.id}, ${rule.version}, f.key, ${rule.severity}, f.title, f.first_at, f.last_at, f.n, f.actor_key
      FROM f WHERE NOT EXISTS (SELECT 1 FROM open WHERE open.i = f.i)
      RETURNING id, dedup_key
    ), target AS (
      SELECT i, id, event_count FROM open UNION ALL SELECT f.i, created.id, 0 FROM created JOIN f ON f.key = created.dedup_key
    ), added AS (
      INSERT INTO alert_event (alert_id, event_gid, created_at)
      SELECT target.id, e.gid, e.at FROM target
      JOIN unnest(${flat.map((e) => e.i)}::int[], ${flat.map((e) => e.n)}::int[], ${flat.map((e) => e.gid)}::text[], ${isoTimes(flat.map((e) => e.at))}::timestamptz[]) AS e(i, n, gid, at) ON e.i = target.i
      WHERE e.n <= ${ALERT_EVENTS_MAX} - target.event_count
      ON CONFLICT DO NOTHING RETURNING alert_id, created_at
    ), extended AS (
      UPDATE alert SET event_count = alert.event_count + s.count, first_at = LEAST(alert.first_at, s.first_at), last_at = GREATEST(alert.last_at, s.last_at), updated_at = now()
      FROM (SELECT alert_id, count(*) AS count, min(created_at) AS first_at, max(created_at) AS last_at FROM added GROUP BY alert_id) AS s
      WHERE alert.id = s.alert_id AND alert.id IN (SELECT id FROM open)
    )
    SELECT id::text AS opened FROM created`,
  );
  return rows.map((r) => r.opened);
}
