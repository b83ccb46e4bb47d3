/**
 * `npm start` / `npm run dev`: everything the app needs before Next.js serves it.
 * With no DATABASE_URL it runs an embedded PostgreSQL; with no Asana token it runs the
 * built-in Asana emulator with a synthetic organisation (demo mode). Then it applies
 * migrations, builds when the build is missing or stale, and runs Next.js as a child
 * process with the resulting settings.
 *
 * The container image runs this file bundled (lib/server/bundle-standalone.ts) from the
 * standalone build: there it starts the bundled server beside it and never builds.
 */
import "@/lib/env-guard";
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { appUrl, authSecret, env, environmentForChild, isDemoMode } from "@/lib/env";
import { exitOnConfigurationError } from "@/lib/env-guard";
import { log } from "@/lib/log";
import { ensureDatabase, migrate } from "@/lib/db/migrate";
import { startDemoUpstream } from "@/lib/asana/demo";
import { DEFAULT_WORKSPACE_GID } from "@/lib/asana/emulator/organisation";
import { createDbClient } from "@/lib/db/client";
import { demoSessionSecret, ensureDemoAdmin } from "@/lib/auth/demo-admin";
import { buildIsStale } from "./build-freshness";
import { superviseServer } from "./supervise";

const NEXT_BIN = "node_modules/next/dist/bin/next";
const SERVER_ENTRY = "lib/server/serve.ts";
// Bundled, this module is dist/launch.mjs and the server dist/serve.mjs beside it.
const SELF = fileURLToPath(import.meta.url);
const BUNDLED = path.extname(SELF) === ".mjs";
const serverCommand = (mode: string) => (BUNDLED ? [path.join(path.dirname(SELF), "serve.mjs"), mode] : ["--import", "tsx", SERVER_ENTRY, mode]);

async function main(mode: "start" | "dev") {
  const settings = env();
  const cleanups: Array<() => Promise<void>> = [];
  // An audit tool makes no calls home: Next.js telemetry is off.
  const childEnv: NodeJS.ProcessEnv = { ...environmentForChild(), NEXT_TELEMETRY_DISABLED: "1", LOG_FORMAT: settings.LOG_FORMAT ?? (process.stdout.isTTY ? "pretty" : "json") };

  // Before anything starts: a deployment without a session secret must not come up.
  const demo = isDemoMode(settings);
  const dataDir = path.dirname(path.resolve(settings.EMBEDDED_PG_DIR));
  childEnv.NEXTAUTH_SECRET = demo && !settings.NEXTAUTH_SECRET ? await demoSessionSecret(dataDir) : authSecret(settings);
  childEnv.NEXTAUTH_URL = appUrl(settings);

  let databaseUrl = settings.DATABASE_URL;
  if (!databaseUrl) {
    // Imported only here: the container image has no embedded server (it needs DATABASE_URL).
    const { startEmbeddedPostgres } = await import("@/lib/db/embedded");
    const server = await startEmbeddedPostgres({ dir: settings.EMBEDDED_PG_DIR, port: settings.EMBEDDED_PG_PORT, logger: log });
    cleanups.push(server.stop);
    databaseUrl = server.url("audit_dashboard");
    log.info({ dir: settings.EMBEDDED_PG_DIR, port: server.port }, "embedded PostgreSQL is running (set DATABASE_URL to use your own server)");
  } else {
    log.info({ host: new URL(databaseUrl).host }, "using the PostgreSQL server from DATABASE_URL");
  }
  await ensureDatabase(databaseUrl);
  const { applied, total } = await migrate(databaseUrl, log);
  log.info({ applied: applied.length, total }, "database schema is up to date");
  childEnv.DATABASE_URL = databaseUrl;

  let demoAdmin: { email: string; password: string } | undefined;
  if (demo) {
    const client = createDbClient(databaseUrl, 1);
    const { admin, quietSince } = await Promise.all([
      ensureDemoAdmin(client, dataDir, settings.DEMO_ADMIN_PASSWORD),
      client.auditEvent.aggregate({ _max: { createdAt: true }, where: { workspaceGid: DEFAULT_WORKSPACE_GID } }),
    ])
      .then(([admin, newest]) => ({ admin, quietSince: newest._max.createdAt }))
      .finally(() => client.$disconnect());
    demoAdmin = admin;
    const upstream = await startDemoUpstream({ events: settings.DEMO_EVENTS, seed: settings.DEMO_SEED, liveRate: settings.DEMO_LIVE_RATE, hostile: settings.DEMO_HOSTILE, dataDir, quietSince, logger: log });
    cleanups.push(upstream.close);
    if (upstream.filled > 0) log.info({ events: upstream.filled, since: quietSince }, "demo organisation: events added for the time the app was off");
    Object.assign(childEnv, {
      DEMO_MODE: "true",
      ASANA_BASE_URL: upstream.baseUrl,
      ASANA_TOKEN: upstream.token,
      ASANA_WORKSPACE_GIDS: upstream.workspaceGid,
    });
    log.warn(
      { emulator: upstream.baseUrl, events: settings.DEMO_EVENTS },
      "DEMO MODE: no ASANA_TOKEN is set, so a built-in Asana emulator with a synthetic organisation stands in for Asana. Set ASANA_TOKEN and ASANA_WORKSPACE_GIDS to sync your real domain.",
    );
  }

  if (mode === "start" && !BUNDLED && buildIsStale()) {
    log.info("building the app (first start, or sources changed since the last build)");
    const build = spawnSync(process.execPath, [NEXT_BIN, "build"], { stdio: "inherit", env: { ...childEnv, NODE_ENV: "production" } });
    if (build.status !== 0) throw new Error("next build failed");
  }

  if (demoAdmin) {
    // Printed at warn so that it shows at every log level but "error": it is the way in.
    log.warn({ email: demoAdmin.email }, `DEMO ADMIN: sign in at ${appUrl(settings)}/login as ${demoAdmin.email} with password ${demoAdmin.password}`);
  }

  // Next.js runs inside the app's own HTTP server (lib/server/serve.ts), behind its request
  // gate. Like `next start` and `next dev`, it gets the NODE_ENV of its mode unless one is set:
  // React picks its production or development build from it at run time.
  const serverEnv = { ...childEnv, NODE_ENV: childEnv.NODE_ENV ?? (mode === "dev" ? "development" : "production") };
  const next: ChildProcess = spawn(process.execPath, serverCommand(mode), { stdio: "inherit", env: serverEnv });
  log.info({ url: `http://localhost:${settings.PORT}` }, "dashboard starting");

  // The server bounds its own shutdown by SHUTDOWN_TIMEOUT; the launcher allows a little more.
  process.exit(await superviseServer(next, cleanups, log, process, settings.SHUTDOWN_TIMEOUT + 5_000));
}

const mode = process.argv[2] === "dev" ? "dev" : "start";
main(mode).catch((error: unknown) => {
  exitOnConfigurationError(error);
  log.fatal({ err: error }, "start-up failed");
  process.exit(1);
});
