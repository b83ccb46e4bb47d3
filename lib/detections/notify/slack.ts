import { actorLine, subjectLine, type AlertMessage } from "./message";
import { postJson, SEND_TIMEOUT_MS } from "./post-json";
import type { SendOutcome } from "./channel-schema";

/** A Slack incoming webhook's secret: its address is its token. */
export interface SlackSecret {
  url: string;
}

/** Slack's mrkdwn gives &, < and > a meaning (<!channel>, <url|text>): each is escaped. */
export function slackEscape(text: string): string {
  return text.replaceAll("&", "&amp;").replaceAll("<", "&lt;").replaceAll(">", "&gt;");
}

/** Block Kit bounds: a header's text, a field's text and a button's address. */
const HEADER_MAX = 150;
const FIELD_MAX = 1_900;
const URL_MAX = 3_000;

const cut = (text: string, max: number) => (text.length > max ? `${Array.from(text.slice(0, max)).slice(0, max - 1).join("")}…` : text);
const field = (label: string, value: string) => ({ type: "mrkdwn", text: cut(`*${label}*\n${slackEscape(value)}`, FIELD_MAX) });

const SEVERITY_MARK = { low: ":large_blue_circle:", medium: ":large_yellow_circle:", high: ":large_orange_circle:", critical: ":red_circle:" } as const;

/** The Block Kit message of an alert: its title, the facts as fields, and links back. */
export function slackPayload(message: AlertMessage) {
  const facts = [
    field("Severity", `${message.severity}`),
    field("Rule", message.rule.name),
    field("Actor", actorLine(message.actor)),
    field("Events", message.eventCount.toLocaleString("en")),
    field("First event", message.firstAt),
    field("Last event", message.lastAt),
  ];
  return {
    text: slackEscape(cut(subjectLine(message), 3_000)),
    blocks: [
      { type: "header", text: { type: "plain_text", text: cut(`${message.test ? "[TEST] " : ""}${message.title}`, HEADER_MAX), emoji: false } },
      ...(message.test
        ? [{ type: "context", elements: [{ type: "mrkdwn", text: "This is a test message sent from the channel settings; no alert was raised." }] }]
        : [{ type: "context", elements: [{ type: "mrkdwn", text: `${SEVERITY_MARK[message.severity]} ${message.severity.toUpperCase()} alert #${slackEscape(message.id)}` }] }]),
      { type: "section", fields: facts },
      {
        type: "actions",
        elements: [
          { type: "button", text: { type: "plain_text", text: "Open in Asana Audit Dashboard" }, url: message.links.alert, style: "primary", action_id: "open_alert" },
          ...(message.test || message.links.events.length > URL_MAX ? [] : [{ type: "button", text: { type: "plain_text", text: "View events" }, url: message.links.events, action_id: "open_events" }]),
        ],
      },
    ],
  };
}

export async function sendSlack(secret: SlackSecret, message: AlertMessage, { timeoutMs = SEND_TIMEOUT_MS } = {}): Promise<SendOutcome> {
  return postJson(secret.url, JSON.stringify(slackPayload(message)), {}, timeoutMs);
}
