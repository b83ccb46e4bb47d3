import { ensureBuiltinRules } from "@/lib/detections/builtin-sync";
import { env } from "@/lib/env";
import { relocateInBackground } from "@/lib/geo/relocate";
import { onShutdown } from "@/lib/lifecycle/shutdown";
import { log } from "@/lib/log";
import { configuredWorkspaces, reconcileAll, syncAll } from "./sync-all";

/** How often the reconciliation loop asks whether a day is due (the schedule itself is in the settings). */
const RECONCILE_CHECK_MS = 60_000;

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

  let rulesReady = false;
  const tick = async () => {
    let again = false;
    try {
      // The built-in rules exist before the first page is judged.
      if (!rulesReady) rulesReady = (await ensureBuiltinRules()) >= 0;
      const results = await syncAll("schedule", logger);
      again = results.some((r) => r.status === "ran" && r.outcome === "partial");
    } catch (error) {
      logger.error({ err: error }, "scheduled sync failed");
    }
    if (!stopped) timer = setTimeout(() => void tick(), again ? 1_000 : e.SYNC_INTERVAL);
  };

  // Reconciliation on a loop of its own: a long re-read never holds the polling back.
  let reconcileTimer: NodeJS.Timeout | undefined;
  const reconcileTick = async () => {
    let again = false;
    try {
      const results = await reconcileAll("schedule", logger);
      again = results.some((r) => r.status === "ran" && r.outcome === "partial");
    } catch (error) {
      logger.error({ err: error }, "scheduled reconciliation failed");
    }
    if (!stopped) reconcileTimer = setTimeout(() => void reconcileTick(), again ? 1_000 : RECONCILE_CHECK_MS);
  };

  // Stored addresses without a location, or located with older databases, are located in the
  // background, whether this server syncs or not (an outside scheduler, a restored archive).
  const relocateTimer = setTimeout(() => relocateInBackground(logger), 2_000);
  if (!e.SYNC_ENABLED || !e.ASANA_TOKEN || configuredWorkspaces().length === 0) {
    logger.info({ enabled: e.SYNC_ENABLED, workspaces: configuredWorkspaces().length }, "sync scheduler not started (disabled, or no token or workspace configured)");
  } else {
    logger.info({ intervalMs: e.SYNC_INTERVAL, workspaces: configuredWorkspaces(), reconcile: e.RECONCILE_ENABLED }, "sync scheduler started");
    timer = setTimeout(() => void tick(), 500);
    if (e.RECONCILE_ENABLED) reconcileTimer = setTimeout(() => void reconcileTick(), 5_000);
  }
  globalForScheduler.__syncScheduler = {
    stop: () => {
      stopped = true;
      clearTimeout(timer);
      clearTimeout(reconcileTimer);
      clearTimeout(relocateTimer);
    },
  };
  // No run starts once the server is shutting down; the one in flight is awaited by sync-all.ts.
  onShutdown("work", async () => globalForScheduler.__syncScheduler?.stop());
  return globalForScheduler.__syncScheduler;
}
