import "server-only";
import { db } from "@/lib/db/client";
import { ALERT_COLUMNS, ALERT_FROM, toAlertRow, type AlertRecord, type AlertRow } from "./alert-row";
import { SEVERITIES, type Severity } from "./vocabulary";

/** The navigation's badge: open alerts, counted in the index on (status, last_at, id) alone. */
export async function countOpenAlerts(): Promise<{ open: number }> {
  const [row] = await db().$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM alert WHERE status = 'open'`;
  return { open: row?.n ?? 0 };
}

export interface AlertSummary {
  open: number;
  /** Open alerts of each severity, every severity present (0 when none). */
  openBySeverity: Record<Severity, number>;
  /** The newest open alerts by last event. */
  latest: AlertRow[];
}

export const SUMMARY_LATEST = 5;

/** The overview's "Alerts" panel: open alerts by severity, and the latest few. */
export async function summariseOpenAlerts(): Promise<AlertSummary> {
  const [counts, latest] = await Promise.all([
    db().$queryRaw<{ severity: string; n: number }[]>`SELECT severity, count(*)::int AS n FROM alert WHERE status = 'open' GROUP BY severity`,
    db().$queryRaw<AlertRecord[]>`SELECT ${ALERT_COLUMNS} FROM ${ALERT_FROM} WHERE a.status = 'open' ORDER BY a.last_at DESC, a.id DESC LIMIT ${SUMMARY_LATEST}`,
  ]);
  const openBySeverity = Object.fromEntries(SEVERITIES.map((s) => [s, 0])) as Record<Severity, number>;
  let open = 0;
  for (const { severity, n } of counts) {
    open += n;
    // A severity no rule has (written by hand, or by a later version) still counts as open.
    if (Object.hasOwn(openBySeverity, severity)) openBySeverity[severity as Severity] = n;
  }
  return { open, openBySeverity, latest: latest.map(toAlertRow) };
}

export interface RuleOption {
  id: string;
  name: string;
  builtin: boolean;
  enabled: boolean;
}

/** The rules the inbox's rule filter offers: every rule (a disabled one may still have alerts), by name. */
export async function listRuleOptions(): Promise<RuleOption[]> {
  return db().$queryRaw<RuleOption[]>`SELECT id, left(name, 200) AS name, builtin, enabled FROM detection_rule ORDER BY lower(name), id`;
}
