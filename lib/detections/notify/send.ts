import { log } from "@/lib/log";
import type { SendOutcome } from "./channel-schema";
import { sendEmail } from "./email";
import type { SendableChannel } from "./channel-settings";
import type { AlertMessage } from "./message";
import { sendSlack } from "./slack";
import { sendWebhook } from "./webhook";

/** Sends one message through one channel, whatever its kind; never throws. */
export async function sendThrough(channel: SendableChannel, message: AlertMessage, idempotencyKey: string, options: { timeoutMs?: number } = {}): Promise<SendOutcome> {
  try {
    if (channel.kind === "webhook") return await sendWebhook(channel.secret, message, idempotencyKey, options);
    if (channel.kind === "slack") return await sendSlack(channel.secret, message, options);
    return await sendEmail(channel.settings, channel.secret, message, idempotencyKey, options);
  } catch (error) {
    // Each sender answers its own failures; this is the net for the unforeseen. Its message
    // could quote an address, so only the error's name is logged.
    log.error({ channelId: channel.id, kind: channel.kind, errorName: error instanceof Error ? error.name : typeof error }, "sending through a channel failed unexpectedly");
    return { ok: false, status: null, error: "sending failed unexpectedly", durationMs: 0 };
  }
}
