import { NextRequest } from "next/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.NEXTAUTH_SECRET = "route-test-secret-route-test-secret-0123";
  process.env.SYNC_SECRET = "route-test-sync-secret";
  process.env.NEXTAUTH_URL = "http://localhost:3000";
});

import { encode } from "next-auth/jwt";
import { addAdmin } from "@/lib/auth/admins";
import { sessionCookieName } from "@/lib/auth/session";
import { openSession, revokeSession } from "@/lib/auth/sessions";
import { db } from "@/lib/db/client";
import { readJson, route, type RouteHandler } from "./route";

const ok = async () => ({ ok: true });
const adminRoute = route("test.admin", async ({ caller }) => ({ caller: caller.kind }));
const explicitAdmin = route("test.admin", { auth: "admin" }, ok);
const publicRoute = route("test.public", { auth: "public" }, ok);
const syncRoute = route("test.sync", { auth: "admin-or-sync-secret" }, async ({ caller }) => ({ caller: caller.kind }));

let cookie: string;
let sessionId: string;

beforeAll(async () => {
  const admin = await addAdmin({ email: "route-test@example.com", password: "route test password" });
  sessionId = (await openSession({ adminId: admin.id, provider: "credentials" })).id;
  const token = await encode({ token: { sid: sessionId, email: admin.email }, secret: process.env.NEXTAUTH_SECRET! });
  cookie = `${sessionCookieName()}=${token}`;
});

function call(handler: RouteHandler<Record<string, string>>, init: { method?: string; headers?: Record<string, string> } = {}) {
  return handler(new NextRequest("http://localhost:3000/api/test", { method: init.method ?? "GET", headers: init.headers }), { params: Promise.resolve({}) });
}

describe("route(): authentication", () => {
  it("is admin-only by default: 401 in the app's error shape without a session", async () => {
    for (const handler of [adminRoute, explicitAdmin]) {
      const answer = await call(handler);
      expect(answer.status).toBe(401);
      expect(await answer.json()).toMatchObject({ error: { code: "unauthorized", message: "Sign in to continue.", requestId: expect.any(String) } });
    }
  });

  it("serves an admin with a live session", async () => {
    const answer = await call(adminRoute, { headers: { cookie } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ caller: "admin" });
  });

  it("refuses a forged or tampered cookie", async () => {
    const forged = await encode({ token: { sid: sessionId }, secret: "another-secret-another-secret-012345" });
    expect((await call(adminRoute, { headers: { cookie: `${sessionCookieName()}=${forged}` } })).status).toBe(401);
    expect((await call(adminRoute, { headers: { cookie: `${cookie}x` } })).status).toBe(401);
  });

  it("serves public routes to anyone", async () => {
    expect((await call(publicRoute)).status).toBe(200);
  });

  it("lets the sync secret in where allowed, and only there", async () => {
    const bearer = { authorization: "Bearer route-test-sync-secret" };
    expect(await (await call(syncRoute, { method: "POST", headers: bearer })).json()).toEqual({ caller: "sync-secret" });
    expect((await call(syncRoute, { method: "POST", headers: { authorization: "Bearer wrong" } })).status).toBe(401);
    expect((await call(adminRoute, { headers: bearer })).status).toBe(401);
    expect(await (await call(syncRoute, { method: "POST", headers: { cookie } })).json()).toEqual({ caller: "admin" });
  });
});

describe("route(): cross-site requests", () => {
  it("refuses a state change from another site with 403, session or not", async () => {
    const answer = await call(syncRoute, { method: "POST", headers: { cookie, origin: "https://evil.example", host: "localhost:3000" } });
    expect(answer.status).toBe(403);
    expect((await call(syncRoute, { method: "POST", headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(403);
  });

  it("lets same-origin state changes, reads and bearer calls through", async () => {
    expect((await call(syncRoute, { method: "POST", headers: { cookie, origin: "http://localhost:3000" } })).status).toBe(200);
    expect((await call(adminRoute, { headers: { cookie, "sec-fetch-site": "cross-site" } })).status).toBe(200);
    expect((await call(syncRoute, { method: "POST", headers: { authorization: "Bearer route-test-sync-secret", origin: "https://scheduler.example" } })).status).toBe(200);
  });
});

describe("route(): sessions end", () => {
  it("refuses the cookie once its session is signed out", async () => {
    await revokeSession(sessionId);
    expect((await call(adminRoute, { headers: { cookie } })).status).toBe(401);
    await db().adminSession.deleteMany();
  });
});

describe("case 2: request bodies are bounded before they are read", () => {
  const echo = route("test.echo", { auth: "public" }, async ({ request }) => ({ bytes: (await request.arrayBuffer()).byteLength }));
  const small = route("test.small", { auth: "public", maxBodyBytes: 100 }, async ({ request }) => ({ bytes: (await request.arrayBuffer()).byteLength }));
  const post = (handler: RouteHandler<Record<string, string>>, body: BodyInit, headers: Record<string, string> = {}) =>
    handler(new NextRequest("http://localhost:3000/api/test", { method: "POST", body, headers, duplex: "half" } as ConstructorParameters<typeof NextRequest>[1]), { params: Promise.resolve({}) });

  it("answers 413 at once when the declared length is over the route's bound", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => (pulled++, c.enqueue(new Uint8Array(1024))) });
    const answer = await post(small, endless, { "content-length": "60000000" });
    expect(answer.status).toBe(413);
    expect(await answer.json()).toMatchObject({ error: { code: "payload_too_large", details: { limitBytes: 100 } } });
    // The stream starts with one chunk queued at most: nothing of it was read past that.
    expect(pulled).toBeLessThanOrEqual(1);
  });

  it("reads a body without a length only up to the bound, then answers 413", async () => {
    let pulled = 0;
    const endless = new ReadableStream<Uint8Array>({ pull: (c) => (pulled++, c.enqueue(new Uint8Array(64))) });
    const answer = await post(small, endless);
    expect(answer.status).toBe(413);
    expect(pulled).toBeLessThan(5);
  });

  it("hands a body within the bound to the handler whole", async () => {
    expect(await (await post(echo, "x".repeat(200_000))).json()).toEqual({ bytes: 200_000 });
    expect((await post(echo, "x".repeat(300_000))).status).toBe(413);
  });
});

describe("case 7: the request id", () => {
  const echoId = route("test.id", { auth: "public" }, async ({ requestId }) => ({ requestId }));
  const idOf = async (given: string) => {
    const answer = await echoId(new NextRequest("http://localhost:3000/api/test", { headers: { "x-request-id": given } }), { params: Promise.resolve({}) });
    return { header: answer.headers.get("x-request-id"), body: ((await answer.json()) as { requestId: string }).requestId };
  };

  it("keeps a short token of safe characters", async () => {
    expect(await idOf("lb-7f3a.42_x")).toEqual({ header: "lb-7f3a.42_x", body: "lb-7f3a.42_x" });
  });

  it.each(["<script>alert(1)</script>", "a b", "x".repeat(65), "caf\u00e9", "-leading", "a;b=c"])("replaces %j with a fresh one", async (given) => {
    const { header, body } = await idOf(given);
    expect(header).toMatch(/^[0-9a-f-]{36}$/);
    expect(body).toBe(header);
  });
});

describe("case 9: readJson", () => {
  const request = (body?: string) => new Request("http://localhost/api/x", { method: "POST", body });
  it("takes an empty or blank body as `empty` where the route gives one", async () => {
    expect(await readJson(request(), { empty: {} })).toEqual({});
    expect(await readJson(request(""), { empty: {} })).toEqual({});
    expect(await readJson(request(" \n"), { empty: {} })).toEqual({});
    expect(await readJson(request('{"wait":true}'), { empty: {} })).toEqual({ wait: true });
  });
  it("answers 400 for a body that is not JSON, or an empty one where JSON is required", async () => {
    await expect(readJson(request("nope"), { empty: {} })).rejects.toMatchObject({ status: 400 });
    await expect(readJson(request(""))).rejects.toMatchObject({ status: 400, message: "The request body must be valid JSON." });
  });
  it("answers 400 naming the field for text PostgreSQL cannot store, where the database would have failed", async () => {
    await expect(readJson(request(JSON.stringify({ name: "a\u0000b" })))).rejects.toMatchObject({
      status: 400,
      message: "name: the value holds a NUL character (U+0000), which cannot be stored",
      details: { issues: [{ field: "name", message: "the value holds a NUL character (U+0000), which cannot be stored" }] },
    });
    await expect(readJson(request('{"detailsMatch":[{"anyOf":["ok","\\ud800"]}]}'))).rejects.toMatchObject({ status: 400, message: expect.stringMatching(/^detailsMatch\.0\.anyOf\.1: the value holds half of a UTF-16 surrogate pair/) });
  });
});

describe("case 2: the sign-in endpoints take a few kilobytes", () => {
  it("answers 413 to a sign-in form over 8 KB before next-auth reads it", async () => {
    const { authPost } = await import("@/lib/auth/handler");
    const form = new URLSearchParams({ email: "a@example.com", password: "x".repeat(9_000) }).toString();
    const request = new NextRequest("http://localhost:3000/api/auth/callback/credentials", { method: "POST", body: form, headers: { "content-type": "application/x-www-form-urlencoded" } });
    const answer = await authPost(request, { params: Promise.resolve({ nextauth: ["callback", "credentials"] }) });
    expect(answer.status).toBe(413);
  });
});

describe("case 7: a bad session cookie", () => {
  it("is logged by next-auth below error level (any visitor can send one); other next-auth errors stay errors", async () => {
    const { authOptions } = await import("@/lib/auth/options");
    const { log } = await import("@/lib/log");
    const errors = vi.spyOn(log, "error").mockImplementation(() => undefined);
    const debugs = vi.spyOn(log, "debug").mockImplementation(() => undefined);
    authOptions().logger!.error!("JWT_SESSION_ERROR", new Error("Invalid Compact JWE"));
    expect(errors).not.toHaveBeenCalled();
    expect(debugs).toHaveBeenCalledWith({ code: "JWT_SESSION_ERROR" }, expect.any(String));
    authOptions().logger!.error!("OAUTH_CALLBACK_ERROR", new Error("x"));
    expect(errors).toHaveBeenCalledTimes(1);
    errors.mockRestore();
    debugs.mockRestore();
  });
});

describe("next-auth's endpoints under hostile input (found by the request fuzzing of #13)", () => {
  const auth = async (init: { method?: string; path?: string; body?: string; headers?: Record<string, string> }) => {
    const { authGet, authPost } = await import("@/lib/auth/handler");
    const path = init.path ?? "/api/auth/session";
    const request = new NextRequest(`http://localhost:3000${path}`, { method: init.method ?? "GET", body: init.body, headers: init.headers });
    const segments = new URL(request.url).pathname.split("/").slice(3);
    return (init.method === "POST" ? authPost : authGet)(request, { params: Promise.resolve({ nextauth: segments }) });
  };

  it("answers a callbackUrl next-auth cannot read with a 400, not its 500", async () => {
    for (const callbackUrl of ["javascript:alert(1)", "::", "//", "x"]) {
      const answer = await auth({ path: `/api/auth/session?callbackUrl=${encodeURIComponent(callbackUrl)}` });
      expect(answer.status, callbackUrl).toBe(400);
    }
  });

  it("answers a malformed callback cookie with a 400 that clears it", async () => {
    const answer = await auth({ headers: { cookie: "next-auth.callback-url=javascript%3Aalert(1)" } });
    expect(answer.status).toBe(400);
    expect(answer.headers.get("set-cookie")).toMatch(/^next-auth\.callback-url=; Path=\/; Max-Age=0/);
  });

  it("answers a GET of the password callback with a 405", async () => {
    expect((await auth({ path: "/api/auth/callback/credentials" })).status).toBe(405);
  });

  it("answers a JSON body that does not parse, or is not an object, with a 400", async () => {
    for (const body of ["", "{", "5", "null", "[]"]) {
      const answer = await auth({ method: "POST", path: "/api/auth/callback/credentials", body, headers: { "content-type": "application/json" } });
      expect(answer.status, body).toBe(400);
    }
  });
});
