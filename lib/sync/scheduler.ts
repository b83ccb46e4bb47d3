import { env } from "@/lib/env";
import { log } from "@/lib/log";
import { configuredWorkspaces, syncAll } from "./sync-all";

/**
 * Runs the sync every SYNC_INTERVAL inside the server process. A run cut short by its
 * bounds (a long backfill) is followed at once by the next, not after a full interval.
 * Several app instances may each run a scheduler: the advisory lock lets one sync at a time.
 */
const globalForScheduler = globalThis as unknown as { __syncScheduler?: { stop: () => void } };

export function startScheduler(): { stop: () => void } {
  if (globalForScheduler.__syncScheduler) return globalForScheduler.__syncScheduler;
  const e = env();
  const logger = log.child({ component: "scheduler" });
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;

  const tick = async () => {
    let again = false;
    try {
      const results = await syncAll("schedule", logger);
      again = results.some((r) => r.status === "ran" && r.outcome === "partial");
    } catch (error) {
      logger.error({ err: error }, "scheduled sync failed");
    }
    if (!stopped) timer = setTimeout(tick, again ? 1_000 : e.SYNC_INTERVAL);
  };

  if (!e.SYNC_ENABLED || !e.ASANA_TOKEN || configuredWorkspaces().length === 0) {
    logger.info({ enabled: e.SYNC_ENABLED, workspaces: configuredWorkspaces().length }, "sync scheduler not started (disabled, or no token or workspace configured)");
  } else {
    logger.info({ intervalMs: e.SYNC_INTERVAL, workspaces: configuredWorkspaces() }, "sync scheduler started");
    timer = setTimeout(tick, 500);
  }
  globalForScheduler.__syncScheduler = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
    },
  };
  return globalForScheduler.__syncScheduler;
}
