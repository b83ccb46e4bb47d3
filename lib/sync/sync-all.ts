import { AsanaClient } from "@/lib/asana/client";
import { RateLimiter } from "@/lib/asana/rate-limiter";
import { env } from "@/lib/env";
import { log, type Logger } from "@/lib/log";
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

const globalForClient = globalThis as unknown as { __asanaClient?: AsanaClient };

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

export function configuredWorkspaces(): string[] {
  return env().ASANA_WORKSPACE_GIDS;
}

export async function syncAll(trigger: string, logger: Logger = log): Promise<SyncResult[]> {
  const client = asanaClient();
  const limits = syncLimitsFromEnv();
  return Promise.all(configuredWorkspaces().map((workspaceGid) => syncWorkspace({ workspaceGid, client, trigger, limits, logger })));
}
