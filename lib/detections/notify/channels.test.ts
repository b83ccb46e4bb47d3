import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "notify-channels-test-secret-0123456789abcd";
  process.env.NEXTAUTH_URL = "http://dashboard.test";
});

import { db } from "@/lib/db/client";
import { getChannel, listChannels } from "./list-channels";
import { deliverDue } from "./outbox";
import { createChannel, deleteChannel, updateChannel } from "./save-channel";
import { openSecret } from "./secret-box";
import { verifySignature } from "./signature";
import { deliveriesOf, insertAlert, insertRule, queue, startReceiver, type Receiver } from "./test-support";

const by = { actor: "admin@example.com", request: {} };
const SLACK_URL = "https://hooks.slack.com/services/T0SECRET/B0SECRET/tokenSECRETvalue";

describe("channel secrets", () => {
  it("are stored encrypted, answered as hints only, and kept when an edit leaves them out", async () => {
    const slack = await createChannel({ kind: "slack", name: "Slack", url: SLACK_URL }, by);
    const hook = await createChannel({ kind: "webhook", name: "Hook", url: "https://siem.example.com/in?token=SECRETtoken" }, by);
    const mail = await createChannel({ kind: "email", name: "Mail", host: "smtp.example.com", user: "u", password: "SECRETpassword", from: "a@example.com", to: ["b@example.com"] }, by);
    // The generated signing key is answered once, at creation.
    expect(hook.signingSecret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(slack.signingSecret).toBeUndefined();

    const rows = await db().notificationChannel.findMany();
    const stored = JSON.stringify(rows);
    for (const secret of ["SECRET", hook.signingSecret!, "/services/", "token="]) expect(stored).not.toContain(secret);
    for (const row of rows) expect(row.secret).toMatch(/^v1\./);

    const answers = JSON.stringify([await listChannels(), await getChannel(slack.channel.id), slack, mail, await updateChannel(slack.channel.id, { name: "Slack #sec" }, by)]);
    for (const secret of ["SECRET", hook.signingSecret!, "/services/", "token="]) expect(answers).not.toContain(secret);
    expect(slack.channel).toMatchObject({ target: "https://hooks.slack.com/…", hasSecret: true });
    expect(mail.channel).toMatchObject({ target: "b@example.com via smtp.example.com:587", hasSecret: true, settings: { user: "u", security: "starttls" } });

    const trail = JSON.stringify(await db().dashboardAuditEntry.findMany({ where: { action: { startsWith: "alert_channel." } } }));
    expect(trail).toContain("alert_channel.create");
    for (const secret of ["SECRET", hook.signingSecret!, "/services/"]) expect(trail).not.toContain(secret);

    // An edit without a secret keeps it; a new one replaces it; null removes a password.
    const row = async (id: string) => (await db().notificationChannel.findUniqueOrThrow({ where: { id } }));
    expect(openSecret(slack.channel.id, (await row(slack.channel.id)).secret)).toEqual({ url: SLACK_URL });
    await updateChannel(slack.channel.id, { url: "https://hooks.slack.com/services/T1/B1/new" }, by);
    expect(openSecret(slack.channel.id, (await row(slack.channel.id)).secret)).toEqual({ url: "https://hooks.slack.com/services/T1/B1/new" });
    const rotated = await updateChannel(hook.channel.id, { rotateSigningSecret: true }, by);
    expect(rotated.signingSecret).toMatch(/^whsec_/);
    expect(rotated.signingSecret).not.toBe(hook.signingSecret);
    expect(openSecret(hook.channel.id, (await row(hook.channel.id)).secret)).toEqual({ url: "https://siem.example.com/in?token=SECRETtoken", signingSecret: rotated.signingSecret });
    expect((await updateChannel(mail.channel.id, { password: null }, by)).channel.hasSecret).toBe(false);
    expect(openSecret(mail.channel.id, (await row(mail.channel.id)).secret)).toEqual({ password: null });

    // A sealed secret copied onto another channel's row does not open there.
    await db().notificationChannel.update({ where: { id: mail.channel.id }, data: { secret: (await row(slack.channel.id)).secret } });
    const copied = (await row(mail.channel.id)).secret;
    expect(() => openSecret(mail.channel.id, copied)).toThrow();
  });

  it("refuse bad settings with a reason per field", async () => {
    const bad = [
      [{ kind: "webhook", name: "", url: "ftp://x" }, /name: give the channel a name; url: use an https/],
      [{ kind: "webhook", name: "x", url: "https://user:pass@example.com/" }, /url: put credentials in the path/],
      [{ kind: "webhook", name: "x", url: "https://example.com/", signingSecret: "short" }, /signingSecret: use at least 24/],
      [{ kind: "slack", name: "x", url: "not a url" }, /url: not an address/],
      [{ kind: "email", name: "x", host: "smtp.example.com", from: "nope", to: [] }, /from: an e-mail address; to: at least one recipient/],
      [{ kind: "email", name: "x", host: "bad host!", port: 70_000, from: "a@example.com", to: ["b@example.com"] }, /host: a host name.*port: from 1 to 65535/],
      [{ kind: "pager", name: "x" }, /kind/],
      [{ kind: "webhook", name: "x", url: "https://example.com/", minSeverity: "urgent" }, /minSeverity: one of low, medium, high, critical/],
      [{ kind: "webhook", name: "x", url: "https://example.com/", ruleIds: ["no.such.rule"] }, /ruleIds: no such rule: no\.such\.rule/],
      [{ kind: "slack", name: "x", url: "https://example.com/", host: "smtp.example.com" }, /Unrecognized key/],
    ] as const;
    for (const [input, message] of bad) await expect(createChannel(input, by), JSON.stringify(input)).rejects.toThrow(expect.objectContaining({ kind: "invalid", message: expect.stringMatching(message) }));
    const { channel } = await createChannel({ kind: "slack", name: "Edit me", url: "https://hooks.slack.com/services/a" }, by);
    await expect(updateChannel(channel.id, {}, by)).rejects.toThrow(/nothing to change/);
    await expect(updateChannel(channel.id, { to: ["a@example.com"] }, by)).rejects.toThrow(/Unrecognized key/);
    await expect(updateChannel("00000000-0000-4000-8000-000000000000", { name: "x" }, by)).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
    await deleteChannel(channel.id, by);
    await expect(deleteChannel(channel.id, by)).rejects.toThrow(expect.objectContaining({ kind: "not_found" }));
  });
});

describe("routing", () => {
  let receiver: Receiver;
  beforeAll(async () => {
    await db().notificationChannel.deleteMany();
    receiver = await startReceiver(() => 200);
    await insertRule("test.route.a", { severity: "low" });
    await insertRule("test.route.b", { severity: "critical" });
  });
  afterAll(() => receiver.close());

  it("sends an alert to the enabled channels whose lowest severity it reaches and whose rules hold its rule", async () => {
    const make = async (name: string, extra: Record<string, unknown>) => (await createChannel({ kind: "webhook", name, url: `${receiver.url}/${name}`, ...extra }, by)).channel.id;
    const ids = {
      all: await make("all", {}),
      high: await make("high", { minSeverity: "high" }),
      critical: await make("critical", { minSeverity: "critical" }),
      ruleA: await make("ruleA", { ruleIds: ["test.route.a"] }),
      ruleBHigh: await make("ruleBHigh", { ruleIds: ["test.route.b"], minSeverity: "high" }),
      off: await make("off", { enabled: false }),
    };
    const name = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    const routed = async (alertId: string) => (await deliveriesOf(alertId)).map((d) => name[d.channelId]).sort();

    const lowA = await insertAlert({ ruleId: "test.route.a", severity: "low" });
    const mediumB = await insertAlert({ ruleId: "test.route.b", severity: "medium" });
    const highA = await insertAlert({ ruleId: "test.route.a", severity: "high" });
    const criticalB = await insertAlert({ ruleId: "test.route.b", severity: "critical" });
    expect(await queue([lowA, mediumB, highA, criticalB])).toBe(2 + 1 + 3 + 4);
    expect(await routed(lowA)).toEqual(["all", "ruleA"]);
    expect(await routed(mediumB)).toEqual(["all"]);
    expect(await routed(highA)).toEqual(["all", "high", "ruleA"]);
    expect(await routed(criticalB)).toEqual(["all", "critical", "high", "ruleBHigh"]);
    for (const id of [lowA, mediumB, highA, criticalB]) for (const d of await deliveriesOf(id)) expect(d.idempotencyKey).toBe(`${id}:${d.channelId}`);

    // Two instances delivering at once: each delivery is sent by one of them.
    const now = new Date(Date.now() + 1_000);
    const [first, second] = await Promise.all([deliverDue({ now, limit: 6 }), deliverDue({ now, limit: 6 })]);
    expect(first.claimed + second.claimed).toBe(10);
    expect(receiver.requests).toHaveLength(10);
    expect(new Set(receiver.requests.map((r) => r.headers["idempotency-key"])).size).toBe(10);

    // A channel switched off gives up what waited for it; switched on, it gets new alerts only.
    const lateA = await insertAlert({ ruleId: "test.route.a", severity: "low" });
    await queue([lateA]);
    await updateChannel(ids.ruleA, { enabled: false }, by);
    expect((await deliveriesOf(lateA)).find((d) => d.channelId === ids.ruleA)).toMatchObject({ status: "failed", lastError: "the channel was switched off before this was sent" });
    await updateChannel(ids.ruleA, { enabled: true }, by);
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    expect(receiver.requests.filter((r) => r.path === "/ruleA")).toHaveLength(2);
    // The last delivery of each channel is in the list.
    const listed = await listChannels();
    expect(listed.find((c) => c.id === ids.all)?.lastDelivery).toMatchObject({ alertId: lateA, status: "sent", lastStatus: 200 });
    expect(listed.find((c) => c.id === ids.off)?.lastDelivery).toBeNull();
  });

  it("signs with the generated key it answered at creation", async () => {
    const { channel, signingSecret } = await createChannel({ kind: "webhook", name: "generated", url: `${receiver.url}/generated`, ruleIds: ["test.route.b"] }, by);
    const alertId = await insertAlert({ ruleId: "test.route.b", severity: "critical" });
    await queue([alertId]);
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    const request = receiver.requests.find((r) => r.path === "/generated")!;
    expect(request.headers["idempotency-key"]).toBe(`${alertId}:${channel.id}`);
    expect(verifySignature(signingSecret!, request.body, request.headers["x-audit-dashboard-signature"] as string).ok).toBe(true);
  });
});
