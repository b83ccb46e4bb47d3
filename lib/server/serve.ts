/**
 * The HTTP server that `npm start` and `npm run dev` run as their child process (in place of
 * `next start` / `next dev`): Next.js behind the request gate, which is the only code that
 * sees the socket (the client's address, oversized bodies, TRACE; lib/server/request-gate.ts).
 */
import "@/lib/env-guard";
import { createServer } from "node:http";
import next from "next";
import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { MAX_REQUEST_BODY_BYTES, passGate } from "./request-gate";

async function serve(dev: boolean) {
  const settings = env();
  const app = next({ dev, port: settings.PORT, dir: process.cwd() });
  await app.prepare();
  const handle = app.getRequestHandler();
  const gate = { trustedProxyHops: settings.TRUSTED_PROXY_HOPS, maxBodyBytes: MAX_REQUEST_BODY_BYTES };
  const server = createServer((request, response) => {
    if (!passGate(request, response, gate)) return;
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
  // Open streams (an export) get a moment to finish; then the process goes regardless.
  const stop = () => {
    server.close(() => process.exit(0));
    setTimeout(() => process.exit(0), 5_000).unref();
  };
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}

serve(process.argv[2] === "dev").catch((error: unknown) => {
  log.fatal({ err: error }, "the web server could not start");
  process.exit(1);
});
