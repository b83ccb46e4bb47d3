import type pg from "pg";
import { db, dbPool } from "@/lib/db/client";
import { storableText } from "@/lib/db/storable-text";
import { log } from "@/lib/log";
import type { SendOutcome } from "./channel-schema";
import { sendableChannel, type SendableChannel } from "./channel-settings";
import { buildAlertMessage, type AlertMessage } from "./message";
import { SecretBoxError } from "./secret-box";
import { sendThrough } from "./send";

/**
 * Alert deliveries as an outbox: the engine queues one row per alert and channel in the
 * transaction that raises the alert (so a crash loses none), and deliverDue sends what is due,
 * from any number of app instances at once (rows are claimed with FOR UPDATE SKIP LOCKED and
 * leased while they are sent). Every attempt carries the same idempotency key; a failed one is
 * tried again after 30 s, 2 min, 10 min, 30 min and 2 h, then the delivery counts as failed.
 */
export const BACKOFF_MS = [30_000, 120_000, 600_000, 1_800_000, 7_200_000] as const;
export const MAX_ATTEMPTS = BACKOFF_MS.length + 1;
/** A claimed row is not claimed again for this long: longer than any send may take. */
export const LEASE_MS = 120_000;
export const DELIVER_BATCH = 10;

const logger = () => log.child({ component: "notify" });

/**
 * Queues the deliveries of `alertIds` inside the caller's transaction: one row per alert and
 * enabled channel whose lowest severity the alert reaches and whose rules (none: all) hold the
 * alert's rule. Queuing an alert again adds nothing (the key is "<alert id>:<channel id>").
 * Returns how many rows were added; call wakeDeliveries() once the transaction has committed.
 */
export async function queueDeliveries(tx: pg.ClientBase, alertIds: ReadonlyArray<bigint | number | string>): Promise<number> {
  if (alertIds.length === 0) return 0;
  const result = await tx.query(
    `INSERT INTO alert_delivery (alert_id, channel_id, idempotency_key)
     SELECT a.id, c.id, a.id::text || ':' || c.id
     FROM alert a
     JOIN notification_channel c
       ON c.enabled
      AND array_position(ARRAY['low','medium','high','critical'], c.min_severity) <= array_position(ARRAY['low','medium','high','critical'], a.severity)
      AND (COALESCE(cardinality(c.rule_ids), 0) = 0 OR a.rule_id = ANY(c.rule_ids))
     WHERE a.id = ANY($1::bigint[])
     ORDER BY a.id, c.id
     ON CONFLICT (idempotency_key) DO NOTHING`,
    [alertIds.map(String)],
  );
  return result.rowCount ?? 0;
}

interface Claimed {
  id: string;
  alert_id: string;
  channel_id: string;
  idempotency_key: string;
  attempts: number;
}

export interface DeliverResult {
  claimed: number;
  sent: number;
  /** Failed this time, to be tried again. */
  retrying: number;
  /** Failed for good (the last attempt, or nothing left to send). */
  failed: number;
}

async function claim(now: Date, limit: number): Promise<Claimed[]> {
  const { rows } = await dbPool().query<Claimed>(
    `UPDATE alert_delivery d SET attempts = d.attempts + 1, next_attempt_at = $2
     FROM (
       SELECT ad.id FROM alert_delivery ad
       JOIN notification_channel c ON c.id = ad.channel_id AND c.enabled
       WHERE ad.status = 'pending' AND ad.next_attempt_at <= $1
       ORDER BY ad.next_attempt_at, ad.id
       LIMIT $3
       FOR UPDATE OF ad SKIP LOCKED
     ) due
     WHERE d.id = due.id
     RETURNING d.id::text, d.alert_id::text, d.channel_id, d.idempotency_key, d.attempts`,
    [now, new Date(now.getTime() + LEASE_MS), limit],
  );
  return rows;
}

/** Records an attempt's outcome, unless another instance took the row over after its lease ran out. */
async function record(row: Claimed, outcome: SendOutcome, now: Date, final = false): Promise<"sent" | "retrying" | "failed"> {
  const error = outcome.error === null ? null : storableText(outcome.error, 1_000);
  if (outcome.ok) {
    await dbPool().query(
      `UPDATE alert_delivery SET status = 'sent', sent_at = $2, last_status = $3, last_error = NULL WHERE id = $1 AND status = 'pending' AND attempts = $4`,
      [row.id, now, outcome.status, row.attempts],
    );
    return "sent";
  }
  const giveUp = final || row.attempts >= MAX_ATTEMPTS;
  const next = new Date(now.getTime() + (BACKOFF_MS[Math.min(row.attempts, BACKOFF_MS.length) - 1] ?? 0));
  await dbPool().query(
    `UPDATE alert_delivery SET status = $2, next_attempt_at = $3, last_status = $4, last_error = $5 WHERE id = $1 AND status = 'pending' AND attempts = $6`,
    [row.id, giveUp ? "failed" : "pending", giveUp ? now : next, outcome.status, error, row.attempts],
  );
  return giveUp ? "failed" : "retrying";
}

const failure = (error: string): SendOutcome => ({ ok: false, status: null, error, durationMs: 0 });

/**
 * Sends the deliveries due at `now` (at most `limit`), side by side, and records each outcome.
 * Safe to run from several processes at once: each row is sent by the one that claimed it.
 */
export async function deliverDue({ now = new Date(), limit = DELIVER_BATCH }: { now?: Date; limit?: number } = {}): Promise<DeliverResult> {
  const rows = await claim(now, limit);
  const result: DeliverResult = { claimed: rows.length, sent: 0, retrying: 0, failed: 0 };
  if (rows.length === 0) return result;
  const channels = new Map((await db().notificationChannel.findMany({ where: { id: { in: [...new Set(rows.map((r) => r.channel_id))] } } })).map((c) => [c.id, c]));
  const messages = new Map<string, Promise<AlertMessage | null>>();
  const messageOf = (alertId: string) => {
    if (!messages.has(alertId)) messages.set(alertId, buildAlertMessage(alertId));
    return messages.get(alertId)!;
  };
  await Promise.all(
    rows.map(async (row) => {
      let outcome: SendOutcome;
      let final = false;
      let channel: SendableChannel | undefined;
      const message = await messageOf(row.alert_id);
      const stored = channels.get(row.channel_id);
      if (!message || !stored) {
        outcome = failure(!message ? "the alert no longer exists" : "the channel no longer exists");
        final = true;
      } else {
        try {
          channel = sendableChannel(stored);
          outcome = await sendThrough(channel, message, row.idempotency_key);
        } catch (error) {
          if (!(error instanceof SecretBoxError)) throw error;
          outcome = failure(error.message);
        }
      }
      const state = await record(row, outcome, now, final);
      result[state]++;
      const facts = { deliveryId: row.id, alertId: row.alert_id, channelId: row.channel_id, kind: stored?.kind, attempt: row.attempts, status: outcome.status, ms: outcome.durationMs };
      if (state === "sent") logger().info(facts, "alert delivered");
      else logger().warn({ ...facts, error: outcome.error, willRetry: state === "retrying" }, state === "failed" ? "alert delivery failed for good" : "alert delivery failed; will retry");
    }),
  );
  return result;
}
