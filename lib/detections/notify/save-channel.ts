import "server-only";
import { randomUUID } from "node:crypto";
import { recordAuditEntry, type AuditContext } from "@/lib/audit-trail/record";
import { db } from "@/lib/db/client";
import { invalidError, notFoundError } from "@/lib/errors";
import type { NotificationChannel, Prisma } from "@/lib/generated/prisma/client";
import type { z } from "zod";
import {
  createChannelInput,
  updateChannelInput,
  type ChannelSaved,
  type ChannelView,
  type EmailConfig,
  type WebhookConfig,
} from "./channel-schema";
import { kindOf } from "./channel-settings";
import { toChannelView } from "./list-channels";
import { openSecret, sealSecret, SecretBoxError } from "./secret-box";
import { newSigningSecret } from "./signature";

/**
 * Creating, editing and deleting channels. Each change commits with its entry in the
 * dashboard's audit trail, which names what changed and never a secret's value. Secrets are
 * sealed (secret-box.ts) before they reach the database.
 */
type Tx = Prisma.TransactionClient;

/** Input checked by `schema`, or an "invalid" error naming each bad field (a 400 through the route wrapper). */
function parseOrInvalid<T extends z.ZodType>(schema: T, raw: unknown): z.output<T> {
  const result = schema.safeParse(raw);
  if (result.success) return result.data;
  const issues = result.error.issues.map((i) => ({ field: i.path.join(".") || "(input)", message: i.message }));
  throw invalidError(issues.map((i) => `${i.field}: ${i.message}`).join("; "), { issues });
}

const gone = () => notFoundError("That channel does not exist (it may have been deleted).");

/** The scheme and host of an address: what is shown of it. */
function addressHint(url: string): WebhookConfig {
  const parsed = new URL(url);
  return { scheme: parsed.protocol.replace(/:$/, ""), host: parsed.host };
}

/** Rules the routing names must exist: a typo would silently route nothing. */
async function checkRules(tx: Tx, ruleIds: string[] | undefined): Promise<void> {
  if (!ruleIds || ruleIds.length === 0) return;
  const found = new Set((await tx.detectionRule.findMany({ where: { id: { in: ruleIds } }, select: { id: true } })).map((r) => r.id));
  const unknown = ruleIds.filter((id) => !found.has(id));
  if (unknown.length > 0) throw invalidError(`ruleIds: no such rule: ${unknown.slice(0, 5).join(", ")}`, { issues: [{ field: "ruleIds", message: "no such rule" }] });
}

/** Facts about a channel for the audit trail: its settings and hints, no secret. */
const auditFacts = (view: ChannelView) => ({ name: view.name, kind: view.kind, target: view.target, minSeverity: view.minSeverity, ruleIds: view.ruleIds, enabled: view.enabled });

export async function createChannel(raw: unknown, by: AuditContext): Promise<ChannelSaved> {
  const input = parseOrInvalid(createChannelInput, raw);
  const id = randomUUID();
  let generated: string | undefined;
  let config: Prisma.InputJsonObject;
  let secret: Record<string, unknown>;
  if (input.kind === "email") {
    const settings: EmailConfig = { host: input.host, port: input.port, security: input.security, user: input.user, from: input.from, to: input.to };
    config = { ...settings, hasPassword: Boolean(input.password) };
    secret = { password: input.password ?? null };
  } else {
    config = addressHint(input.url);
    if (input.kind === "webhook") {
      if (!input.signingSecret) generated = newSigningSecret();
      secret = { url: input.url, signingSecret: input.signingSecret ?? generated };
    } else secret = { url: input.url };
  }
  return db().$transaction(async (tx) => {
    await checkRules(tx, input.ruleIds);
    const row = await tx.notificationChannel.create({
      data: { id, name: input.name, kind: input.kind, config, secret: sealSecret(id, secret), minSeverity: input.minSeverity, ruleIds: input.ruleIds, enabled: input.enabled, createdBy: by.actor },
    });
    const channel = toChannelView(row);
    await recordAuditEntry({ ...by, action: "alert_channel.create", target: id, details: { ...auditFacts(channel), signingSecret: generated ? "generated" : input.kind === "webhook" ? "given" : undefined } }, tx);
    return { channel, ...(generated ? { signingSecret: generated } : {}) };
  });
}

/** The stored secret, or an empty one when it can no longer be read (then the edit must give it anew). */
function currentSecret(row: NotificationChannel): Record<string, unknown> {
  try {
    const opened = openSecret(row.id, row.secret);
    return opened && typeof opened === "object" ? (opened as Record<string, unknown>) : {};
  } catch (error) {
    if (error instanceof SecretBoxError) return {};
    throw error;
  }
}

const SECRET_FIELDS = new Set(["url", "signingSecret", "rotateSigningSecret", "password"]);

/** Changes a channel's settings; secrets left out are kept, new ones replace them. */
export async function updateChannel(id: string, raw: unknown, by: AuditContext): Promise<ChannelSaved> {
  return db().$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id } });
    if (!row) throw gone();
    const kind = kindOf(row.kind);
    const input = parseOrInvalid(updateChannelInput[kind], raw) as Record<string, unknown> & { name?: string; minSeverity?: string; ruleIds?: string[]; enabled?: boolean };
    await checkRules(tx, input.ruleIds);
    const before = toChannelView(row);
    const secret = currentSecret(row);
    let config = row.config as Prisma.InputJsonObject;
    let generated: string | undefined;
    if (kind === "email") {
      const { host, port, security, user, from, to } = input as Partial<EmailConfig>;
      if (input.password !== undefined) secret.password = input.password;
      config = { ...(config as object), ...Object.fromEntries(Object.entries({ host, port, security, user, from, to }).filter(([, v]) => v !== undefined)), hasPassword: typeof secret.password === "string" };
    } else {
      if (typeof input.url === "string") {
        secret.url = input.url;
        config = addressHint(input.url);
      }
      if (typeof secret.url !== "string") throw invalidError("url: the stored address can no longer be read; enter it again", { issues: [{ field: "url", message: "enter the address again" }] });
      if (kind === "webhook") {
        if (typeof input.signingSecret === "string") secret.signingSecret = input.signingSecret;
        else if (input.rotateSigningSecret || typeof secret.signingSecret !== "string") secret.signingSecret = generated = newSigningSecret();
      }
    }
    const updated = await tx.notificationChannel.update({
      where: { id },
      data: { name: input.name, minSeverity: input.minSeverity, ruleIds: input.ruleIds, enabled: input.enabled, config, secret: sealSecret(id, secret) },
    });
    if (before.enabled && updated.enabled === false) {
      // What was waiting for this channel is not sent later, when it may be switched on again.
      await tx.alertDelivery.updateMany({ where: { channelId: id, status: "pending" }, data: { status: "failed", lastError: "the channel was switched off before this was sent" } });
    }
    const channel = toChannelView(updated);
    const changed = Object.keys(input).filter((k) => input[k] !== undefined);
    const plain = changed.filter((k) => !SECRET_FIELDS.has(k));
    await recordAuditEntry(
      {
        ...by,
        action: "alert_channel.update",
        target: id,
        details: {
          ...auditFacts(channel),
          changed: changed.map((k) => (SECRET_FIELDS.has(k) ? `${k} (secret)` : k)),
          before: Object.fromEntries(plain.map((k) => [k, k in before ? before[k as keyof ChannelView] : (before.settings as Record<string, unknown>)[k]])),
          ...(generated ? { signingSecret: "generated" } : {}),
        },
      },
      tx,
    );
    return { channel, ...(generated ? { signingSecret: generated } : {}) };
  });
}

export async function deleteChannel(id: string, by: AuditContext): Promise<ChannelView> {
  return db().$transaction(async (tx) => {
    const row = await tx.notificationChannel.findUnique({ where: { id } });
    if (!row) throw gone();
    await tx.notificationChannel.delete({ where: { id } });
    const channel = toChannelView(row);
    await recordAuditEntry({ ...by, action: "alert_channel.delete", target: id, details: auditFacts(channel) }, tx);
    return channel;
  });
}
