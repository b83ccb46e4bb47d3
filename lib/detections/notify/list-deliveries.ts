import "server-only";
import { db } from "@/lib/db/client";
import type { DeliveryStatus, DeliveryView } from "./channel-schema";
import { kindOf } from "./channel-settings";

/** The delivery log of one alert: each channel it went to and how that went; null when there is no such alert. */
export async function listDeliveries(alertId: bigint): Promise<DeliveryView[] | null> {
  const alert = await db().alert.findUnique({ where: { id: alertId }, select: { id: true } });
  if (!alert) return null;
  const rows = await db().alertDelivery.findMany({
    where: { alertId },
    include: { channel: { select: { name: true, kind: true } } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: 200,
  });
  return rows.map((d) => ({
    id: d.id.toString(),
    channelId: d.channelId,
    channelName: d.channel.name,
    channelKind: kindOf(d.channel.kind),
    status: d.status as DeliveryStatus,
    attempts: d.attempts,
    lastStatus: d.lastStatus,
    lastError: d.lastError,
    nextAttemptAt: d.status === "pending" ? d.nextAttemptAt.toISOString() : null,
    sentAt: d.sentAt?.toISOString() ?? null,
    createdAt: d.createdAt.toISOString(),
  }));
}
