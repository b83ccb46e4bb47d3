import { createServer, request as httpRequest, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { passGate, type GateSettings } from "./request-gate";

/**
 * The gate in a real HTTP server, with a stand-in for Next.js that answers with the headers
 * it was handed: what the app would read as the client's address, host and scheme.
 */
let servers: Server[] = [];

async function serverWith(settings: GateSettings): Promise<number> {
  const server = createServer((req, res) => {
    if (!passGate(req, res, settings)) return;
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(req.headers));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  servers.push(server);
  return (server.address() as AddressInfo).port;
}

function send(port: number, init: { method?: string; path?: string; headers?: Record<string, string>; body?: string; chunked?: boolean }) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: string }>((resolve, reject) => {
    const req = httpRequest({ host: "127.0.0.1", port, path: init.path ?? "/api/x", method: init.method ?? "GET", headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (chunk: string) => (body += chunk));
      res.on("end", () => resolve({ status: res.statusCode!, headers: res.headers, body }));
    });
    req.on("error", reject);
    if (init.chunked) req.setHeader("transfer-encoding", "chunked");
    req.end(init.body);
  });
}

const seen = async (port: number, headers: Record<string, string>) => JSON.parse((await send(port, { headers })).body) as Record<string, string | undefined>;

let direct: number;
let oneProxy: number;
let twoProxies: number;

beforeAll(async () => {
  direct = await serverWith({ trustedProxyHops: 0, maxBodyBytes: 1_000 });
  oneProxy = await serverWith({ trustedProxyHops: 1, maxBodyBytes: 1_000 });
  twoProxies = await serverWith({ trustedProxyHops: 2, maxBodyBytes: 1_000 });
});

afterAll(async () => {
  await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  servers = [];
});

describe("case 3: the client's address at TRUSTED_PROXY_HOPS=0 is the socket's", () => {
  it("ignores X-Forwarded-For, X-Real-IP and Forwarded written by the client", async () => {
    const headers = await seen(direct, { "x-forwarded-for": "7.7.7.8", "x-real-ip": "7.7.7.9", forwarded: "for=7.7.7.10" });
    expect(headers["x-forwarded-for"]).toBe("127.0.0.1");
    expect(headers["x-real-ip"]).toBeUndefined();
    expect(headers["forwarded"]).toBeUndefined();
  });

  it("stores no markup: a forged entry never reaches the app", async () => {
    expect((await seen(direct, { "x-forwarded-for": '"><svg onload=alert(1)>' }))["x-forwarded-for"]).toBe("127.0.0.1");
  });

  it("takes Host and the socket's scheme, not forwarded ones", async () => {
    const headers = await seen(direct, { host: "127.0.0.1:9", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https" });
    expect(headers["x-forwarded-host"]).toBe("127.0.0.1:9");
    expect(headers["x-forwarded-proto"]).toBe("http");
  });
});

describe("behind trusted proxies", () => {
  it("takes the entry N from the right, what the nearest trusted proxy saw", async () => {
    const chain = { "x-forwarded-for": "6.6.6.6, 203.0.113.9, 10.0.0.2" };
    expect((await seen(oneProxy, chain))["x-forwarded-for"]).toBe("10.0.0.2");
    expect((await seen(twoProxies, chain))["x-forwarded-for"]).toBe("203.0.113.9");
  });

  it("falls back to the nearest trusted hop when that entry is not an address", async () => {
    expect((await seen(oneProxy, { "x-forwarded-for": "<script>" }))["x-forwarded-for"]).toBe("127.0.0.1");
    expect((await seen(twoProxies, { "x-forwarded-for": "1.2.3.4::, 10.0.0.2" }))["x-forwarded-for"]).toBe("10.0.0.2");
  });

  it("uses the proxy's forwarded host and scheme", async () => {
    const headers = await seen(oneProxy, { host: "10.0.0.5:3000", "x-forwarded-host": "audit.company.com, inner", "x-forwarded-proto": "https" });
    expect(headers["x-forwarded-host"]).toBe("audit.company.com");
    expect(headers["x-forwarded-proto"]).toBe("https");
  });
});

describe("requests answered before the app", () => {
  it("case 7: TRACE gets a 405 naming the allowed methods (Node's parser itself answers 400 to unknown ones)", async () => {
    const answer = await send(direct, { method: "TRACE" });
    expect(answer.status).toBe(405);
    expect(answer.headers["allow"]).toContain("GET");
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "method_not_allowed" } });
    expect((await send(direct, { method: "TRACK" })).status).toBe(400);
  });

  it("case 2: a body declared over the bound is a 413 before a byte of it is read", async () => {
    const answer = await send(direct, { method: "POST", headers: { "content-length": "60000000" } });
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ error: { code: "payload_too_large" } });
  });

  it("case 2: a page request with a body is a 413 at once (no page takes one); the API's routes bound theirs as they read", async () => {
    expect((await send(direct, { method: "POST", path: "/events", chunked: true, body: "x".repeat(10) })).status).toBe(413);
    expect((await send(direct, { method: "PUT", path: "/saved", body: "x" })).status).toBe(413);
    expect((await send(direct, { method: "POST", path: "/events", headers: { "content-length": "0" } })).status).toBe(200);
    expect((await send(direct, { method: "POST", path: "/api/sync", chunked: true, body: "{}" })).status).toBe(200);
  });

  it("a Host that is not a host name is a 400", async () => {
    expect((await send(direct, { headers: { host: "a@evil.example/x" } })).status).toBe(400);
  });

  it("lets an ordinary request through", async () => {
    expect((await send(direct, { method: "POST", body: "{}", headers: { "content-type": "application/json" } })).status).toBe(200);
  });
});
