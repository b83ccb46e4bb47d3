import { z } from "zod";
import { SEVERITIES, type Severity } from "@/lib/detections/rule";

/**
 * Where alerts are sent, declared once: the kinds, each kind's settings as the API takes them
 * (zod, with messages fit for the form) and as it answers them. Secrets (webhook URLs, the
 * signing key, the SMTP password) are write-only: answers say whether one is set and show a
 * hint (the host), never the value. Client-safe.
 */
export const CHANNEL_KINDS = ["webhook", "slack", "email"] as const;
export type ChannelKind = (typeof CHANNEL_KINDS)[number];

export const CHANNEL_KIND_LABELS: Record<ChannelKind, string> = { webhook: "Webhook", slack: "Slack", email: "E-mail" };

/** How the SMTP connection is protected: TLS from the start (465), STARTTLS (587), or none (a local relay). */
export const EMAIL_SECURITY = ["tls", "starttls", "none"] as const;
export type EmailSecurity = (typeof EMAIL_SECURITY)[number];

export const EMAIL_SECURITY_LABELS: Record<EmailSecurity, string> = { tls: "TLS (port 465)", starttls: "STARTTLS (port 587)", none: "None (a local relay only)" };

export const CHANNEL_LIMITS = { name: 120, url: 2_000, rules: 200, recipients: 50, secret: 500 } as const;

/** A webhook's signing key when the admin gives one: long enough not to be guessed. */
export const MIN_SIGNING_SECRET = 24;

const name = z.string().trim().min(1, "give the channel a name").max(CHANNEL_LIMITS.name, `keep the name under ${CHANNEL_LIMITS.name} characters`);
const minSeverity = z.enum(SEVERITIES, { error: `one of ${SEVERITIES.join(", ")}` });
const ruleIds = z.array(z.string().min(1).max(200)).max(CHANNEL_LIMITS.rules, `at most ${CHANNEL_LIMITS.rules} rules`);

/** An http(s) address with a host and no user:password part (which fetch refuses to send). */
export const endpointUrl = z
  .string()
  .trim()
  .min(1, "enter the address")
  .max(CHANNEL_LIMITS.url, `keep the address under ${CHANNEL_LIMITS.url} characters`)
  .superRefine((value, ctx) => {
    let url: URL;
    try {
      url = new URL(value);
    } catch {
      return void ctx.addIssue({ code: "custom", message: "not an address: expected https://…" });
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") ctx.addIssue({ code: "custom", message: "use an https:// (or http://) address" });
    else if (!url.hostname) ctx.addIssue({ code: "custom", message: "the address has no host" });
    else if (url.username || url.password) ctx.addIssue({ code: "custom", message: "put credentials in the path or query, not before the host (user:password@ is not sent)" });
  });

const signingSecret = z
  .string()
  .min(MIN_SIGNING_SECRET, `use at least ${MIN_SIGNING_SECRET} characters, or leave it empty to have one generated`)
  .max(CHANNEL_LIMITS.secret)
  .regex(/^[\x21-\x7e]+$/, "printable ASCII without spaces");

const smtpHost = z
  .string()
  .trim()
  .min(1, "enter the SMTP server's host name")
  .max(253)
  .regex(/^(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)*[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?$|^\[?[0-9A-Fa-f:.]+\]?$/, "a host name or an IP address");
const port = z.coerce.number({ error: "a port number" }).int("a port number").min(1, "from 1 to 65535").max(65_535, "from 1 to 65535");
const address = z.email("an e-mail address").max(254);
const recipients = z.array(address).min(1, "at least one recipient").max(CHANNEL_LIMITS.recipients, `at most ${CHANNEL_LIMITS.recipients} recipients`);
const smtpUser = z
  .string()
  .trim()
  .max(254)
  .nullish()
  .transform((v) => v || null);
const smtpPassword = z.string().min(1, "enter the password, or leave the field out").max(CHANNEL_LIMITS.secret);

const common = { name, minSeverity: minSeverity.default("low"), ruleIds: ruleIds.default([]), enabled: z.boolean().default(true) };

export const createChannelInput = z.discriminatedUnion(
  "kind",
  [
    z.strictObject({ kind: z.literal("webhook"), ...common, url: endpointUrl, signingSecret: signingSecret.optional() }),
    z.strictObject({ kind: z.literal("slack"), ...common, url: endpointUrl }),
    z.strictObject({
      kind: z.literal("email"),
      ...common,
      host: smtpHost,
      port: port.default(587),
      security: z.enum(EMAIL_SECURITY).default("starttls"),
      user: smtpUser,
      password: smtpPassword.optional(),
      from: address,
      to: recipients,
    }),
  ],
  { error: `"kind" must be one of ${CHANNEL_KINDS.join(", ")}` },
);
export type CreateChannelInput = z.input<typeof createChannelInput>;
export type CreateChannel = z.output<typeof createChannelInput>;

const updateCommon = { name: name.optional(), minSeverity: minSeverity.optional(), ruleIds: ruleIds.optional(), enabled: z.boolean().optional() };
const changesSomething = (v: Record<string, unknown>) => Object.values(v).some((x) => x !== undefined);

/**
 * What an edit may change, per kind (the kind itself stays). A secret left out is kept; a new
 * one replaces it. `rotateSigningSecret` makes a new signing key, answered once.
 */
export const updateChannelInput = {
  webhook: z
    .strictObject({ ...updateCommon, url: endpointUrl.optional(), signingSecret: signingSecret.optional(), rotateSigningSecret: z.boolean().optional() })
    .refine(changesSomething, "nothing to change")
    .refine((v) => !(v.signingSecret && v.rotateSigningSecret), "give a signing secret or ask for a new one, not both"),
  slack: z.strictObject({ ...updateCommon, url: endpointUrl.optional() }).refine(changesSomething, "nothing to change"),
  email: z
    .strictObject({
      ...updateCommon,
      host: smtpHost.optional(),
      port: port.optional(),
      security: z.enum(EMAIL_SECURITY).optional(),
      user: smtpUser.optional(),
      /** null removes the password. */
      password: smtpPassword.nullable().optional(),
      from: address.optional(),
      to: recipients.optional(),
    })
    .refine(changesSomething, "nothing to change"),
} as const;
export type UpdateChannelInput = z.input<(typeof updateChannelInput)[ChannelKind]>;

/** What is kept in the clear (notification_channel.config), per kind. */
export const webhookConfig = z.object({ scheme: z.string(), host: z.string() });
export const emailConfig = z.object({ host: z.string(), port: z.number(), security: z.enum(EMAIL_SECURITY), user: z.string().nullable(), from: z.string(), to: z.array(z.string()) });
export type WebhookConfig = z.infer<typeof webhookConfig>;
export type EmailConfig = z.infer<typeof emailConfig>;

export type ChannelSettings = ({ kind: "webhook" } & WebhookConfig) | ({ kind: "slack" } & WebhookConfig) | ({ kind: "email" } & EmailConfig);

export const DELIVERY_STATUSES = ["pending", "sent", "failed"] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

export interface LastDelivery {
  alertId: string;
  status: DeliveryStatus;
  attempts: number;
  /** When it was sent, or last tried, or queued. */
  at: string;
  lastStatus: number | null;
  lastError: string | null;
}

export interface ChannelView {
  id: string;
  name: string;
  kind: ChannelKind;
  /** Where it goes, with no secret: "https://hooks.slack.com/…", "2 recipients via smtp.example.com". */
  target: string;
  settings: ChannelSettings;
  /** Whether a secret is stored: always for webhooks and Slack; for e-mail, a password. */
  hasSecret: boolean;
  minSeverity: Severity;
  /** Only these rules' alerts; empty: every rule's. */
  ruleIds: string[];
  enabled: boolean;
  createdBy: string | null;
  createdAt: string;
  updatedAt: string;
  lastDelivery: LastDelivery | null;
}

/** The answer to a create or an edit: the signing key appears here once, when it was made. */
export interface ChannelSaved {
  channel: ChannelView;
  signingSecret?: string;
}

/** How one send went (a test, or one attempt of a delivery). */
export interface SendOutcome {
  ok: boolean;
  /** The receiver's HTTP status, or the SMTP server's reply code. */
  status: number | null;
  /** Why it failed, in words fit for the admin (never a secret). */
  error: string | null;
  durationMs: number;
}

export interface DeliveryView {
  id: string;
  channelId: string;
  channelName: string;
  channelKind: ChannelKind;
  status: DeliveryStatus;
  attempts: number;
  lastStatus: number | null;
  lastError: string | null;
  nextAttemptAt: string | null;
  sentAt: string | null;
  createdAt: string;
}

/** A rule as the routing field lists it (GET /api/detections/rules). */
export interface RoutableRule {
  id: string;
  name: string;
  severity: string;
  enabled: boolean;
}

/** Channel ids are UUIDs: anything else is answered 404 before a query. */
export const CHANNEL_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
