import type { NotificationChannel } from "@/lib/generated/prisma/client";
import { CHANNEL_KINDS, emailConfig, webhookConfig, type ChannelKind, type ChannelSettings } from "./channel-schema";
import type { EmailSecret } from "./email";
import { openSecret } from "./secret-box";
import type { SlackSecret } from "./slack";
import type { WebhookSecret } from "./webhook";

/*
 * What sending needs of a channel, apart from the pages' views of it (list-channels.ts, which
 * is server-only): the delivery loop runs in the sync's command line too.
 */

export const kindOf = (kind: string): ChannelKind => ((CHANNEL_KINDS as readonly string[]).includes(kind) ? (kind as ChannelKind) : "webhook");

/** The channel's non-secret settings, read from its config column. */
export function settingsOf(row: Pick<NotificationChannel, "kind" | "config">): ChannelSettings {
  const kind = kindOf(row.kind);
  if (kind === "email") {
    const parsed = emailConfig.safeParse(row.config);
    return { kind, ...(parsed.success ? parsed.data : { host: "", port: 587, security: "starttls", user: null, from: "", to: [] }) };
  }
  const parsed = webhookConfig.safeParse(row.config);
  return { kind, ...(parsed.success ? parsed.data : { scheme: "https", host: "" }) };
}

/** A channel with its secret opened, for sending only: never answered, never logged. */
export type SendableChannel =
  | { id: string; name: string; kind: "webhook"; settings: ChannelSettings; secret: WebhookSecret }
  | { id: string; name: string; kind: "slack"; settings: ChannelSettings; secret: SlackSecret }
  | { id: string; name: string; kind: "email"; settings: Extract<ChannelSettings, { kind: "email" }>; secret: EmailSecret };

/** Opens the channel's secret (throws SecretBoxError when it cannot be read). */
export function sendableChannel(row: NotificationChannel): SendableChannel {
  const settings = settingsOf(row);
  const secret = openSecret(row.id, row.secret) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === "string" ? value : "");
  if (settings.kind === "email") return { id: row.id, name: row.name, kind: "email", settings, secret: { password: typeof secret.password === "string" ? secret.password : null } };
  if (settings.kind === "slack") return { id: row.id, name: row.name, kind: "slack", settings, secret: { url: text(secret.url) } };
  return { id: row.id, name: row.name, kind: "webhook", settings, secret: { url: text(secret.url), signingSecret: text(secret.signingSecret) } };
}
