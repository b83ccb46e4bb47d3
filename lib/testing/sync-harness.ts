import { spawn, type ChildProcess } from "node:child_process";
import pino from "pino";
import { expect } from "vitest";
import { AsanaClient } from "@/lib/asana/client";
import { startEmulator, type Emulator, type EmulatorOptions } from "@/lib/asana/emulator";
import { RateLimiter } from "@/lib/asana/rate-limiter";
import { db } from "@/lib/db/client";
import { reconcileWorkspace, type ReconcileLimits, type ReconcileResult } from "@/lib/sync/reconcile";
import { syncWorkspace, type SyncLimits, type SyncResult } from "@/lib/sync/run-sync";

/** An emulator and a client wired for tests: no real waiting on backoff, generous limits. */
export const quietLogger = pino({ level: "silent" });

export const testLimits: SyncLimits = { maxPages: 100_000, maxRunMs: 120_000, concurrency: 4, overlapMs: 3_600_000, backfillDays: 90 };

export async function startTestEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return startEmulator({ host: "127.0.0.1", rateLimit: false, maxConcurrent: false, seed: 1, events: 500, ...options });
}

export function clientFor(emulator: Emulator, overrides: Partial<ConstructorParameters<typeof AsanaClient>[0]> = {}): AsanaClient {
  return new AsanaClient({
    baseUrl: emulator.apiBase,
    token: emulator.token,
    timeoutMs: 5_000,
    backoffBaseMs: 1,
    backoffMaxMs: 20,
    maxRetries: 30,
    limiter: new RateLimiter({ perMinute: 1_000_000 }),
    logger: quietLogger,
    ...overrides,
  });
}

export function runSync(emulator: Emulator, client = clientFor(emulator), limits: Partial<SyncLimits> = {}): Promise<SyncResult> {
  return syncWorkspace({ workspaceGid: emulator.workspaceGid, client, trigger: "test", limits: { ...testLimits, ...limits }, logger: quietLogger });
}

/**
 * The sync's command line as a child process on the test's database and emulator, to be
 * killed without warning mid-run; resolves with the signal it ended by.
 */
export function spawnSyncCli(emulator: Emulator): { child: ChildProcess; exited: Promise<NodeJS.Signals | null> } {
  const child = spawn(process.execPath, ["--import", "tsx", "lib/sync/cli.ts"], {
    env: {
      NODE_ENV: "test",
      PATH: process.env.PATH,
      DATABASE_URL: process.env.DATABASE_URL,
      ASANA_TOKEN: emulator.token,
      ASANA_BASE_URL: emulator.apiBase,
      ASANA_WORKSPACE_GIDS: emulator.workspaceGid,
      SYNC_BACKFILL_CONCURRENCY: "3",
      LOG_LEVEL: "silent",
    },
    stdio: "ignore",
  });
  return { child, exited: new Promise((resolve) => child.on("exit", (_code, signal) => resolve(signal))) };
}

/** Every stored event's original JSON, keyed by gid. */
export async function storedRaw(): Promise<Map<string, unknown>> {
  const rows = await db().$queryRaw<{ gid: string; raw: string }[]>`SELECT gid, raw::text AS raw FROM audit_event`;
  return new Map(rows.map((r) => [r.gid, JSON.parse(r.raw)]));
}

export async function resetDatabase(): Promise<void> {
  await db().$executeRawUnsafe("TRUNCATE audit_event, actor, resource, event_rollup_hourly, event_rollup_daily, event_facet_rollup_daily, event_facet_rollup_hourly, event_value_rollup_monthly, workspace_sync_state, sync_run, quarantined_event, coverage_day, seal_event RESTART IDENTITY CASCADE");
}

export const testReconcileLimits: ReconcileLimits = {
  maxPages: 100_000,
  maxRunMs: 120_000,
  concurrency: 4,
  recentMs: 48 * 3_600_000,
  recentEveryMs: 3_600_000,
  allEveryMs: 7 * 86_400_000,
  settleMs: 3_600_000,
  retentionDays: 90,
};

/** One reconciliation run of the emulator's workspace, at the emulator's time (`now`). */
export function runReconcile(emulator: Emulator, options: { client?: AsanaClient; now?: () => Date; scope?: "due" | "all"; limits?: Partial<ReconcileLimits> } = {}): Promise<ReconcileResult> {
  return reconcileWorkspace({
    workspaceGid: emulator.workspaceGid,
    client: options.client ?? clientFor(emulator),
    trigger: "test",
    limits: { ...testReconcileLimits, ...options.limits },
    logger: quietLogger,
    scope: options.scope,
    now: options.now,
  });
}

/**
 * Every event the emulator held, retention or not: what a full read returns now, and what its
 * retention (Asana's 90 days) has dropped since. The setting is changed and restored in one
 * synchronous step, so no request is served under it.
 */
function everHeldEvents(emulator: Emulator): Array<{ gid: string }> {
  const { retentionMs } = emulator.control.settings();
  emulator.control.set({ retentionMs: Number.MAX_SAFE_INTEGER });
  try {
    return emulator.control.visibleEvents() as Array<{ gid: string }>;
  } finally {
    emulator.control.set({ retentionMs });
  }
}

/**
 * The database holds exactly what the emulator serves: every event once, its raw JSON as sent.
 * The archive outlives Asana's retention, so an event stored and since aged out upstream stays
 * (as it was sent); a stored event the emulator never held is a difference. The emulator's
 * timeline follows the wall clock's hours, so whether its oldest event ages out while a test
 * moves the clock on by minutes depends on the time of day the test runs.
 */
export async function expectExactCopy(emulator: Emulator): Promise<void> {
  const upstream = emulator.control.visibleEvents() as Array<{ gid: string }>;
  const served = new Set(upstream.map((e) => e.gid));
  const agedOut = new Map(everHeldEvents(emulator).filter((e) => !served.has(e.gid)).map((e) => [e.gid, e]));
  const stored = await storedRaw();
  for (const event of upstream) expect(stored.get(event.gid)).toEqual(event);
  const extra = [...stored].filter(([gid]) => !served.has(gid));
  for (const [gid, raw] of extra) expect(raw, `stored ${gid}, which the emulator does not serve`).toEqual(agedOut.get(gid));
}
