import { readFileSync } from "node:fs";
import { Agent, request as httpRequest } from "node:http";
import { ADMIN_STORAGE_STATE, E2E_PORT } from "./constants";

/**
 * Raw HTTP requests to the e2e server, for what a browser or Playwright's client will not
 * send: any method (TRACE), a declared length with no body, forged forwarding headers. Each
 * answer comes back with its status, the start of its body and how long it took.
 */
export interface Probe {
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  /** Declares this Content-Length and sends no body at all (the server must not wait for it). */
  declaredLength?: number;
}

export interface ProbeAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
  ms: number;
}

const keepAlive = new Agent({ keepAlive: true, maxSockets: 1 });

export function probe(p: Probe): Promise<ProbeAnswer> {
  const headers: Record<string, string> = { ...p.headers };
  if (p.declaredLength !== undefined) headers["content-length"] = String(p.declaredLength);
  else if (p.body !== undefined) headers["content-length"] = String(Buffer.byteLength(p.body));
  return new Promise((resolve, reject) => {
    const started = performance.now();
    // A request that declares a body it does not send leaves its connection unusable after.
    const agent = p.declaredLength !== undefined ? false : keepAlive;
    const req = httpRequest({ host: "127.0.0.1", port: E2E_PORT, path: p.path, method: p.method ?? "GET", headers, agent }, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on("data", (chunk: Buffer) => {
        if (size < 100_000) chunks.push(chunk);
        size += chunk.length;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks).toString("utf8"), ms: performance.now() - started }));
      res.on("error", reject);
    });
    req.setTimeout(60_000, () => req.destroy(new Error(`no answer in 60 s: ${p.method ?? "GET"} ${p.path.slice(0, 200)}`)));
    req.on("error", reject);
    if (p.declaredLength !== undefined) req.flushHeaders();
    else req.end(p.body);
  });
}

/** The saved admin session as a Cookie header (the "setup" project signs in once). */
export function adminCookie(): string {
  const state = JSON.parse(readFileSync(ADMIN_STORAGE_STATE, "utf8")) as { cookies: Array<{ name: string; value: string }> };
  return state.cookies.map((c) => `${c.name}=${c.value}`).join("; ");
}

/** The dashboard's own audit trail, newest first, as the admin reads it. */
export async function auditTrail(action?: string): Promise<Array<{ action: string; actorEmail: string | null; ip: string | null; details: unknown }>> {
  const answer = await probe({ path: `/api/audit?limit=50${action ? `&action=${action}` : ""}`, headers: { cookie: adminCookie() } });
  return (JSON.parse(answer.body) as { entries: Array<{ action: string; actorEmail: string | null; ip: string | null; details: unknown }> }).entries;
}
