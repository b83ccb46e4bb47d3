import "server-only";
import { db } from "@/lib/db/client";
import { SEVERITIES, type Severity } from "@/lib/detections/rule";
import type { NotificationChannel } from "@/lib/generated/prisma/client";
import { kindOf, settingsOf } from "./channel-settings";
import type { ChannelSettings, ChannelView, DeliveryStatus, LastDelivery } from "./channel-schema";

/** The channels as the API and the page show them: settings and hints, never a secret. */

const severityOf = (value: string): Severity => ((SEVERITIES as readonly string[]).includes(value) ? (value as Severity) : "low");

/** Where a channel sends, with no secret: the address's scheme and host only, or the recipients. */
export function targetOf(settings: ChannelSettings): string {
  if (settings.kind === "email") {
    const to = settings.to.length === 1 ? settings.to[0]! : `${settings.to.length} recipients`;
    return `${to} via ${settings.host}:${settings.port}`;
  }
  return `${settings.scheme}://${settings.host}/…`;
}

/** Whether a secret is stored: the URL (webhook, Slack) always is; an SMTP password may not be. */
const hasSecret = (row: Pick<NotificationChannel, "kind" | "config">) => kindOf(row.kind) !== "email" || (row.config as { hasPassword?: unknown } | null)?.hasPassword === true;

export function toChannelView(row: NotificationChannel, last: LastDelivery | null = null): ChannelView {
  const settings = settingsOf(row);
  return {
    id: row.id,
    name: row.name,
    kind: settings.kind,
    target: targetOf(settings),
    settings,
    hasSecret: hasSecret(row),
    minSeverity: severityOf(row.minSeverity),
    ruleIds: row.ruleIds ?? [],
    enabled: row.enabled,
    createdBy: row.createdBy,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    lastDelivery: last,
  };
}

interface LastRow {
  channel_id: string;
  alert_id: bigint;
  status: string;
  attempts: number;
  at: Date;
  last_status: number | null;
  last_error: string | null;
}

/** Each channel's latest delivery (by when it was queued). */
async function lastDeliveries(ids: string[]): Promise<Map<string, LastDelivery>> {
  if (ids.length === 0) return new Map();
  const rows = await db().$queryRaw<LastRow[]>`
    SELECT c.id AS channel_id, d.alert_id, d.status, d.attempts, COALESCE(d.sent_at, d.created_at) AS at, d.last_status, d.last_error
    FROM notification_channel c
    CROSS JOIN LATERAL (SELECT * FROM alert_delivery WHERE channel_id = c.id ORDER BY id DESC LIMIT 1) d
    WHERE c.id = ANY(${ids}::text[])`;
  return new Map(
    rows.map((r) => [
      r.channel_id,
      { alertId: r.alert_id.toString(), status: r.status as DeliveryStatus, attempts: r.attempts, at: r.at.toISOString(), lastStatus: r.last_status, lastError: r.last_error },
    ]),
  );
}

/** Every channel, by name: a team keeps a handful. */
export async function listChannels(): Promise<ChannelView[]> {
  const rows = await db().notificationChannel.findMany({ orderBy: [{ name: "asc" }, { id: "asc" }], take: 500 });
  const last = await lastDeliveries(rows.map((r) => r.id));
  return rows.map((row) => toChannelView(row, last.get(row.id) ?? null));
}

export async function getChannel(id: string): Promise<ChannelView | null> {
  const row = await db().notificationChannel.findUnique({ where: { id } });
  if (!row) return null;
  return toChannelView(row, (await lastDeliveries([id])).get(id) ?? null);
}
