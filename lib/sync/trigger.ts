import type { Logger } from "@/lib/log";
import type { ReconcileResult } from "./reconcile";
import type { SyncResult } from "./run-sync";
import { configuredWorkspaces, reconcileAll, syncAll } from "./sync-all";

export type TriggerAnswer =
  | { status: "started"; workspaces: string[] }
  | { status: "already_running"; workspaces: string[] }
  | { status: "finished"; results: SyncResult[] };

// Long enough for the lock check of every workspace, short enough to answer "at once".
const LOCK_CHECK_MS = 750;

/**
 * Starts a sync now. With `wait`, answers when it has finished; otherwise answers at once:
 * "already_running" when every workspace is being synced by someone else, else "started"
 * while the run goes on in the background.
 */
export async function triggerSync(trigger: string, logger: Logger, wait = false): Promise<TriggerAnswer> {
  const run = syncAll(trigger, logger);
  if (wait) return { status: "finished", results: await run };
  run.catch((error: unknown) => logger.error({ err: error }, "triggered sync failed"));
  const early = await Promise.race([run, new Promise<null>((resolve) => setTimeout(() => resolve(null), LOCK_CHECK_MS))]);
  if (early && early.length > 0 && early.every((r) => r.status === "already_running")) {
    return { status: "already_running", workspaces: early.map((r) => r.workspaceGid) };
  }
  return { status: "started", workspaces: configuredWorkspaces() };
}

export type ReconcileAnswer = { status: "started" | "already_running"; workspaces: string[] } | { status: "finished"; results: ReconcileResult[] };

/** Starts reconciliation now (every day Asana holds with `all`), in the background unless `wait`. */
export async function triggerReconcile(trigger: string, logger: Logger, options: { all?: boolean; wait?: boolean } = {}): Promise<ReconcileAnswer> {
  const run = reconcileAll(trigger, logger, options.all ? "all" : "due");
  if (options.wait) return { status: "finished", results: await run };
  run.catch((error: unknown) => logger.error({ err: error }, "triggered reconciliation failed"));
  const early = await Promise.race([run, new Promise<null>((resolve) => setTimeout(() => resolve(null), LOCK_CHECK_MS))]);
  if (early && early.length > 0 && early.every((r) => r.status === "already_running")) {
    return { status: "already_running", workspaces: early.map((r) => r.workspaceGid) };
  }
  return { status: "started", workspaces: configuredWorkspaces() };
}
