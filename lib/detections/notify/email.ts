import nodemailer from "nodemailer";
import { visibleText } from "@/lib/format/visible-text";
import type { EmailConfig, SendOutcome } from "./channel-schema";
import { actorLine, subjectLine, type AlertMessage } from "./message";
import { SEND_TIMEOUT_MS } from "./post-json";

/** An e-mail channel's secret part: the SMTP password, when the server wants one. */
export interface EmailSecret {
  password: string | null;
}

export function escapeHtml(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;").replaceAll('"', "&quot;").replaceAll("'", "&#39;");
}

/**
 * The Message-ID of a delivery, made from its idempotency key: every attempt of one delivery
 * carries the same one, so a mail system that got an earlier attempt can drop the copy.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([A-Za-z0-9.-]+)$/.exec(from)?.[1] ?? "asana-audit-dashboard.invalid";
  return `<${idempotencyKey.replace(/[^A-Za-z0-9-]+/g, ".")}@${domain}>`;
}

function facts(message: AlertMessage): Array<[string, string]> {
  return [
    ["Severity", message.severity],
    ["Rule", `${message.rule.name} (${message.rule.id})`],
    ["Actor", actorLine(message.actor)],
    ["Events", message.eventCount.toLocaleString("en")],
    ["First event", message.firstAt],
    ["Last event", message.lastAt],
  ];
}

export function emailText(message: AlertMessage): string {
  const lines = [
    ...(message.test ? ["This is a test message sent from the channel settings of Asana Audit Dashboard; no alert was raised.", ""] : []),
    message.test ? message.title : `Alert #${message.id}: ${message.title}`,
    "",
    ...facts(message).map(([label, value]) => `${label}: ${value}`),
    "",
    `Open in Asana Audit Dashboard: ${message.links.alert}`,
    ...(message.test ? [] : [`Its events: ${message.links.events}`]),
  ];
  return `${lines.join("\n")}\n`;
}

export function emailHtml(message: AlertMessage): string {
  const rows = facts(message)
    .map(([label, value]) => `<tr><th align="left" style="padding:2px 12px 2px 0">${escapeHtml(label)}</th><td style="padding:2px 0">${escapeHtml(value)}</td></tr>`)
    .join("");
  return [
    "<!doctype html><html><body style=\"font-family:sans-serif\">",
    message.test ? "<p><strong>This is a test message</strong> sent from the channel settings of Asana Audit Dashboard; no alert was raised.</p>" : "",
    `<h2>${escapeHtml(message.test ? message.title : `Alert #${message.id}: ${message.title}`)}</h2>`,
    `<table>${rows}</table>`,
    `<p><a href="${escapeHtml(message.links.alert)}">Open in Asana Audit Dashboard</a>`,
    message.test ? "" : ` · <a href="${escapeHtml(message.links.events)}">Its events</a>`,
    "</p></body></html>",
  ].join("");
}

/** The SMTP reply code in a reply line ("250 2.0.0 Ok: queued"), if there is one. */
const replyCode = (reply: unknown): number | null => (typeof reply === "string" && /^[2-5]\d\d\b/.test(reply) ? Number(reply.slice(0, 3)) : null);

function smtpError(error: unknown): { status: number | null; error: string } {
  const e = (error ?? {}) as { code?: unknown; responseCode?: unknown; response?: unknown };
  const status = typeof e.responseCode === "number" ? e.responseCode : null;
  const code = typeof e.code === "string" && /^[A-Z0-9_]{2,40}$/.test(e.code) ? e.code : null;
  const reply = typeof e.response === "string" ? visibleText(e.response, 200) : "";
  if (code === "EAUTH") return { status, error: `the SMTP server refused the user name or password${reply ? `: ${reply}` : ""}` };
  if (code === "ETIMEDOUT") return { status, error: `the SMTP server did not answer within ${SEND_TIMEOUT_MS / 1000} s` };
  if (code === "ECONNECTION" || code === "ESOCKET" || code === "EDNS") return { status, error: `could not reach the SMTP server (${code})` };
  if (code === "ETLS") return { status, error: "the TLS handshake with the SMTP server failed" };
  return { status, error: `the SMTP server refused the message${status ? ` (${status})` : ""}${reply ? `: ${reply}` : code ? ` (${code})` : ""}` };
}

/** Sends the message over SMTP; bounded by `timeoutMs` as a whole, not only per step. */
export async function sendEmail(config: EmailConfig, secret: EmailSecret, message: AlertMessage, idempotencyKey: string, { timeoutMs = SEND_TIMEOUT_MS } = {}): Promise<SendOutcome> {
  const started = performance.now();
  const took = () => Math.round(performance.now() - started);
  const transport = nodemailer.createTransport({
    host: config.host,
    port: config.port,
    secure: config.security === "tls",
    requireTLS: config.security === "starttls",
    ignoreTLS: config.security === "none",
    auth: config.user ? { user: config.user, pass: secret.password ?? "" } : undefined,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    disableFileAccess: true,
    disableUrlAccess: true,
    logger: false,
  });
  let timer: NodeJS.Timeout | undefined;
  const expired = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(Object.assign(new Error("timed out"), { code: "ETIMEDOUT" })), timeoutMs)));
  try {
    const info = await Promise.race([
      transport.sendMail({
        from: { name: "Asana Audit Dashboard", address: config.from },
        to: config.to,
        subject: subjectLine(message),
        text: emailText(message),
        html: emailHtml(message),
        messageId: messageIdFor(idempotencyKey, config.from),
        headers: { "X-Audit-Dashboard-Alert": message.id },
      }),
      expired,
    ]);
    const rejected = info.rejected.length;
    if (rejected > 0 && info.accepted.length === 0) return { ok: false, status: replyCode(info.response), error: "the SMTP server refused every recipient", durationMs: took() };
    return { ok: true, status: replyCode(info.response), error: null, durationMs: took() };
  } catch (error) {
    return { ok: false, ...smtpError(error), durationMs: took() };
  } finally {
    clearTimeout(timer);
    transport.close();
  }
}
