import type { AlertMessage } from "./message";
import { postJson, SEND_TIMEOUT_MS } from "./post-json";
import { IDEMPOTENCY_HEADER, SIGNATURE_HEADER, signatureHeader } from "./signature";
import type { SendOutcome } from "./channel-schema";

/** A generic webhook's secret parts: its address (which may carry a token) and its signing key. */
export interface WebhookSecret {
  url: string;
  signingSecret: string;
}

/**
 * The JSON a webhook receives. The body is the same on every attempt of one delivery (only the
 * signature's timestamp changes), so a receiver may keep the first copy per Idempotency-Key.
 */
export function webhookBody(message: AlertMessage, idempotencyKey: string): string {
  const { test, ...alert } = message;
  return JSON.stringify({ version: 1, type: test ? "test" : "alert", idempotencyKey, alert });
}

export async function sendWebhook(secret: WebhookSecret, message: AlertMessage, idempotencyKey: string, { now = new Date(), timeoutMs = SEND_TIMEOUT_MS } = {}): Promise<SendOutcome> {
  const body = webhookBody(message, idempotencyKey);
  return postJson(secret.url, body, { [IDEMPOTENCY_HEADER]: idempotencyKey, [SIGNATURE_HEADER]: signatureHeader(secret.signingSecret, body, now) }, timeoutMs);
}
