import "server-only";
import { db } from "@/lib/db/client";
import { LIST_TEXT_MAX } from "@/lib/events/event-row";
import { ALERT_COLUMNS, ALERT_FROM, toAlertRow, type AlertRecord, type AlertRow } from "./alert-row";
import { AUDIT_ACTION_OF, type AlertAction } from "./vocabulary";

/** Events of an alert listed in its detail; the explorer link shows them all. */
export const DETAIL_EVENTS = 100;

export interface AlertDetail extends AlertRow {
  /** The key the rule grouped by (an actor key, an address, a resource gid); "" when none. */
  dedupKey: string;
  ruleVersion: number;
  rule: {
    id: string;
    name: string;
    builtin: boolean;
    description: string;
    runbook: string;
    helpUrl: string | null;
    /** The explorer's query-bar text and the condition, for the link to the alert's events. */
    query: string;
    condition: string;
    settings: unknown;
  };
  /** The alert's own events, oldest first, with their type where the event is stored. */
  events: Array<{ gid: string; at: string; eventType: string | null }>;
  /** Acknowledgements, resolutions and reopenings, newest first, from the dashboard's audit trail. */
  history: Array<{ at: string; actorEmail: string | null; action: AlertAction }>;
}

const ACTION_OF_AUDIT = new Map<string, AlertAction>(Object.entries(AUDIT_ACTION_OF).map(([action, audit]) => [audit, action as AlertAction]));

/** One alert with what its detail shows, or null when there is none with that id. */
export async function getAlert(id: string): Promise<AlertDetail | null> {
  const [record] = await db().$queryRaw<Array<AlertRecord & { dedup_key: string; rule_version: number }>>`
    SELECT ${ALERT_COLUMNS}, left(a.dedup_key, ${LIST_TEXT_MAX}) AS dedup_key, a.rule_version FROM ${ALERT_FROM} WHERE a.id = ${id}::bigint`;
  if (!record) return null;
  const [rule, events, history] = await Promise.all([
    db().detectionRule.findUniqueOrThrow({
      where: { id: record.rule_id },
      select: { id: true, name: true, builtin: true, description: true, runbook: true, helpUrl: true, query: true, condition: true, settings: true },
    }),
    db().$queryRaw<Array<{ gid: string; at: Date; event_type: string | null }>>`
      SELECT ae.event_gid AS gid, ae.created_at AS at, left(e.event_type, 200) AS event_type
      FROM alert_event ae LEFT JOIN audit_event e ON e.gid = ae.event_gid
      WHERE ae.alert_id = ${id}::bigint ORDER BY ae.created_at, ae.event_gid LIMIT ${DETAIL_EVENTS}`,
    db().$queryRaw<Array<{ at: Date; actor_email: string | null; action: string }>>`
      SELECT at, actor_email, action FROM dashboard_audit_entry
      WHERE action = ANY(${Object.values(AUDIT_ACTION_OF)}::text[]) AND details -> 'alertIds' @> ${JSON.stringify([id])}::jsonb
      ORDER BY at DESC, id DESC LIMIT 100`,
  ]);
  return {
    ...toAlertRow(record),
    dedupKey: record.dedup_key,
    ruleVersion: record.rule_version,
    rule: { ...rule, settings: rule.settings ?? {} },
    events: events.map((e) => ({ gid: e.gid, at: e.at.toISOString(), eventType: e.event_type })),
    history: history.map((h) => ({ at: h.at.toISOString(), actorEmail: h.actor_email, action: ACTION_OF_AUDIT.get(h.action)! })),
  };
}
