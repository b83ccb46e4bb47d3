/**
 * `npm run bench:sync`: how fast the sync fills a fresh database.
 *   1. Throughput: the emulator (in a child process, so it does not share this process's
 *      memory figure) serves 1,000,000 events with no rate limit; a full sync from an empty
 *      database; prints events/s and the sync process's peak memory.
 *   2. Rate budget: each emulator answer takes 300 ms and the token may make 1,500 requests a
 *      minute; prints the share of that budget the sync uses over a timed run.
 * Options: --events N (default 1000000), --budget-seconds S (default 60), --skip-budget,
 * --no-rules (store without the built-in detection rules judging each page), --rules ID,ID
 * (only these built-in rules judge: what one rule costs).
 */
import { spawn } from "node:child_process";
import { chmod, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import pino from "pino";
import { startEmbeddedPostgres } from "@/lib/db/embedded";
import { overrideEnv } from "@/lib/env";
import { ensureDatabase, migrate } from "@/lib/db/migrate";
import { freePort } from "@/lib/db/embedded";

const argv = process.argv.slice(2);
const flag = (name: string, fallback: number) => {
  const i = argv.indexOf(`--${name}`);
  return i >= 0 ? Number(argv[i + 1]) : fallback;
};
const EVENTS = flag("events", 1_000_000);
const BUDGET_SECONDS = flag("budget-seconds", 60);
const logger = pino({ level: "warn" });

async function main() {
  const dir = await mkdtemp(path.join(tmpdir(), "audit-bench-"));
  await chmod(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), ephemeral: true });
  try {
    // The modules under test read these settings on first use: set them before importing them.
    const url = pg.url("bench");
    await ensureDatabase(url);
    await migrate(url);
    overrideEnv({ DATABASE_URL: url, LOG_LEVEL: "warn", QUERY_TIMEOUT: 0 });
    await throughput(url, path.join(dir, "pg"));
    if (!argv.includes("--skip-budget")) await budgetShare();
  } finally {
    await pg.stop();
    await rm(dir, { recursive: true, force: true });
  }
}

/**
 * CPU seconds PostgreSQL has used so far: the postmaster and its live processes, plus the
 * processes it has already reaped (cutime, cstime), from /proc. Linux only, as the machine.
 */
async function postgresCpuSeconds(dataDir: string): Promise<number> {
  const { readFile, readdir } = await import("node:fs/promises");
  const tick = 100; // USER_HZ on Linux
  const postmaster = Number((await readFile(path.join(dataDir, "postmaster.pid"), "utf8")).split("\n")[0]);
  const fields = async (pid: string | number) => (await readFile(`/proc/${pid}/stat`, "utf8").catch(() => "")).replace(/^.*\) /, "").split(" ");
  const own = await fields(postmaster);
  let ticks = Number(own[11]) + Number(own[12]) + Number(own[13]) + Number(own[14]);
  for (const pid of (await readdir("/proc")).filter((entry) => /^\d+$/.test(entry))) {
    const f = await fields(pid);
    if (Number(f[1]) === postmaster) ticks += Number(f[11]) + Number(f[12]);
  }
  return ticks / tick;
}

async function throughput(url: string, dataDir: string) {
  const { AsanaClient } = await import("@/lib/asana/client");
  const { RateLimiter } = await import("@/lib/asana/rate-limiter");
  const { syncWorkspace } = await import("./run-sync");
  const { db } = await import("@/lib/db/client");

  const port = await freePort();
  const child = spawn(process.execPath, ["--import", "tsx", "lib/asana/emulator/cli.ts", "--port", String(port), "--events", String(EVENTS), "--no-rate-limit", "--token", "bench-token", "--log-level", "warn"], { stdio: ["ignore", "ignore", "inherit"] });
  try {
    await waitForPort(port);
    process.stdout.write(`sync throughput: ${EVENTS.toLocaleString("en-US")} events, fresh database at ${new URL(url).host}\n`);
    let peakRss = process.memoryUsage().rss;
    const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 100);
    const client = new AsanaClient({ baseUrl: `http://127.0.0.1:${port}/api/1.0`, token: "bench-token", limiter: new RateLimiter({ perMinute: 10_000_000 }), logger });
    // Every page is judged by the built-in detection rules, as in the app (--no-rules: by none).
    if (!argv.includes("--no-rules")) await (await import("@/lib/detections/builtin-sync")).ensureBuiltinRules();
    const only = argv.indexOf("--rules");
    if (only >= 0) await db().detectionRule.updateMany({ where: { id: { notIn: (argv[only + 1] ?? "").split(",") } }, data: { enabled: false } });
    const started = performance.now();
    const cpuBefore = { sync: process.cpuUsage(), postgres: await postgresCpuSeconds(dataDir) };
    const result = await syncWorkspace({
      workspaceGid: "1200000000000001",
      client,
      trigger: "bench",
      limits: { maxPages: 1_000_000, maxRunMs: 3_600_000, concurrency: 4, overlapMs: 3_600_000, backfillDays: 90, writers: 2 },
      logger,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    const stored = await db().auditEvent.count();
    if (result.status !== "ran" || result.outcome !== "succeeded" || stored !== EVENTS) throw new Error(`sync did not complete: ${JSON.stringify(result)}, ${stored} stored`);
    process.stdout.write(`  stored ${stored.toLocaleString("en-US")} events in ${seconds.toFixed(1)} s: ${Math.round(stored / seconds).toLocaleString("en-US")} events/s\n`);
    process.stdout.write(`  peak memory of the sync process: ${Math.round(peakRss / 1024 / 1024)} MiB RSS\n`);
    process.stdout.write(`  detection rules judging each page: ${await db().detectionRule.count({ where: { enabled: true } })}, alerts raised: ${await db().alert.count()}\n`);
    // For sizing (README "Deploying"): CPU of the app's sync and of PostgreSQL per 1,000 events
    // stored (the emulator, standing in for Asana, is a process of its own and not counted), and
    // the database's size on disk per million events.
    const syncCpu = process.cpuUsage(cpuBefore.sync);
    const syncSeconds = (syncCpu.user + syncCpu.system) / 1e6;
    const postgresSeconds = (await postgresCpuSeconds(dataDir)) - cpuBefore.postgres;
    const perThousand = (x: number) => ((x / stored) * 1000 * 1000).toFixed(0);
    process.stdout.write(`  CPU per 1,000 events stored: ${perThousand(syncSeconds + postgresSeconds)} ms (sync process ${perThousand(syncSeconds)} ms, PostgreSQL ${perThousand(postgresSeconds)} ms)\n`);
    await db().$executeRawUnsafe("CHECKPOINT");
    const [size] = await db().$queryRaw<{ database: bigint; events: bigint }[]>`
      SELECT pg_database_size(current_database()) AS database, pg_total_relation_size('audit_event') AS events`;
    const perMillion = (bytes: bigint) => ((Number(bytes) / stored) * 1e6 / 1024 ** 3).toFixed(2);
    process.stdout.write(`  storage per million events: ${perMillion(size!.database)} GiB database (audit_event with its indexes ${perMillion(size!.events)} GiB)\n`);
    await db().$disconnect();
  } finally {
    child.kill();
  }
}

async function budgetShare() {
  const { AsanaClient } = await import("@/lib/asana/client");
  const { RateLimiter } = await import("@/lib/asana/rate-limiter");
  const { startEmulator } = await import("@/lib/asana/emulator");
  const { syncWorkspace } = await import("./run-sync");
  const { db } = await import("@/lib/db/client");
  await db().$executeRawUnsafe("TRUNCATE audit_event, actor, event_rollup_hourly, event_rollup_daily, event_facet_rollup_daily, event_facet_rollup_hourly, event_value_rollup_monthly, workspace_sync_state, sync_run, quarantined_event RESTART IDENTITY CASCADE");

  const perMinute = 1_500;
  const emulator = await startEmulator({ host: "127.0.0.1", events: 2_000_000, seed: 9, rateLimit: { requests: perMinute, windowMs: 60_000 }, faults: { latencyMs: 300 }, logger });
  try {
    process.stdout.write(`rate budget: ${perMinute} requests/min, every answer takes 300 ms, ${BUDGET_SECONDS} s run\n`);
    const client = new AsanaClient({ baseUrl: emulator.apiBase, token: emulator.token, limiter: new RateLimiter({ perMinute: perMinute * 0.98, burst: 5 }), logger });
    const started = performance.now();
    await syncWorkspace({
      workspaceGid: emulator.workspaceGid,
      client,
      trigger: "bench",
      limits: { maxPages: 1_000_000, maxRunMs: BUDGET_SECONDS * 1000, concurrency: 12, overlapMs: 3_600_000, backfillDays: 90, writers: 2 },
      logger,
    });
    const seconds = (performance.now() - started) / 1000;
    const answered = emulator.stats.pagesServed;
    const share = answered / ((perMinute / 60) * seconds);
    process.stdout.write(`  ${answered} pages in ${seconds.toFixed(1)} s = ${(answered / seconds).toFixed(1)} requests/s; ${emulator.stats.rateLimited} refused with 429\n`);
    process.stdout.write(`  share of the rate budget used: ${(share * 100).toFixed(1)}%\n`);
  } finally {
    await emulator.close();
    await db().$disconnect();
  }
}

async function waitForPort(port: number) {
  for (let i = 0; i < 600; i++) {
    const ok = await fetch(`http://127.0.0.1:${port}/api/1.0/workspaces/1/audit_log_events`).then(() => true, () => false);
    if (ok) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("emulator did not start");
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  },
);
