import { SEVERITIES, type Severity } from "@/lib/detections/rule";

/**
 * The words of the alerts inbox, declared once: the URL's parsers, the tabs, the bulk
 * buttons, the API's checks and the audit trail's entries all read these. Severities are the
 * rules' own (lib/detections/rule.ts).
 */
export { SEVERITIES, type Severity };

export const ALERT_STATUSES = ["open", "acknowledged", "resolved"] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** The inbox's tabs: one status, or every alert. */
export const STATUS_TABS = [...ALERT_STATUSES, "all"] as const;
export type StatusTab = (typeof STATUS_TABS)[number];

export const STATUS_LABELS: Record<StatusTab, string> = { open: "Open", acknowledged: "Acknowledged", resolved: "Resolved", all: "All" };

export const SEVERITY_LABELS: Record<Severity, string> = { critical: "Critical", high: "High", medium: "Medium", low: "Low" };

/** Most severe first: the order of the overview's counts and the severity menu. */
export const SEVERITIES_DESC: readonly Severity[] = [...SEVERITIES].reverse();

/** How far back the inbox looks, by the alerts' last event; none means all time. */
export const ALERT_RANGES = ["24h", "7d", "30d", "90d"] as const;
export type AlertRange = (typeof ALERT_RANGES)[number];
export const ALERT_RANGE_LABELS: Record<AlertRange, string> = { "24h": "Last 24 hours", "7d": "Last 7 days", "30d": "Last 30 days", "90d": "Last 90 days" };
export const ALERT_RANGE_MS: Record<AlertRange, number> = { "24h": 86_400_000, "7d": 7 * 86_400_000, "30d": 30 * 86_400_000, "90d": 90 * 86_400_000 };

/**
 * What an admin may do to alerts, each from the statuses it applies to: an alert already in
 * the target status (or one the action does not apply to) is left as it is, and said so.
 */
export const ALERT_ACTIONS = ["acknowledge", "resolve", "reopen"] as const;
export type AlertAction = (typeof ALERT_ACTIONS)[number];

export const ACTION_RULES: Record<AlertAction, { from: readonly AlertStatus[]; to: AlertStatus; label: string; done: string }> = {
  acknowledge: { from: ["open"], to: "acknowledged", label: "Acknowledge", done: "Acknowledged" },
  resolve: { from: ["open", "acknowledged"], to: "resolved", label: "Resolve", done: "Resolved" },
  reopen: { from: ["acknowledged", "resolved"], to: "open", label: "Reopen", done: "Reopened" },
};

/** The audit trail's name of each action (lib/audit-trail/actions.ts lists them). */
export const AUDIT_ACTION_OF = { acknowledge: "alert.acknowledge", resolve: "alert.resolve", reopen: "alert.reopen" } as const satisfies Record<AlertAction, string>;

/** Alerts one request may change: a few pages of the inbox selected at once. */
export const MAX_BULK = 500;

/** Alert ids are PostgreSQL bigints, written as digits. */
export const isAlertId = (value: string) => /^[1-9]\d{0,17}$/.test(value);

/** Rule ids: "builtin.brute_force_user", or an id the rules editor made. */
export const isRuleId = (value: string) => /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/.test(value);
