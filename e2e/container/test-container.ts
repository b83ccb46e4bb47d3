/**
 * `npm run test:container`: the image built from the repository's Dockerfile, run as
 * compose.yaml runs it, with Podman (README "Run with containers"):
 * base images built here (base-images.ts), the app's image from the Dockerfile with
 * --build-arg NODE_IMAGE, a PostgreSQL container and the app container in demo mode; waits
 * for both health checks, signs in with curl, sees the demo sync fill the database, backs the
 * database up with pg_dump and restores it into a new one (checked with the image's verify),
 * restarts the app container (SIGTERM: a graceful shutdown) and sees the data kept and the
 * session still good. Prints the image size, the cold start and the restart times.
 *
 * Ports: E2E_PORT + 20 (PostgreSQL) and + 21 (the app), on the host's network.
 */
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "yaml";
import { baseImages } from "./base-images";
import { healthy, log, podman, sh, waitFor } from "./podman";

const BASE_PORT = Number(process.env.E2E_PORT ?? 3100);
const DB_PORT = BASE_PORT + 20;
const APP_PORT = BASE_PORT + 21;
const APP_URL = `http://localhost:${APP_PORT}`;
const IMAGE = "localhost/asana-audit-dashboard:test";
const DB = "audit-test-db";
const APP = "audit-test-app";
const VOLUMES = ["audit-test-db-data", "audit-test-app-data"];
// Test-only values, never real secrets.
const POSTGRES_PASSWORD = "containertest0a1b2c3d4e5f";
const ADMIN = { email: "demo@example.com", password: "container-test-demo-password" };
const METRICS_TOKEN = "7d2f9b4e1a6c3e8f0b5d2a9c4e7f1b3d";
const DEMO_EVENTS = 5_000;
const ROOT = path.resolve(import.meta.dirname, "..", "..");

/** What compose.yaml gives each service, so that the test runs the containers the same way. */
function composeServices() {
  const compose = parse(readFileSync(path.join(ROOT, "compose.yaml"), "utf8")) as {
    services: { db: { environment: Record<string, string>; healthcheck: { test: string[] } }; app: { environment: Record<string, string> } };
  };
  return compose.services;
}

function removeAll() {
  podman(["rm", "-f", "-t", "0", APP, DB], { allowFailure: true });
  podman(["volume", "rm", "-f", ...VOLUMES], { allowFailure: true });
}

function curl(args: string[]): string {
  return sh(["curl", "-sS", "--max-time", "20", ...args]);
}

function signIn(jar: string): void {
  const csrf = (JSON.parse(curl(["-c", jar, "-b", jar, `${APP_URL}/api/auth/csrf`])) as { csrfToken: string }).csrfToken;
  const status = curl(["-o", "/dev/null", "-w", "%{http_code}", "-c", jar, "-b", jar, "-X", "POST", `${APP_URL}/api/auth/callback/credentials`, "--data-urlencode", `csrfToken=${csrf}`, "--data-urlencode", `email=${ADMIN.email}`, "--data-urlencode", `password=${ADMIN.password}`, "-d", "json=true"]);
  if (status !== "200") throw new Error(`sign-in answered ${status}`);
}

function status(jar: string): { code: string; eventsStored?: number; lastRun?: string } {
  const out = curl(["-w", "\n%{http_code}", "-b", jar, `${APP_URL}/api/status`]);
  const [body, code] = [out.slice(0, out.lastIndexOf("\n")), out.slice(out.lastIndexOf("\n") + 1)];
  if (code !== "200") return { code };
  const parsed = JSON.parse(body) as { eventsStored: number; workspaces: Array<{ lastRun?: { outcome: string } }> };
  return { code, eventsStored: parsed.eventsStored, lastRun: parsed.workspaces[0]?.lastRun?.outcome };
}

function countInDatabase(): number {
  return Number(podman(["exec", DB, "psql", "-p", String(DB_PORT), "-U", "audit", "-d", "audit_dashboard", "-tAc", "SELECT count(*) FROM audit_event"]));
}

const psql = (database: string, sql: string) => podman(["exec", DB, "psql", "-U", "audit", "-d", database, "-tAc", sql]);

/**
 * README "Deploying", Backups: pg_dump of the running archive, pg_restore into a new database,
 * and the image's own integrity check on the copy, with the original's chain heads.
 */
function backupAndRestore(): void {
  podman(["exec", DB, "sh", "-c", "pg_dump -U audit -Fc audit_dashboard > /tmp/audit.dump"]);
  podman(["exec", DB, "createdb", "-U", "audit", "audit_restored"]);
  podman(["exec", DB, "pg_restore", "-U", "audit", "-d", "audit_restored", "--no-owner", "/tmp/audit.dump"]);
  // The app is stopped (see the restart): the archive stands still while it is dumped.
  const fingerprint = `SELECT (SELECT count(*) FROM audit_event) || ' ' || (SELECT md5(string_agg(gid, ',' ORDER BY gid)) FROM audit_event)
    || ' ' || (SELECT sum(count) FROM event_rollup_hourly) || ' ' || (SELECT sum(count) FROM event_rollup_daily)
    || ' ' || (SELECT count(*) FROM seal_event) || ' ' || (SELECT count(*) FROM admin_user)`;
  const original = psql("audit_dashboard", fingerprint);
  const restored = psql("audit_restored", fingerprint);
  if (original !== restored) throw new Error(`the restored copy differs: ${restored} vs ${original}`);
  const verify = (database: string) =>
    podman(["run", "--rm", "--network", "host", "-e", `DATABASE_URL=postgresql://audit:${POSTGRES_PASSWORD}@127.0.0.1:${DB_PORT}/${database}`, "-e", "LOG_LEVEL=warn", IMAGE, "node", "dist/verify.mjs"]);
  const heads = (out: string) => out.split("\n").filter((l) => l.startsWith("Chain head")).join("\n");
  const [fromOriginal, fromCopy] = [verify("audit_dashboard"), verify("audit_restored")];
  if (heads(fromOriginal) !== heads(fromCopy)) throw new Error(`chain heads differ:\n${fromOriginal}\n---\n${fromCopy}`);
  log(`backup: pg_dump, pg_restore into a new database: same events, rollups and seals (${original.split(" ")[0]} events); verify passes on the copy${heads(fromCopy) ? ` (${heads(fromCopy).split("\n").length} chain head(s) equal)` : ""}`);
}

function startApp(compose: ReturnType<typeof composeServices>) {
  const environment = {
    ...compose.app.environment,
    PORT: String(APP_PORT),
    DATABASE_URL: `postgresql://audit:${POSTGRES_PASSWORD}@127.0.0.1:${DB_PORT}/audit_dashboard`,
    NEXTAUTH_SECRET: "container-test-session-secret-0123456789abcdef",
    NEXTAUTH_URL: APP_URL,
    DEMO_ADMIN_PASSWORD: ADMIN.password,
    DEMO_EVENTS: String(DEMO_EVENTS),
    DEMO_LIVE_RATE: "0",
    SYNC_INTERVAL: "5s",
    METRICS_TOKEN,
  };
  podman(["run", "-d", "--name", APP, "--network", "host", "--init", "-v", `${VOLUMES[1]}:/app/.data`, ...Object.entries(environment).flatMap(([k, v]) => ["-e", `${k}=${v}`]), IMAGE]);
}

async function main() {
  const started = Date.now();
  const compose = composeServices();
  removeAll();
  const bases = baseImages();
  log(`bases ready in ${Math.round((Date.now() - started) / 1000)} s`);

  const buildStarted = Date.now();
  podman(["build", "--network", "host", "--format", "docker", "--build-arg", `NODE_IMAGE=${bases.node}`, "-t", IMAGE, "-f", path.join(ROOT, "Dockerfile"), ROOT], { quiet: false });
  const size = Number(podman(["image", "inspect", "--format", "{{.Size}}", IMAGE]));
  const baseSize = Number(podman(["image", "inspect", "--format", "{{.Size}}", bases.node]));
  log(`app image built in ${Math.round((Date.now() - buildStarted) / 1000)} s: ${(size / 1e6).toFixed(0)} MB (of which the Node base ${(baseSize / 1e6).toFixed(0)} MB)`);

  const jar = path.join(mkdtempSync(path.join(tmpdir(), "audit-container-")), "cookies");
  try {
    const dbEnv = { ...compose.db.environment, POSTGRES_PASSWORD, PGPORT: String(DB_PORT) };
    const health = compose.db.healthcheck.test.at(-1)!.replace("pg_isready", `pg_isready -h 127.0.0.1 -p ${DB_PORT}`);
    podman(["run", "-d", "--name", DB, "--network", "host", "-v", `${VOLUMES[0]}:/var/lib/postgresql/data`, "--health-cmd", health, ...Object.entries(dbEnv).flatMap(([k, v]) => ["-e", `${k}=${v}`]), bases.postgres]);
    await waitFor("the database's health check", 120_000, () => healthy(DB));
    log("database healthy");

    // Cold start: from `podman run` to the image's own HEALTHCHECK passing.
    const coldStarted = Date.now();
    startApp(compose);
    await waitFor("the app's health check", 180_000, () => healthy(APP));
    const coldStart = (Date.now() - coldStarted) / 1000;
    log(`app healthy ${coldStart.toFixed(1)} s after podman run (migrations, demo organisation, server)`);

    const page = (url: string, cookies: boolean) => curl(["-o", "/dev/null", "-w", "%{http_code}", ...(cookies ? ["-b", jar] : []), `${APP_URL}${url}`]);
    if (page("/login", false) !== "200") throw new Error("the sign-in page did not answer 200");
    signIn(jar);
    if (page("/", true) !== "200" || page("/events", true) !== "200") throw new Error("a signed-in page did not answer 200");
    const anonymous = curl(["-o", "/dev/null", "-w", "%{http_code}", `${APP_URL}/api/status`]);
    if (anonymous !== "401") throw new Error(`anonymous /api/status answered ${anonymous}`);
    const filled = await waitFor(`the demo sync to store the demo's ${DEMO_EVENTS} events`, 180_000, () => {
      const s = status(jar);
      return s.eventsStored !== undefined && s.eventsStored >= DEMO_EVENTS && s.lastRun === "succeeded" ? s.eventsStored : undefined;
    });
    const inDatabase = countInDatabase();
    log(`demo sync stored ${filled} events (${inDatabase} in PostgreSQL)`);
    const metrics = curl(["-H", `Authorization: Bearer ${METRICS_TOKEN}`, `${APP_URL}/api/metrics`]);
    if (!/^audit_events_stored\{workspace="\d+"\} \d+/m.test(metrics)) throw new Error("the metrics lack audit_events_stored");

    const admins = podman(["exec", APP, "node", "dist/admin.mjs", "list"]);
    if (!admins.includes(ADMIN.email)) throw new Error(`the image's admin command did not list the demo admin: ${admins}`);

    // The restart, with the backup taken while the app is stopped: a running app goes on
    // reconciling and sealing days, so only a standing archive can be compared with its copy.
    const restartStarted = Date.now();
    podman(["stop", "-t", "30", APP]);
    const stopped = (Date.now() - restartStarted) / 1000;
    backupAndRestore();
    const startedAgain = Date.now();
    podman(["start", APP]);
    await waitFor("the app's health check after the restart", 180_000, () => healthy(APP));
    log(`restart: stopped (SIGTERM) in ${stopped.toFixed(1)} s; back to healthy ${((Date.now() - startedAgain) / 1000).toFixed(1)} s after the start`);
    const logs = spawnSync("podman", ["logs", APP], { encoding: "utf8" });
    if (!/shut down cleanly/.test(`${logs.stdout}${logs.stderr}`)) throw new Error("the app did not log a clean shutdown on SIGTERM");

    const after = status(jar);
    if (after.code !== "200") throw new Error(`the session from before the restart answered ${after.code}`);
    if ((after.eventsStored ?? 0) < filled || countInDatabase() < inDatabase) throw new Error(`data lost across the restart: ${after.eventsStored} < ${filled}`);
    log(`after the restart: ${after.eventsStored} events, the session from before still signed in`);
    log(`PASSED in ${Math.round((Date.now() - started) / 1000)} s — image ${(size / 1e6).toFixed(0)} MB, cold start ${coldStart.toFixed(1)} s`);
  } catch (error) {
    for (const name of [APP, DB]) {
      const out = spawnSync("podman", ["logs", "--tail", "40", name], { encoding: "utf8" });
      process.stderr.write(`--- ${name} logs ---\n${out.stdout}${out.stderr}\n`);
    }
    throw error;
  } finally {
    rmSync(path.dirname(jar), { recursive: true, force: true });
    if (!process.env.KEEP_CONTAINERS) removeAll();
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`[container] FAILED: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
