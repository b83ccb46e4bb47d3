import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "notify-slack-test-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL = "https://audit.example.com/";
});

import { deliverDue } from "./outbox";
import { createChannel } from "./save-channel";
import { deliveriesOf, insertActor, insertAlert, insertRule, queue, startReceiver, type Receiver } from "./test-support";

const by = { actor: "admin@example.com", request: {} };

/** Checks the shape Slack's incoming webhooks take: blocks with their bounds, plain text where it must be. */
function checkBlockKit(payload: any): string[] {
  const problems: string[] = [];
  if (typeof payload.text !== "string" || payload.text.length === 0) problems.push("no fallback text");
  if (!Array.isArray(payload.blocks) || payload.blocks.length === 0 || payload.blocks.length > 50) problems.push("blocks");
  for (const block of payload.blocks ?? []) {
    if (block.type === "header" && (block.text?.type !== "plain_text" || block.text.text.length > 150)) problems.push("header");
    if (block.type === "section" && (block.fields?.length > 10 || block.fields?.some((f: any) => f.text.length > 2000))) problems.push("fields");
    if (block.type === "actions") for (const e of block.elements) if (e.type !== "button" || e.text.text.length > 75 || e.url.length > 3000) problems.push("button");
  }
  return problems;
}

describe("Slack deliveries", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver((request) => (request.path.startsWith("/services/") ? { status: 200, body: "ok" } : { status: 404, body: "no_service" }));
    await insertRule("test.slack", { name: "Team made public", severity: "medium" });
    await insertActor("1301", "Bob <!channel> \u202eEvil", "bob@example.com");
  });
  afterAll(() => receiver.close());

  it("post a Block Kit message: the title as header, the facts as fields and a button back to the alert", async () => {
    const { channel } = await createChannel({ kind: "slack", name: "#security", url: `${receiver.url}/services/T000/B000/XXXX` }, by);
    const title = `Team made public by <@U123> & <!here> \u202etxt.exe ${"x".repeat(200_000)}`;
    const alertId = await insertAlert({ ruleId: "test.slack", severity: "medium", title, actorKey: "1301", eventCount: 1_234 });
    await queue([alertId]);
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request!.headers["content-type"]).toBe("application/json");
    const payload = JSON.parse(request!.body);
    expect(checkBlockKit(payload)).toEqual([]);
    expect(request!.body.length).toBeLessThan(10_000);
    const header = payload.blocks.find((b: any) => b.type === "header");
    expect(header.text.text).toMatch(/^Team made public by <@U123> & <!here> ⟨RLO⟩txt\.exe x+…$/);
    const fields = payload.blocks.find((b: any) => b.type === "section").fields.map((f: any) => f.text);
    expect(fields).toEqual([
      "*Severity*\nmedium",
      "*Rule*\nTeam made public",
      "*Actor*\nBob &lt;!channel&gt; ⟨RLO⟩Evil &lt;bob@example.com&gt;",
      "*Events*\n1,234",
      "*First event*\n2026-12-01T10:00:00.000Z",
      "*Last event*\n2026-12-01T10:05:00.000Z",
    ]);
    // Mentions in the mrkdwn fallback text are escaped: the title cannot ping the channel.
    expect(payload.text).toContain("&lt;!here&gt;");
    expect(payload.text).not.toContain("<!here>");
    const buttons = payload.blocks.find((b: any) => b.type === "actions").elements;
    expect(buttons[0]).toMatchObject({ text: { text: "Open in Asana Audit Dashboard" }, url: `https://audit.example.com/alerts?alert=${alertId}` });
    expect(buttons[1].url).toMatch(/^https:\/\/audit\.example\.com\/events\?from=/);
    expect(await deliveriesOf(alertId)).toMatchObject([{ channelId: channel.id, status: "sent", lastStatus: 200 }]);
  });

  it("keep Slack's refusal as the last error", async () => {
    const { channel } = await createChannel({ kind: "slack", name: "#gone", url: `${receiver.url}/gone/T000/B000/YYYY`, ruleIds: ["test.slack"] }, by);
    const alertId = await insertAlert({ ruleId: "test.slack", severity: "critical", title: "Gone" });
    await queue([alertId]);
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    const row = (await deliveriesOf(alertId)).find((r) => r.channelId === channel.id);
    expect(row).toMatchObject({ status: "pending", attempts: 1, lastStatus: 404, lastError: "the receiver answered HTTP 404: no_service" });
  });
});
