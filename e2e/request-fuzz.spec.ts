import { boundaryCursors, EVENT_KEYS, generator, HOSTILE, VALID } from "../lib/testing/hostile-values";
import { expect, test } from "./fixtures";
import { adminCookie, probe, type Probe } from "./http-probe";
import { walkRoutes } from "./route-walk";

/**
 * Issue #13's request fuzzing, against the running server: thousands of generated requests
 * over every route (pages and API, found by the same walk as route-walk.spec.ts), every
 * method (TRACE, HEAD and OPTIONS included), hostile path segments, parameters with boundary
 * dates, malformed and exotic addresses, hostile cursors, huge and Unicode values, bodies
 * that are malformed, Unicode, oversized or only declared. No answer may be a 5xx or carry a
 * stack trace, and each must come within a bound.
 */
const REQUESTS = 2_400;
const MAX_MS = 10_000;
const SAMPLE = "1200000000000001";
const METHODS = ["GET", "GET", "GET", "GET", "HEAD", "OPTIONS", "POST", "POST", "PUT", "PATCH", "DELETE", "TRACE"];
const OTHER_KEYS = ["action", "actor", "cursor", "limit", "q", "type", "sort", "page", "stack", "callbackUrl", "error", "signedOut", "url", "w"];
const EXTRA_PATHS = ["/_next/image", "/login", "/api/auth/session", "/api/auth/csrf", "/api/auth/callback/credentials", "/api/auth/signin/oidc", "/api/nothing-here", "/_next/static/x.js", "/favicon.ico"];

/** Percent-encoded, lone surrogates included (as U+FFFD, which is what a browser sends for them). */
const encode = (value: string) => encodeURIComponent(value.toWellFormed());

const auditCursors = () => boundaryCursors().map((c) => Buffer.from(`${c.split("~")[0]}|6f1c2b1e-0000-4000-8000-000000000000`).toString("base64url"));

function requestFor(seed: number, paths: string[], cookie: string): Probe & { method: string } {
  const { next, pick } = generator(seed);
  let path = pick(paths);
  // A hostile value in place of a dynamic segment (a gid, a saved query's id, a panel).
  if (path.includes(SAMPLE) && next() < 0.5) path = path.replace(SAMPLE, encode(pick(HOSTILE)) || "%20");
  const params = new URLSearchParams();
  const count = Math.floor(next() * 6);
  for (let i = 0; i < count; i++) {
    const key = next() < 0.75 ? pick(EVENT_KEYS) : pick(OTHER_KEYS);
    const valid = VALID[key.replace(/^not_/, "")];
    const value = key === "cursor" && next() < 0.5 ? pick(auditCursors()) : valid && next() < 0.35 ? pick(valid) : pick(HOSTILE);
    params.append(key, value);
  }
  const search = params.toString();
  const method = pick(METHODS);
  const headers: Record<string, string> = {};
  const who = next();
  if (who < 0.8) headers.cookie = cookie;
  else if (who < 0.88) headers.cookie = `next-auth.session-token=${encode(pick(HOSTILE)).slice(0, 3_000)}`;
  if (next() < 0.1) headers["x-forwarded-for"] = encode(pick(HOSTILE)).slice(0, 200) || "1.2.3.4::";
  if (next() < 0.1) headers["x-request-id"] = encode(pick(HOSTILE)).slice(0, 500) || "x";
  const probe: Probe & { method: string } = { method, path: `${path}${search ? `?${search}` : ""}`, headers };
  if (method === "GET" || method === "HEAD" || method === "OPTIONS" || method === "TRACE") return probe;
  headers["content-type"] = next() < 0.8 ? "application/json" : "application/x-www-form-urlencoded";
  const body = next();
  if (body < 0.3) probe.body = JSON.stringify({ name: pick(HOSTILE), note: pick(HOSTILE), search: `?${search}`, timeMode: pick(["relative", "absolute", "x"]) });
  else if (body < 0.45) probe.body = pick(HOSTILE);
  else if (body < 0.55) probe.body = `{"a":${"[".repeat(5_000)}`;
  else if (body < 0.65) probe.body = JSON.stringify({ text: "\u{1F4A9}\u200b\u202e".repeat(2_000) });
  else if (body < 0.75) probe.body = "x".repeat(300_000);
  else if (body < 0.8) probe.declaredLength = 60_000_000;
  else if (body < 0.85) probe.declaredLength = 300_000;
  return probe;
}

test("case 5 and the fuzzing of every route: thousands of hostile requests, no 5xx, no stack trace, each within a bound", async () => {
  test.setTimeout(900_000);
  const routes = walkRoutes();
  // Pages render whole documents: a sixth of the requests go to them, the rest to the API.
  const api = routes.filter((r) => r.kind === "api").map((r) => r.url);
  const pages = routes.filter((r) => r.kind === "page").map((r) => r.url);
  const cookie = adminCookie();
  const statuses = new Map<number, number>();
  const slowest: Array<{ ms: number; what: string }> = [];
  const failures: string[] = [];
  for (let seed = 1; seed <= REQUESTS; seed++) {
    const paths = seed % 6 === 0 ? [...pages, ...EXTRA_PATHS] : api;
    const p = requestFor(seed, paths, cookie);
    const what = `seed ${seed}: ${p.method} ${p.path.slice(0, 160)}${p.declaredLength ? ` (declares ${p.declaredLength} bytes)` : p.body ? ` (${Buffer.byteLength(p.body)} bytes)` : ""}`;
    const answer = await probe(p);
    statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    slowest.push({ ms: answer.ms, what });
    if (answer.status >= 500) failures.push(`${what} → ${answer.status} ${answer.body.slice(0, 200)}`);
    if (/\n\s+at \S+ \(|node_modules|PrismaClient/.test(answer.body)) failures.push(`${what}: the answer shows internals`);
    if (answer.ms > MAX_MS) failures.push(`${what}: took ${Math.round(answer.ms)} ms`);
  }
  slowest.sort((a, b) => b.ms - a.ms);
  const summary = { requests: REQUESTS, statuses: Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])), slowestMs: Math.round(slowest[0]!.ms), slowest: slowest.slice(0, 3).map((s) => `${Math.round(s.ms)} ms ${s.what}`) };
  test.info().annotations.push({ type: "fuzz", description: JSON.stringify(summary) });
  process.stdout.write(`request fuzz: ${JSON.stringify(summary)}\n`);
  expect(failures).toEqual([]);
  // The generator reaches every kind of answer, not only refusals.
  for (const status of [200, 400, 401, 404, 405, 413]) expect(statuses.get(status) ?? 0, `answers with ${status}`).toBeGreaterThan(10);
});
