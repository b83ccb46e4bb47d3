import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import proxyaddr from "proxy-addr";
import { canonicalAddress } from "@/lib/http/client-ip";

/**
 * What every request passes before Next.js sees it, in the HTTP server of lib/server/serve.ts:
 * the one place that knows the socket. It answers what Next.js would turn into a 500 or
 * read into memory, and rewrites the forwarded headers so that the app can trust them:
 *   - X-Forwarded-For becomes the one client address, resolved from the socket and, with
 *     TRUSTED_PROXY_HOPS proxies, from the entries they appended (never from what a client
 *     wrote itself), or is removed when none is a valid address;
 *   - X-Forwarded-Host and -Proto are the proxy's with trusted proxies, else the request's
 *     own Host and the socket's scheme; Forwarded and X-Real-IP are dropped.
 */
export interface GateSettings {
  trustedProxyHops: number;
  /** The largest body any route accepts; each route has its own, smaller bound (lib/http/body.ts). */
  maxBodyBytes: number;
}

/** 1 MiB: four times the largest route's bound, so that the route's own 413 names its limit. */
export const MAX_REQUEST_BODY_BYTES = 1_048_576;

// TRACE would echo the request (cookies included) back, and undici refuses to build a Request
// for it or CONNECT, which Next.js answered with a 500. (Node's parser refuses unknown methods.)
const REFUSED_METHODS = new Set(["TRACE", "CONNECT"]);
const ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
// A host name, an IPv4 address or a bracketed IPv6 address, and a port.
const HOST = /^(?:[A-Za-z0-9_](?:[A-Za-z0-9_-]{0,62})(?:\.[A-Za-z0-9_-]{1,63})*\.?|\[[0-9A-Fa-f:.]{2,45}\])(?::\d{1,5})?$/;

/**
 * The client: the socket's peer with no trusted proxy; with N, the address N entries from the
 * right of X-Forwarded-For (each proxy appends the address it saw). An entry that is not an
 * address gives way to the nearest trusted hop, so that what is stored is always an address.
 */
export function resolveClientAddress(request: IncomingMessage, trustedProxyHops: number): string | undefined {
  const chain = proxyaddr.all(request, (_address, hop) => hop < trustedProxyHops);
  for (let i = chain.length - 1; i >= 0; i--) {
    const address = canonicalAddress(chain[i]);
    if (address) return address;
  }
  return undefined;
}

const firstEntry = (value: string | string[] | undefined) => (Array.isArray(value) ? value[0] : value)?.split(",")[0]?.trim() || undefined;

function refuse(response: ServerResponse, status: number, code: string, message: string, headers: Record<string, string> = {}): false {
  const requestId = randomUUID();
  const body = JSON.stringify({ error: { code, message, requestId } });
  // The body, if any, is not read: the connection closes after the answer instead.
  response.writeHead(status, { "content-type": "application/json", "content-length": Buffer.byteLength(body), connection: "close", "x-request-id": requestId, ...headers });
  response.end(body);
  return false;
}

/** True when the request may go on to Next.js (its headers rewritten); false when it was answered here. */
export function passGate(request: IncomingMessage, response: ServerResponse, settings: GateSettings): boolean {
  const method = (request.method ?? "GET").toUpperCase();
  if (REFUSED_METHODS.has(method)) {
    return refuse(response, 405, "method_not_allowed", `${method} is not served here; use ${ALLOWED_METHODS}.`, { allow: ALLOWED_METHODS });
  }
  const declared = request.headers["content-length"];
  const hasBody = request.headers["transfer-encoding"] !== undefined || (declared !== undefined && declared !== "0");
  // No page takes a body (the app has no server actions), yet Next.js would buffer one for
  // proxy.ts, or wait for one that never comes. API routes bound theirs as they read them
  // (lib/http/body.ts), a body without a length included.
  if (hasBody && !request.url?.startsWith("/api/")) {
    return refuse(response, 413, "payload_too_large", "Pages take no request body; the API is under /api/.");
  }
  if (declared !== undefined && Number(declared) > settings.maxBodyBytes) {
    return refuse(response, 413, "payload_too_large", `The request body is larger than ${settings.maxBodyBytes} bytes.`);
  }
  const trusted = settings.trustedProxyHops > 0;
  const host = (trusted && firstEntry(request.headers["x-forwarded-host"])) || request.headers.host;
  if (host !== undefined && !HOST.test(host)) return refuse(response, 400, "bad_request", "The Host header is not a host name.");

  const headers = request.headers;
  delete headers["forwarded"];
  delete headers["x-real-ip"];
  delete headers["x-forwarded-port"];
  const client = resolveClientAddress(request, settings.trustedProxyHops);
  if (client) headers["x-forwarded-for"] = client;
  else delete headers["x-forwarded-for"];
  if (host) headers["x-forwarded-host"] = host;
  else delete headers["x-forwarded-host"];
  const socketProto = (request.socket as { encrypted?: boolean }).encrypted ? "https" : "http";
  const proto = trusted ? firstEntry(headers["x-forwarded-proto"]) : undefined;
  headers["x-forwarded-proto"] = proto === "https" || proto === "http" ? proto : socketProto;
  return true;
}
