import { alertEventsHref } from "@/lib/alerts/explorer-link";
import { db } from "@/lib/db/client";
import { SEVERITIES, type Severity } from "@/lib/detections/rule";
import { appUrl } from "@/lib/env";
import { visibleText } from "@/lib/format/visible-text";

/**
 * What every channel sends about one alert, read once per delivery. Titles, names and
 * e-mails come from Asana's events and may hold anything (NUL, bidi controls, lone
 * surrogates, 200,000 characters): each is cut and has its invisible characters made visible
 * here (lib/format/visible-text.ts), so no channel can carry them to a reader.
 */
export interface AlertMessage {
  /** True for "Send test": no alert behind it. */
  test: boolean;
  id: string;
  title: string;
  severity: Severity;
  status: string;
  rule: { id: string; name: string };
  firstAt: string;
  lastAt: string;
  eventCount: number;
  actor: { key: string; name: string | null; email: string | null } | null;
  links: { alert: string; events: string };
}

export const MESSAGE_LIMITS = { title: 300, name: 200, id: 200 } as const;

const clean = (value: string, max: number) => visibleText(value, max);
const severityOf = (value: string): Severity => (SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : "low";

export const alertPath = (id: string) => `/alerts?alert=${encodeURIComponent(id)}`;

/** The message of alert `id`, or null when it no longer exists. */
export async function buildAlertMessage(id: bigint | string): Promise<AlertMessage | null> {
  const alert = await db().alert.findUnique({ where: { id: BigInt(id) }, include: { rule: { select: { id: true, name: true, query: true, condition: true, settings: true } } } });
  if (!alert) return null;
  const actor = alert.actorKey ? await db().actor.findUnique({ where: { key: alert.actorKey }, select: { key: true, name: true, email: true } }) : null;
  const base = appUrl();
  const alertId = alert.id.toString();
  return {
    test: false,
    id: alertId,
    title: clean(alert.title, MESSAGE_LIMITS.title),
    severity: severityOf(alert.severity),
    status: clean(alert.status, 40),
    rule: { id: clean(alert.rule.id, MESSAGE_LIMITS.id), name: clean(alert.rule.name, MESSAGE_LIMITS.name) },
    firstAt: alert.firstAt.toISOString(),
    lastAt: alert.lastAt.toISOString(),
    eventCount: alert.eventCount,
    actor: alert.actorKey
      ? {
          key: clean(alert.actorKey, MESSAGE_LIMITS.id),
          name: actor?.name ? clean(actor.name, MESSAGE_LIMITS.name) : null,
          email: actor?.email ? clean(actor.email, MESSAGE_LIMITS.name) : null,
        }
      : null,
    links: {
      alert: `${base}${alertPath(alertId)}`,
      // The inbox's own frozen explorer link, in UTC: a reader elsewhere has no zone of ours.
      events: `${base}${alertEventsHref({ firstAt: alert.firstAt.toISOString(), lastAt: alert.lastAt.toISOString(), dedupKey: alert.dedupKey, actorKey: alert.actorKey }, alert.rule, "utc")}`,
    },
  };
}

/** The message "Send test" sends: marked as a test in every channel's words, pointing at the inbox. */
export function testMessage(now: Date = new Date()): AlertMessage {
  const base = appUrl();
  const at = now.toISOString();
  return {
    test: true,
    id: "test",
    title: "Test notification from Asana Audit Dashboard",
    severity: "low",
    status: "open",
    rule: { id: "test", name: "Test (no rule)" },
    firstAt: at,
    lastAt: at,
    eventCount: 0,
    actor: null,
    links: { alert: `${base}/alerts`, events: `${base}/events` },
  };
}

/** The actor as one line: "Ann Lee <ann@example.com>", or the key. */
export function actorLine(actor: AlertMessage["actor"]): string {
  if (!actor) return "—";
  if (actor.name && actor.email) return `${actor.name} <${actor.email}>`;
  return actor.name ?? actor.email ?? actor.key;
}

/** "[HIGH] <title>", or "[TEST] …" for a test: the subject of an e-mail, the fallback text of Slack. */
export function subjectLine(message: AlertMessage): string {
  return `${message.test ? "[TEST] " : ""}[${message.severity.toUpperCase()}] ${message.title}`;
}
