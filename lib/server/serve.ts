/**
 * The HTTP server that `npm start` and `npm run dev` run as their child process (in place of
 * `next start` / `next dev`), and that the container image runs from the standalone build:
 * Next.js behind the request gate, which is the only code that sees the socket (the client's
 * address, oversized bodies, TRACE; lib/server/request-gate.ts).
 */
import "@/lib/env-guard";
import { existsSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import path from "node:path";
import next from "next";
import { env, exportStandaloneConfigForNext } from "@/lib/env";
import { shutDown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";
import { recordHttpRequest } from "@/lib/metrics/registry";
import { MAX_REQUEST_BODY_BYTES, passGate } from "./request-gate";

/**
 * In the standalone build (the container image) there is no next.config.js: Next.js gets the
 * config the build resolved, as the server.js it writes there does. From sources it reads
 * next.config.js itself.
 */
function standaloneConfig(dir: string): Record<string, unknown> | undefined {
  const required = path.join(dir, ".next", "required-server-files.json");
  if (existsSync(path.join(dir, "next.config.js")) || !existsSync(required)) return undefined;
  const { config } = JSON.parse(readFileSync(required, "utf8")) as { config: Record<string, unknown> };
  exportStandaloneConfigForNext(config);
  return config;
}

const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);

/**
 * Counts what the route wrapper (lib/http/route.ts) does not see: pages, static files and
 * requests the gate refused. API routes (next-auth's too) count themselves, by name.
 * Labels come from a fixed set, never from the URL.
 */
function measure(request: IncomingMessage, response: ServerResponse, refused: () => boolean): void {
  const url = request.url ?? "/";
  const started = performance.now();
  const method = METHODS.has(request.method ?? "") ? request.method! : "other";
  // Listening before the gate runs: a refusal is answered (and finished) within it.
  response.once("finish", () => {
    const route = refused() ? "(gate)" : url.startsWith("/_next/") ? "(static)" : url.startsWith("/api/") ? undefined : "(page)";
    if (route) recordHttpRequest(route, method, response.statusCode, (performance.now() - started) / 1_000);
  });
}

async function serve(dev: boolean) {
  const settings = env();
  const dir = process.cwd();
  const conf = dev ? undefined : standaloneConfig(dir);
  const app = next({ dev, port: settings.PORT, dir, ...(conf ? { conf } : {}) });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate = { trustedProxyHops: settings.TRUSTED_PROXY_HOPS, maxBodyBytes: MAX_REQUEST_BODY_BYTES };
  let stopping = false;
  const server = createServer((request, response) => {
    if (stopping) {
      // A request on a connection kept alive from before: answered, and the connection closed.
      response.writeHead(503, { "content-type": "application/json", connection: "close", "retry-after": "5" });
      response.end(JSON.stringify({ error: { code: "shutting_down", message: "The server is restarting; try again in a few seconds." } }));
      return;
    }
    let passed = false;
    measure(request, response, () => !passed);
    passed = passGate(request, response, gate);
    if (!passed) return;
    handle(request, response).catch((err: unknown) => {
      log.error({ err, url: request.url?.slice(0, 200) }, "request failed outside the app's routes");
      if (!response.headersSent) response.writeHead(500, { "content-type": "application/json" });
      response.end();
    });
  });
  // A client that declares a body and sends it slowly, or never, is cut off: the dashboard's
  // requests are small, and each one waiting holds memory and a route.
  server.headersTimeout = 20_000;
  server.requestTimeout = 30_000;
  if (dev) {
    const upgrade = app.getUpgradeHandler();
    server.on("upgrade", (request, socket, head) => void upgrade(request, socket, head));
  }
  server.listen(settings.PORT, () => log.info({ port: settings.PORT, trustedProxyHops: settings.TRUSTED_PROXY_HOPS }, "dashboard listening"));

  // SIGTERM (docker stop, a rolling deploy): no new connections; the sync commits or abandons
  // its current page and releases its lock; open requests (an export) get the same time; the
  // pools close; the process exits within SHUTDOWN_TIMEOUT whatever is still running.
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    const started = Date.now();
    log.info({ signal, boundMs: settings.SHUTDOWN_TIMEOUT }, "shutting down: no new requests; waiting for the sync's current page and open requests");
    const requestsDone = new Promise<void>((resolve) => server.close(() => resolve()));
    server.closeIdleConnections();
    const bound = Math.max(0, settings.SHUTDOWN_TIMEOUT - 250);
    const work = await shutDown(bound, (err) => log.error({ err }, "shutdown step failed"));
    const left = Math.max(0, bound - (Date.now() - started));
    const requests = await Promise.race([requestsDone.then(() => "done" as const), new Promise<"timed out">((r) => setTimeout(() => r("timed out"), left).unref())]);
    if (work === "done" && requests === "done") log.info({ ms: Date.now() - started }, "shut down cleanly");
    else log.warn({ ms: Date.now() - started, work, requests }, "SHUTDOWN_TIMEOUT reached: exiting with work still open (the sync goes on from its last committed page at the next start)");
    process.exit(0);
  };
  process.on("SIGTERM", (signal) => void stop(signal));
  process.on("SIGINT", (signal) => void stop(signal));
}

serve(process.argv[2] === "dev").catch((error: unknown) => {
  log.fatal({ err: error }, "the web server could not start");
  process.exit(1);
});
