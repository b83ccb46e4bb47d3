import { NextRequest } from "next/server";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "channels-api-test-secret-0123456789abcdefg";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

import { encode } from "next-auth/jwt";
import { GET as deliveriesRoute } from "@/app/api/alerts/[id]/deliveries/route";
import { DELETE as deleteRoute, GET as getRoute, PATCH as patchRoute } from "@/app/api/channels/[id]/route";
import { POST as testRoute } from "@/app/api/channels/[id]/test/route";
import { GET as listRoute, POST as createRoute } from "@/app/api/channels/route";
import { addAdmin } from "@/lib/auth/admins";
import { sessionCookieName } from "@/lib/auth/session";
import { openSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { verifySignature } from "@/lib/detections/notify/signature";
import { insertAlert, insertRule, queue, startReceiver, type Receiver } from "@/lib/detections/notify/test-support";

let cookie: string;
let receiver: Receiver;

beforeAll(async () => {
  const admin = await addAdmin({ email: "channels-test@example.com", password: "channels test password" });
  const session = await openSession({ adminId: admin.id, provider: "credentials" });
  cookie = `${sessionCookieName()}=${await encode({ token: { sid: session.id, email: admin.email }, secret: process.env.NEXTAUTH_SECRET! })}`;
  receiver = await startReceiver(() => 202);
});
afterAll(() => receiver.close());

type Handler<P> = (request: NextRequest, context: { params: Promise<P> }) => Promise<Response>;

async function call<P>(handler: Handler<P>, method: string, params: P, body?: unknown) {
  const request = new NextRequest("http://localhost:3000/api/channels", {
    method,
    headers: { cookie, "content-type": "application/json", origin: "http://localhost:3000" },
    body: body === undefined ? undefined : typeof body === "string" ? body : JSON.stringify(body),
  });
  const response = await handler(request, { params: Promise.resolve(params) });
  const text = await response.text();
  return { status: response.status, text, body: JSON.parse(text) as any };
}

describe("the channels API", () => {
  it("creates, lists, edits, tests and deletes a channel, answering its secret never and its signing key once", async () => {
    const created = await call(createRoute, "POST", {}, { kind: "webhook", name: "SIEM", url: `${receiver.url}/in?token=SECRETtoken`, minSeverity: "medium" });
    expect(created.status).toBe(201);
    const { channel, signingSecret } = created.body;
    expect(signingSecret).toMatch(/^whsec_/);
    expect(channel).toMatchObject({ name: "SIEM", kind: "webhook", target: `http://${new URL(receiver.url).host}/…`, hasSecret: true, minSeverity: "medium", ruleIds: [], enabled: true, createdBy: "channels-test@example.com" });

    const listed = await call(listRoute, "GET", {});
    const got = await call(getRoute, "GET", { id: channel.id });
    const edited = await call(patchRoute, "PATCH", { id: channel.id }, { name: "SIEM (prod)", enabled: false });
    expect(edited.body.channel).toMatchObject({ name: "SIEM (prod)", enabled: false, hasSecret: true });
    expect(edited.body.signingSecret).toBeUndefined();
    for (const answer of [created, listed, got, edited]) expect(answer.text).not.toMatch(/SECRETtoken|\/in\?/);
    for (const answer of [listed, got, edited]) expect(answer.text).not.toContain(signingSecret);
    expect(listed.body.channels.map((c: any) => c.id)).toContain(channel.id);

    // The test goes out even though the channel is switched off, signed with the key of its creation.
    const tested = await call(testRoute, "POST", { id: channel.id });
    expect(tested.status).toBe(200);
    expect(tested.body.outcome).toMatchObject({ ok: true, status: 202, error: null });
    const request = receiver.requests.at(-1)!;
    expect(request.path).toBe("/in?token=SECRETtoken");
    expect(JSON.parse(request.body)).toMatchObject({ type: "test", alert: { title: "Test notification from Asana Audit Dashboard" } });
    expect(verifySignature(signingSecret, request.body, request.headers["x-audit-dashboard-signature"] as string).ok).toBe(true);

    const trail = await db().dashboardAuditEntry.findMany({ where: { target: channel.id }, orderBy: { at: "asc" } });
    expect(trail.map((e) => [e.action, e.actorEmail])).toEqual([
      ["alert_channel.create", "channels-test@example.com"],
      ["alert_channel.update", "channels-test@example.com"],
      ["alert_channel.test", "channels-test@example.com"],
    ]);
    expect(JSON.stringify(trail)).not.toMatch(/SECRETtoken|whsec_/);

    expect((await call(deleteRoute, "DELETE", { id: channel.id })).status).toBe(200);
    expect((await call(getRoute, "GET", { id: channel.id })).status).toBe(404);
  });

  it("answers 400 with the reason for bad input, and 404 for channels and alerts that do not exist", async () => {
    const notJson = await call(createRoute, "POST", {}, "{nope");
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: "bad_request", message: "The request body must be valid JSON." } } });
    const invalid = await call(createRoute, "POST", {}, { kind: "slack", name: "", url: "javascript:alert(1)" });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error.message).toBe("name: give the channel a name; url: use an https:// (or http://) address");
    expect(invalid.body.error.details.issues).toEqual([
      { field: "name", message: "give the channel a name" },
      { field: "url", message: "use an https:// (or http://) address" },
    ]);
    // What PostgreSQL cannot store is refused with the field it is in, not answered with a 500.
    for (const [input, reason] of [[{ name: "Slack\u0000" }, "name: the value holds a NUL"], [{ name: "Slack", ruleIds: ["\ud800"] }, "ruleIds.0: the value holds half"]] as const) {
      const hostile = await call(createRoute, "POST", {}, { kind: "slack", url: "https://hooks.slack.com/services/x", ...input });
      expect(hostile.status).toBe(400);
      expect(hostile.body.error.message).toContain(reason);
    }
    const { body } = await call(createRoute, "POST", {}, { kind: "slack", name: "Slack", url: "https://hooks.slack.com/services/x", enabled: false });
    expect((await call(patchRoute, "PATCH", { id: body.channel.id }, { minSeverity: "severe" })).body.error.message).toMatch(/^minSeverity: one of low/);
    for (const id of ["nope", "00000000-0000-4000-8000-000000000000", "'; DROP TABLE x; --"]) {
      expect((await call(getRoute, "GET", { id })).status).toBe(404);
      expect((await call(patchRoute, "PATCH", { id }, { name: "x" })).status).toBe(404);
      expect((await call(deleteRoute, "DELETE", { id })).status).toBe(404);
      expect((await call(testRoute, "POST", { id })).status).toBe(404);
    }
    for (const id of ["0", "abc", "99999999999999999999", "424242"]) expect((await call(deliveriesRoute, "GET", { id })).status).toBe(404);
  });

  it("lists an alert's deliveries with the channel's name and kind, status, attempts and last outcome", async () => {
    await insertRule("test.api", { severity: "high" });
    const { body } = await call(createRoute, "POST", {}, { kind: "webhook", name: "Log receiver", url: `${receiver.url}/log`, ruleIds: ["test.api"] });
    const alertId = await insertAlert({ ruleId: "test.api", severity: "high" });
    await queue([alertId]);
    const { deliverDue } = await import("@/lib/detections/notify/outbox");
    await deliverDue({ now: new Date(Date.now() + 1_000) });
    const log = await call(deliveriesRoute, "GET", { id: alertId });
    expect(log.status).toBe(200);
    expect(log.body.deliveries).toEqual([
      expect.objectContaining({ channelId: body.channel.id, channelName: "Log receiver", channelKind: "webhook", status: "sent", attempts: 1, lastStatus: 202, lastError: null, nextAttemptAt: null, sentAt: expect.any(String) }),
    ]);
  });
});
