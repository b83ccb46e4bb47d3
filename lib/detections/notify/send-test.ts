import "server-only";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { notFoundError } from "@/lib/errors";
import type { SendOutcome } from "./channel-schema";
import { sendableChannel, settingsOf } from "./channel-settings";
import { targetOf } from "./list-channels";
import { testMessage } from "./message";
import { SecretBoxError } from "./secret-box";
import { sendThrough } from "./send";

/**
 * "Send test": a message marked as a test in every channel's words, sent at once (not through
 * the outbox), whether or not the channel is switched on. The outcome is answered to the admin
 * and kept in the audit trail.
 */
export async function sendTest(channelId: string, by: AuditContext): Promise<SendOutcome> {
  const row = await db().notificationChannel.findUnique({ where: { id: channelId } });
  if (!row) throw notFoundError("That channel does not exist (it may have been deleted).");
  const now = new Date();
  let outcome: SendOutcome;
  try {
    outcome = await sendThrough(sendableChannel(row), testMessage(now), `test:${row.id}:${now.getTime()}`);
  } catch (error) {
    if (!(error instanceof SecretBoxError)) throw error;
    outcome = { ok: false, status: null, error: error.message, durationMs: 0 };
  }
  await recordAuditEntry({
    ...by,
    action: "alert_channel.test",
    target: row.id,
    details: { name: row.name, kind: row.kind, target: targetOf(settingsOf(row)), ok: outcome.ok, status: outcome.status, error: outcome.error },
  });
  return outcome;
}
