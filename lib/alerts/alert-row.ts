import "server-only";
import { ALERT_EVENTS_MAX } from "@/lib/detections/raise";
import { LIST_TEXT_MAX } from "@/lib/events/event-row";
import { Prisma } from "@/lib/generated/prisma/client";
import type { AlertStatus, Severity } from "./vocabulary";

/** One alert as the inbox, the overview and the detail show it. */
export interface AlertRow {
  id: string;
  ruleId: string;
  ruleName: string;
  status: AlertStatus;
  severity: Severity;
  /** Named after Asana's values (an actor, a resource): shown through DataText, cut at LIST_TEXT_MAX. */
  title: string;
  /** The title's whole length when it was cut here. */
  titleLength: number | null;
  /** Event times of the first and last events attached. */
  firstAt: string;
  lastAt: string;
  eventCount: number;
  /** The count stopped at the events an alert keeps (ALERT_EVENTS_MAX): "1,000+". */
  eventCountCapped: boolean;
  actorKey: string | null;
  /** The actor's last known name and e-mail (the actor table), when the sync has seen them. */
  actorName: string | null;
  actorEmail: string | null;
  createdAt: string;
  acknowledgedBy: string | null;
  acknowledgedAt: string | null;
  resolvedBy: string | null;
  resolvedAt: string | null;
}

export interface AlertRecord {
  id: string;
  rule_id: string;
  rule_name: string;
  status: string;
  severity: string;
  title: string;
  title_length: number | null;
  first_at: Date;
  last_at: Date;
  event_count: number;
  actor_key: string | null;
  actor_name: string | null;
  actor_email: string | null;
  created_at: Date;
  acknowledged_by: string | null;
  acknowledged_at: Date | null;
  resolved_by: string | null;
  resolved_at: Date | null;
}

/**
 * The columns of an alert row, over `alert a JOIN detection_rule r LEFT JOIN actor ac`.
 * Texts that came from Asana (the title, the actor's name and e-mail) are cut here, so that a
 * 200,000-character name costs the list nothing.
 */
export const ALERT_COLUMNS = Prisma.sql`
  a.id::text AS id, a.rule_id, left(r.name, ${LIST_TEXT_MAX}) AS rule_name, a.status, a.severity,
  left(a.title, ${LIST_TEXT_MAX}) AS title, CASE WHEN length(a.title) > ${LIST_TEXT_MAX} THEN length(a.title) END AS title_length,
  a.first_at, a.last_at, a.event_count, a.actor_key,
  left(ac.name, ${LIST_TEXT_MAX}) AS actor_name, left(ac.email, ${LIST_TEXT_MAX}) AS actor_email,
  a.created_at, a.acknowledged_by, a.acknowledged_at, a.resolved_by, a.resolved_at`;

export const ALERT_FROM = Prisma.sql`alert a JOIN detection_rule r ON r.id = a.rule_id LEFT JOIN actor ac ON ac.key = a.actor_key`;

const iso = (date: Date | null) => (date ? date.toISOString() : null);

export function toAlertRow(record: AlertRecord): AlertRow {
  return {
    id: record.id,
    ruleId: record.rule_id,
    ruleName: record.rule_name,
    status: record.status as AlertStatus,
    severity: record.severity as Severity,
    title: record.title,
    titleLength: record.title_length,
    firstAt: record.first_at.toISOString(),
    lastAt: record.last_at.toISOString(),
    eventCount: record.event_count,
    eventCountCapped: record.event_count >= ALERT_EVENTS_MAX,
    actorKey: record.actor_key,
    actorName: record.actor_name,
    actorEmail: record.actor_email,
    createdAt: record.created_at.toISOString(),
    acknowledgedBy: record.acknowledged_by,
    acknowledgedAt: iso(record.acknowledged_at),
    resolvedBy: record.resolved_by,
    resolvedAt: iso(record.resolved_at),
  };
}
