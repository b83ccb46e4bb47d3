import { AsanaClient } from "@/lib/asana/client";
import { RateLimiter, ShareOfBudget } from "@/lib/asana/rate-limiter";
import { env } from "@/lib/env";
import { onShutdown, shutdownSignal } from "@/lib/lifecycle/shutdown";
import { log, type Logger } from "@/lib/log";
import { reconcileWorkspace, type ReconcileLimits, type ReconcileResult } from "./reconcile";
import { syncWorkspace, type SyncLimits, type SyncResult } from "./run-sync";

/**
 * The sync as the app runs it: every configured workspace, with the client and limits from
 * the environment. Callers: the scheduler, POST /api/sync, scripts.
 */
export function syncLimitsFromEnv(): SyncLimits {
  const e = env();
  return {
    maxPages: e.SYNC_MAX_PAGES_PER_RUN,
    maxRunMs: e.SYNC_MAX_RUN_TIME,
    concurrency: e.SYNC_BACKFILL_CONCURRENCY,
    overlapMs: e.SYNC_OVERLAP,
    backfillDays: e.SYNC_BACKFILL_DAYS,
    writers: e.SYNC_WRITERS,
  };
}

export function reconcileLimitsFromEnv(): ReconcileLimits {
  const e = env();
  return {
    maxPages: e.SYNC_MAX_PAGES_PER_RUN,
    maxRunMs: e.SYNC_MAX_RUN_TIME,
    concurrency: e.SYNC_BACKFILL_CONCURRENCY,
    pageLimit: e.ASANA_PAGE_LIMIT,
    recentMs: e.RECONCILE_RECENT,
    recentEveryMs: e.RECONCILE_RECENT_EVERY,
    allEveryMs: e.RECONCILE_ALL_EVERY,
    settleMs: e.RECONCILE_SETTLE,
    retentionDays: 90,
  };
}

const globalForClient = globalThis as unknown as { __asanaClient?: AsanaClient; __reconcileClient?: AsanaClient };

/** One client per process, so every run shares the token's rate budget. */
export function asanaClient(): AsanaClient {
  const e = env();
  if (!e.ASANA_TOKEN) throw new Error("ASANA_TOKEN is not set.");
  globalForClient.__asanaClient ??= new AsanaClient({
    baseUrl: e.ASANA_BASE_URL,
    token: e.ASANA_TOKEN,
    timeoutMs: e.ASANA_REQUEST_TIMEOUT,
    limiter: new RateLimiter({ perMinute: e.ASANA_RATE_LIMIT_PER_MINUTE }),
    logger: log,
  });
  return globalForClient.__asanaClient;
}

/**
 * The client reconciliation reads with: the same token, on RECONCILE_RATE_SHARE of its
 * budget taken from the sync's own limiter, so that both together stay under Asana's limit
 * and the polling cursor always has the rest.
 */
export function reconcileClient(): AsanaClient {
  const e = env();
  const main = asanaClient();
  globalForClient.__reconcileClient ??= new AsanaClient({
    baseUrl: e.ASANA_BASE_URL,
    token: e.ASANA_TOKEN!,
    timeoutMs: e.ASANA_REQUEST_TIMEOUT,
    limiter: new ShareOfBudget(main.limiter, e.ASANA_RATE_LIMIT_PER_MINUTE * e.RECONCILE_RATE_SHARE),
    logger: log,
  });
  return globalForClient.__reconcileClient;
}

export async function reconcileAll(trigger: string, logger: Logger = log, scope: "due" | "all" = "due"): Promise<ReconcileResult[]> {
  const client = reconcileClient();
  const limits = reconcileLimitsFromEnv();
  const signal = shutdownSignal();
  return untilDone(async () => {
    const results: ReconcileResult[] = [];
    // One workspace after another: reconciliation is background work on a share of one budget.
    for (const workspaceGid of configuredWorkspaces()) {
      if (signal.aborted) break;
      results.push(await reconcileWorkspace({ workspaceGid, client, trigger, limits, logger, scope, signal }));
    }
    return results;
  });
}

/**
 * Runs `work` with the server's shutdown waiting for it: a run stops at its next clean point
 * when the shutdown signal fires (run-sync.ts), and the pools close only once it has.
 */
async function untilDone<T>(work: () => Promise<T>): Promise<T> {
  const running = work();
  const unregister = onShutdown("work", () => running.then(() => undefined, () => undefined));
  try {
    return await running;
  } finally {
    unregister();
  }
}

export function configuredWorkspaces(): string[] {
  return env().ASANA_WORKSPACE_GIDS;
}

export async function syncAll(trigger: string, logger: Logger = log): Promise<SyncResult[]> {
  const client = asanaClient();
  const limits = syncLimitsFromEnv();
  if (shutdownSignal().aborted) return [];
  return untilDone(() => Promise.all(configuredWorkspaces().map((workspaceGid) => syncWorkspace({ workspaceGid, client, trigger, limits, logger }))));
}
