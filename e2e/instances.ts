import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { chmodSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import pg from "pg";
import { startEmulator, type Emulator } from "@/lib/asana/emulator";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { E2E_PORT } from "./constants";

/**
 * App instances of their own for the deployment specs (graceful shutdown, several instances):
 * each started by the launcher exactly as `npm start` does, but on a PostgreSQL and an Asana
 * stand-in the spec owns, so that it can count what was stored against what upstream holds.
 * Ports: E2E_PORT + 30 (PostgreSQL), + 31 (the emulator), + 32 and + 33 (instances).
 */
export const INSTANCE_PORTS = [E2E_PORT + 32, E2E_PORT + 33] as const;
export const ADMIN = { email: "ops@example.com", password: "deployment-spec-password-42" } as const;
// Test-only values, never real secrets.
export const SESSION_SECRET = "deployment-spec-session-secret-0123456789";
export const SYNC_SECRET = "deployment-spec-sync-9f3a1c0b7e42d8a6";
export const METRICS_TOKEN = "deployment-spec-metrics-4b8e2d6f1a3c5e7b";

export interface Backend {
  url: string;
  emulator: Emulator;
  query<T extends pg.QueryResultRow>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** A PostgreSQL and an emulator whose pages come slowly (each request waits `latencyMs`). */
export async function startBackend(options: { events: number; latencyMs: number; seed: number }): Promise<Backend> {
  const dir = mkdtempSync(path.join(tmpdir(), "audit-e2e-deploy-"));
  chmodSync(dir, 0o755);
  const server: EmbeddedDatabase = await startEmbeddedPostgres({ dir: path.join(dir, "pg"), port: E2E_PORT + 30, ephemeral: true });
  const url = server.url("audit_dashboard");
  const emulator = await startEmulator({ host: "127.0.0.1", port: E2E_PORT + 31, rateLimit: false, maxConcurrent: false, seed: options.seed, events: options.events, defaultLimit: 100, faults: { latencyMs: options.latencyMs } });
  const pool = new pg.Pool({ connectionString: url, max: 2 });
  pool.on("error", () => undefined);
  return {
    url,
    emulator,
    query: async (sql, params) => (await pool.query(sql, params)).rows,
    close: async () => {
      await pool.end();
      await emulator.close();
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Instance {
  url: string;
  launcher: ChildProcess;
  /** Resolves when the launcher has exited: its code, signal, and ms since `stop` or `kill` was called. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  output: () => string;
  /** SIGTERM, as `docker stop` sends it. */
  terminate(): void;
  /** SIGKILL to the launcher and its server at once, as when a machine or container dies. */
  kill(): void;
  /** The pid of the web server the launcher runs (its child). */
  serverPid(): number | undefined;
}

// Launchers run in process groups of their own (kill() takes the server with them), so they
// do not die with the test's process: whatever a failed spec left running is killed here.
const started = new Set<ChildProcess>();
const killGroup = (launcher: ChildProcess) => {
  if (launcher.exitCode === null && launcher.signalCode === null) {
    try {
      process.kill(-launcher.pid!, "SIGKILL");
    } catch {
      // already gone
    }
  }
};
process.once("exit", () => started.forEach(killGroup));

/** Kills every instance a spec started and did not stop (for afterAll, before the backend closes). */
export async function killLeftInstances(): Promise<void> {
  const left = [...started].filter((l) => l.exitCode === null && l.signalCode === null);
  await Promise.all(left.map((l) => new Promise((resolve) => (l.once("exit", resolve), killGroup(l)))));
  started.clear();
}

export async function startInstance(backend: Backend, port: number, settings: Record<string, string> = {}): Promise<Instance> {
  const url = `http://localhost:${port}`;
  const launcher = spawn(process.execPath, ["--import", "tsx", "lib/server/launch.ts", "start"], {
    // Its own process group, so that kill() takes the server with it.
    detached: true,
    env: {
      NODE_ENV: "production",
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      PORT: String(port),
      DATABASE_URL: backend.url,
      ASANA_TOKEN: backend.emulator.token,
      ASANA_BASE_URL: backend.emulator.apiBase,
      ASANA_WORKSPACE_GIDS: backend.emulator.workspaceGid,
      NEXTAUTH_SECRET: SESSION_SECRET,
      NEXTAUTH_URL: url,
      SYNC_SECRET,
      METRICS_TOKEN,
      SYNC_INTERVAL: "2s",
      SYNC_BACKFILL_CONCURRENCY: "4",
      RECONCILE_ENABLED: "false",
      LOG_FORMAT: "json",
      LOG_LEVEL: "info",
      ...settings,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  started.add(launcher);
  let output = "";
  const keep = (chunk: Buffer) => void (output = (output + chunk.toString()).slice(-200_000));
  launcher.stdout!.on("data", keep);
  launcher.stderr!.on("data", keep);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => launcher.once("exit", (code, signal) => resolve({ code, signal })));
  const deadline = Date.now() + 300_000;
  for (;;) {
    if (launcher.exitCode !== null) throw new Error(`the instance on ${port} exited (${launcher.exitCode}): ${output.slice(-3_000)}`);
    if (await fetch(`${url}/api/health`).then((r) => r.ok, () => false)) break;
    if (Date.now() > deadline) throw new Error(`the instance on ${port} did not come up: ${output.slice(-3_000)}`);
    await new Promise((r) => setTimeout(r, 300));
  }
  return {
    url,
    launcher,
    exited,
    output: () => output,
    terminate: () => void launcher.kill("SIGTERM"),
    kill: () => killGroup(launcher),
    serverPid: () => {
      const children = spawnSync("pgrep", ["-P", String(launcher.pid)], { encoding: "utf8" }).stdout.trim().split("\n").filter(Boolean);
      return children.length ? Number(children[0]) : undefined;
    },
  };
}

/** The pid of the process holding the workspace's sync lock (lib/sync/lock.ts names its connection). */
export async function lockHolderPid(backend: Backend): Promise<number | undefined> {
  const rows = await backend.query<{ name: string }>(
    `SELECT a.application_name AS name FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
     WHERE l.locktype = 'advisory' AND l.granted AND a.application_name LIKE 'audit-dashboard sync lock pid=%'`,
  );
  const match = rows.length ? /pid=(\d+)/.exec(rows[0]!.name) : null;
  return match ? Number(match[1]) : undefined;
}

/** Creates the password admin the specs sign in as, with the app's own command. */
export function addAdmin(backend: Backend): void {
  const result = spawnSync(process.execPath, ["--import", "tsx", "lib/auth/cli.ts", "add", ADMIN.email, "--password-stdin"], {
    env: { PATH: process.env.PATH, NODE_ENV: "production", DATABASE_URL: backend.url, LOG_LEVEL: "warn" },
    input: `${ADMIN.password}\n`,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`npm run admin add failed: ${result.stderr}`);
}

/**
 * What must hold after any crash or shutdown: every page committed whole (the runs' counts of
 * new events add up to the stored events; the rollups equal a count over them), and no run
 * overlapping another of the same workspace.
 */
export async function archiveConsistency(backend: Backend) {
  const [sums] = await backend.query<{ events: number; counted: number; hourly: number; daily: number }>(
    `SELECT (SELECT count(*) FROM audit_event)::int AS events,
            (SELECT COALESCE(sum(events_new), 0) FROM sync_run WHERE kind = 'sync')::int AS counted,
            (SELECT COALESCE(sum(count), 0) FROM event_rollup_hourly)::int AS hourly,
            (SELECT COALESCE(sum(count), 0) FROM event_rollup_daily)::int AS daily`,
  );
  const runs = await backend.query<{ id: number; outcome: string; started: Date; finished: Date | null }>(
    `SELECT id, outcome, started_at AS started, finished_at AS finished FROM sync_run WHERE kind = 'sync' ORDER BY started_at, id`,
  );
  const overlaps = runs.slice(1).filter((run, i) => !runs[i]!.finished || runs[i]!.finished! > run.started).map((run) => run.id);
  return { ...sums!, runs, overlaps };
}

/**
 * How the stored events compare with upstream's: each event Asana serves now stored once with
 * its own JSON (none missing or changed), and how many are stored in all. Upstream's oldest
 * events leave its 90 days while a spec runs; the archive keeps them, so `stored` is compared
 * with the whole history the emulator generated.
 */
export async function storedSetDifferences(backend: Backend): Promise<{ missing: number; changed: number; stored: number }> {
  const upstream = backend.emulator.control.visibleEvents() as Array<{ gid: string }>;
  const stored = new Map((await backend.query<{ gid: string; raw: string }>("SELECT gid, raw::text AS raw FROM audit_event")).map((r) => [r.gid, r.raw]));
  let missing = 0;
  let changed = 0;
  for (const event of upstream) {
    const raw = stored.get(event.gid);
    if (raw === undefined) missing++;
    else if (JSON.stringify(JSON.parse(raw)) !== JSON.stringify(event)) changed++;
  }
  return { missing, changed, stored: stored.size };
}
