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
 * Records a finding: it joins the rule's unresolved alert for the same key whose events lie
 * within the deduplication period of its own (in event time, so a late event joins the alert
 * of its time), else opens a new alert. Events already attached are not counted twice, so
 * judging the same events again changes nothing. Returns the id of an alert it opened.
 * One statement (a round trip per finding, not three: a batch raises dozens).
 */
export async function raise(tx: Tx, rule: Rule, finding: Finding): Promise<string | null> {
  const unique = [...new Map(finding.events.map((e) => [e.gid, e])).values()];
  const events = unique.sort((a, b) => a.at.getTime() - b.at.getTime() || (a.gid < b.gid ? -1 : 1)).slice(0, ALERT_EVENTS_MAX);
  const first = events[0]!.at;
  const last = events.at(-1)!.at;
  const dedup = `${rule.dedupSeconds} seconds`;
  const [row] = await run<{ opened: string | null }>(
    tx,
    sql`
    WITH open AS (
      SELECT id, event_count FROM alert
      WHERE rule_id = ${rule.id} AND dedup_key = ${finding.key} AND status <> 'resolved'
        AND last_at >= ${first}::timestamptz - ${dedup}::interval AND first_at <= ${last}::timestamptz + ${dedup}::interval
      ORDER BY last_at DESC LIMIT 1 FOR UPDATE
    ), created AS (
      INSERT INTO alert (rule_id, rule_version, dedup_key, severity, title, first_at, last_at, event_count, actor_key)
      SELECT ${rule.id}, ${rule.version}, ${finding.key}, ${rule.severity}, ${alertTitle(rule, finding.trigger)}, ${first}, ${last}, ${events.length}, ${finding.trigger.actorKey}
      WHERE NOT EXISTS (SELECT 1 FROM open)
      RETURNING id
    ), target AS (
      SELECT id, event_count FROM open UNION ALL SELECT id, 0 FROM created
    ), added AS (
      INSERT INTO alert_event (alert_id, event_gid, created_at)
      SELECT target.id, t.gid, t.at FROM target,
        unnest(${events.map((e) => e.gid)}::text[], ${isoTimes(events.map((e) => e.at))}::timestamptz[]) WITH ORDINALITY AS t(gid, at, n)
      WHERE t.n <= ${ALERT_EVENTS_MAX} - target.event_count
      ON CONFLICT DO NOTHING RETURNING created_at
    ), extended AS (
      UPDATE alert SET event_count = event_count + (SELECT count(*) FROM added),
        first_at = LEAST(first_at, (SELECT min(created_at) FROM added)),
        last_at = GREATEST(last_at, (SELECT max(created_at) FROM added)),
        updated_at = now()
      WHERE id = (SELECT id FROM open) AND EXISTS (SELECT 1 FROM added)
    )
    SELECT (SELECT id::text FROM created) AS opened`,
  );
  return row?.opened ?? null;
}
