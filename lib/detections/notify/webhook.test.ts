import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "notify-webhook-test-secret-0123456789abcdef";
  process.env.NEXTAUTH_URL = "http://dashboard.test";
});

import { BACKOFF_MS, deliverDue, MAX_ATTEMPTS } from "./outbox";
import { createChannel } from "./save-channel";
import { IDEMPOTENCY_HEADER, newSigningSecret, signatureHeader, SIGNATURE_HEADER, verifySignature } from "./signature";
import { sendWebhook } from "./webhook";
import { testMessage } from "./message";
import { deliveriesOf, insertActor, insertAlert, insertRule, queue, startReceiver, type Received, type Receiver } from "./test-support";

const by = { actor: "admin@example.com", request: {} };
const secret = "whsec_test_signing_secret_0123456789";

/** A receiver as the README tells one to write: check the signature and its age, keep one copy per key. */
function signedReceiver(fail: (request: Received) => boolean = () => false) {
  const accepted = new Map<string, unknown>();
  /** How many times each key was answered with success: a receiver "sees" an alert once when this is 1. */
  const successes = new Map<string, number>();
  const refusals: string[] = [];
  const answer = (request: Received): number => {
    const check = verifySignature(secret, request.body, request.headers[SIGNATURE_HEADER.toLowerCase()] as string | undefined);
    if (!check.ok) {
      refusals.push(check.reason);
      return 401;
    }
    if (fail(request)) return 500;
    const key = request.headers[IDEMPOTENCY_HEADER.toLowerCase()] as string;
    if (!accepted.has(key)) accepted.set(key, JSON.parse(request.body));
    successes.set(key, (successes.get(key) ?? 0) + 1);
    return 204;
  };
  return { answer, accepted, successes, refusals };
}

describe("signatures", () => {
  it("verify over the raw body and refuse a tampered body, another key, or an old timestamp", () => {
    const body = JSON.stringify({ hello: "world" });
    const now = new Date("2026-12-07T12:00:00Z");
    const header = signatureHeader(secret, body, now);
    expect(header).toMatch(/^t=\d+,v1=[0-9a-f]{64}$/);
    expect(verifySignature(secret, body, header, { now })).toEqual({ ok: true, timestamp: now.getTime() / 1000 });
    expect(verifySignature(secret, `${body} `, header, { now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(newSigningSecret(), body, header, { now })).toEqual({ ok: false, reason: "mismatch" });
    expect(verifySignature(secret, body, header, { now: new Date(now.getTime() + 301_000) })).toEqual({ ok: false, reason: "expired" });
    expect(verifySignature(secret, body, header, { now: new Date(now.getTime() + 299_000) }).ok).toBe(true);
    for (const bad of [null, "", "t=1", "v1=abc", "t=x,v1=" + "0".repeat(64), "x".repeat(2_000)]) expect(verifySignature(secret, body, bad, { now })).toEqual({ ok: false, reason: "malformed" });
    // During a rotation the sender may sign with two keys: one match is enough.
    const other = signatureHeader(newSigningSecret(), body, now).split(",v1=")[1]!;
    expect(verifySignature(secret, body, `${header},v1=${other}`, { now }).ok).toBe(true);
  });
});

describe("webhook deliveries", () => {
  let receiver: Receiver;
  let current = signedReceiver();

  beforeAll(async () => {
    receiver = await startReceiver((request) => current.answer(request));
    await insertRule("test.webhook", { name: "Failed sign-ins", severity: "high" });
    await insertActor("1201", "Ann Lee", "ann@example.com");
  });
  afterAll(() => receiver.close());

  it("POST signed JSON with the idempotency key, the alert's facts and links back", async () => {
    current = signedReceiver();
    receiver.requests.length = 0;
    const { channel } = await createChannel({ kind: "webhook", name: "SIEM", url: `${receiver.url}/hook?token=abc`, signingSecret: secret }, by);
    const alertId = await insertAlert({ ruleId: "test.webhook", severity: "high", title: "20 failed sign-ins by Ann Lee", actorKey: "1201", eventCount: 21 });
    expect(await queue([alertId])).toBe(1);
    const result = await deliverDue({ now: new Date(Date.now() + 1_000) });
    expect(result).toMatchObject({ claimed: 1, sent: 1 });
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request).toMatchObject({ method: "POST", path: "/hook?token=abc" });
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["idempotency-key"]).toBe(`${alertId}:${channel.id}`);
    expect(current.refusals).toEqual([]);
    expect(current.accepted.get(`${alertId}:${channel.id}`)).toEqual({
      version: 1,
      type: "alert",
      idempotencyKey: `${alertId}:${channel.id}`,
      alert: {
        id: alertId,
        title: "20 failed sign-ins by Ann Lee",
        severity: "high",
        status: "open",
        rule: { id: "test.webhook", name: "Failed sign-ins" },
        firstAt: "2026-12-01T10:00:00.000Z",
        lastAt: "2026-12-01T10:05:00.000Z",
        eventCount: 21,
        actor: { key: "1201", name: "Ann Lee", email: "ann@example.com" },
        links: {
          alert: `http://dashboard.test/alerts?alert=${alertId}`,
          events: "http://dashboard.test/events?from=2026-12-01T10:00:00.000Z&to=2026-12-01T10:05:00.001Z&tz=utc&type=user_login_failed&actor=1201&sort=oldest",
        },
      },
    });
    const [delivery] = await deliveriesOf(alertId);
    expect(delivery).toMatchObject({ status: "sent", attempts: 1, lastStatus: 204, lastError: null });
    expect(delivery!.sentAt).not.toBeNull();
    // Queued again (a replayed page): nothing new is sent.
    expect(await queue([alertId])).toBe(0);
    expect((await deliverDue({ now: new Date(Date.now() + 86_400_000) })).claimed).toBe(0);
    expect(receiver.requests).toHaveLength(1);
  });

  it("retry a failing receiver with backoff, and it gets the alert exactly once", async () => {
    // The first two requests to this channel fail (other channels' requests are not counted).
    let flaky = 0;
    current = signedReceiver((request) => request.path === "/flaky" && ++flaky <= 2);
    receiver.requests.length = 0;
    const { channel } = await createChannel({ kind: "webhook", name: "Flaky", url: `${receiver.url}/flaky`, signingSecret: secret, ruleIds: ["test.webhook"] }, by);
    const alertId = await insertAlert({ ruleId: "test.webhook", title: "Flaky receiver" });
    await queue([alertId]);
    const key = `${alertId}:${channel.id}`;
    const mine = () => deliveriesOf(alertId).then((rows) => rows.find((r) => r.channelId === channel.id)!);
    let now = new Date(Date.now() + 1_000);

    await deliverDue({ now });
    expect(await mine()).toMatchObject({ status: "pending", attempts: 1, lastStatus: 500, lastError: "the receiver answered HTTP 500" });
    expect((await mine()).nextAttemptAt.getTime()).toBe(now.getTime() + BACKOFF_MS[0]);
    // Not before its time.
    expect((await deliverDue({ now: new Date(now.getTime() + BACKOFF_MS[0] - 1_000) })).claimed).toBe(0);

    now = new Date(now.getTime() + BACKOFF_MS[0]);
    await deliverDue({ now });
    expect(await mine()).toMatchObject({ status: "pending", attempts: 2, lastStatus: 500 });
    expect((await mine()).nextAttemptAt.getTime()).toBe(now.getTime() + BACKOFF_MS[1]);

    now = new Date(now.getTime() + BACKOFF_MS[1]);
    await deliverDue({ now });
    expect(await mine()).toMatchObject({ status: "sent", attempts: 3, lastStatus: 204, lastError: null });
    await deliverDue({ now: new Date(now.getTime() + 86_400_000) });

    const toThisChannel = receiver.requests.filter((r) => r.path === "/flaky");
    expect(toThisChannel).toHaveLength(3);
    expect(new Set(toThisChannel.map((r) => r.headers["idempotency-key"]))).toEqual(new Set([key]));
    expect(new Set(toThisChannel.map((r) => r.body)).size).toBe(1);
    expect(current.refusals).toEqual([]);
    expect(current.successes.get(key)).toBe(1);
  });

  it("give up after the last attempt, keeping the last status and error", async () => {
    receiver.requests.length = 0;
    current = { answer: () => 503, accepted: new Map(), successes: new Map(), refusals: [] };
    const { channel } = await createChannel({ kind: "webhook", name: "Down", url: `${receiver.url}/down`, ruleIds: ["test.webhook"] }, by);
    const alertId = await insertAlert({ ruleId: "test.webhook", title: "Receiver down" });
    await queue([alertId]);
    let now = new Date(Date.now() + 1_000);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      await deliverDue({ now });
      now = new Date(now.getTime() + (BACKOFF_MS[attempt - 1] ?? 0));
    }
    const row = (await deliveriesOf(alertId)).find((r) => r.channelId === channel.id);
    expect(row).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS, lastStatus: 503, lastError: "the receiver answered HTTP 503" });
    await deliverDue({ now: new Date(now.getTime() + 86_400_000) });
    expect(receiver.requests.filter((r) => r.path === "/down")).toHaveLength(MAX_ATTEMPTS);
  });

  it("bound each send in time, follow no redirect, and name no address in errors", async () => {
    const slow = await startReceiver(() => "hang");
    const redirecting = await startReceiver((request) => (request.path === "/elsewhere" ? 200 : { status: 302, headers: { location: "/elsewhere" } }));
    const refusing = await startReceiver(() => ({ status: 400, body: `bad \u202etoken\u0000 ${"x".repeat(5_000)}` }));
    try {
      const message = testMessage();
      const hung = await sendWebhook({ url: `${slow.url}/secret-path`, signingSecret: secret }, message, "k1", { timeoutMs: 300 });
      expect(hung).toMatchObject({ ok: false, status: null, error: "no answer within 0.3 s" });
      const redirected = await sendWebhook({ url: `${redirecting.url}/secret-path`, signingSecret: secret }, message, "k2");
      expect(redirected).toMatchObject({ ok: false, status: 302 });
      expect(redirecting.requests.map((r) => r.path)).toEqual(["/secret-path"]);
      const refused = await sendWebhook({ url: `${refusing.url}/secret-path`, signingSecret: secret }, message, "k3");
      expect(refused.status).toBe(400);
      expect(refused.error).toContain("⟨RLO⟩token⟨NUL⟩");
      expect(refused.error!.length).toBeLessThan(300);
      const closed = await startReceiver(() => 200);
      await closed.close();
      const unreachable = await sendWebhook({ url: `${closed.url}/secret-path`, signingSecret: secret }, message, "k4");
      expect(unreachable).toMatchObject({ ok: false, error: "could not reach the receiver (ECONNREFUSED)" });
      for (const outcome of [hung, redirected, refused, unreachable]) expect(outcome.error).not.toMatch(/secret-path|127\.0\.0\.1/);
    } finally {
      await Promise.all([slow.close(), redirecting.close(), refusing.close()]);
    }
  });
});
