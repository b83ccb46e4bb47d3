import { db } from "@/lib/db/client";
import { isWorkspaceLocked } from "./lock";
import { env, isDemoMode } from "@/lib/env";
import { planProgress, planSchema } from "./plan";
import { configuredWorkspaces } from "./sync-all";

export interface SyncRunView {
  id: number;
  /** "sync" or "reconcile". */
  kind: string;
  trigger: string;
  outcome: string;
  startedAt: string;
  finishedAt: string | null;
  pages: number;
  eventsReceived: number;
  eventsNew: number;
  quarantined: number;
  retries: number;
  rateLimitWaits: number;
  rateLimitWaitMs: number;
  error: string | null;
}

export interface WorkspaceSyncView {
  workspaceGid: string;
  running: boolean;
  cursorUpdatedAt: string | null;
  newestEventAt: string | null;
  lastSuccessAt: string | null;
  lastError: string | null;
  eventsStored: number;
  quarantined: number;
  backfill: { from: string | null; to: string | null; done: boolean; progress: number; etaSeconds: number | null };
  runs: SyncRunView[];
}

export interface SyncStateView {
  demoMode: boolean;
  schedulerEnabled: boolean;
  intervalMs: number;
  workspaces: WorkspaceSyncView[];
}

export async function getSyncState(runsPerWorkspace = 10): Promise<SyncStateView> {
  const gids = [...new Set([...configuredWorkspaces(), ...(await db().workspaceSyncState.findMany({ select: { workspaceGid: true } })).map((s) => s.workspaceGid)])].sort();
  const workspaces = await Promise.all(gids.map((gid) => workspaceView(gid, runsPerWorkspace)));
  const e = env();
  return { demoMode: isDemoMode(), schedulerEnabled: e.SYNC_ENABLED, intervalMs: e.SYNC_INTERVAL, workspaces };
}

async function workspaceView(workspaceGid: string, take: number): Promise<WorkspaceSyncView> {
  const [state, runs, stored, quarantined, running, firstRun] = await Promise.all([
    db().workspaceSyncState.findUnique({ where: { workspaceGid } }),
    db().syncRun.findMany({ where: { workspaceGid }, orderBy: { startedAt: "desc" }, take }),
    // Events stored, from the daily rollup: it equals a count over audit_event (see
    // rollup.test.ts) and sums a few thousand rows where a count would read every event.
    db().eventRollupDaily.aggregate({ where: { workspaceGid }, _sum: { count: true } }),
    db().quarantinedEvent.count({ where: { workspaceGid } }),
    isWorkspaceLocked(workspaceGid),
    db().syncRun.findFirst({ where: { workspaceGid }, orderBy: { startedAt: "asc" }, select: { startedAt: true } }),
  ]);
  const plan = state?.backfillPlan ? planSchema.safeParse(state.backfillPlan) : undefined;
  const done = state?.backfillDoneAt != null;
  const progress = done ? 1 : plan?.success ? planProgress(plan.data) : 0;
  let etaSeconds: number | null = null;
  if (!done && firstRun && progress > 0.001) {
    const elapsed = (Date.now() - firstRun.startedAt.getTime()) / 1000;
    etaSeconds = Math.round((elapsed * (1 - progress)) / progress);
  }
  return {
    workspaceGid,
    running,
    cursorUpdatedAt: state?.cursorUpdatedAt?.toISOString() ?? null,
    newestEventAt: state?.watermark?.toISOString() ?? null,
    lastSuccessAt: state?.lastSuccessAt?.toISOString() ?? null,
    lastError: state?.lastError ?? null,
    eventsStored: stored._sum.count ?? 0,
    quarantined,
    backfill: { from: plan?.success ? plan.data.from : null, to: plan?.success ? plan.data.to : null, done, progress, etaSeconds },
    runs: runs.map((r) => ({
      id: r.id,
      kind: r.kind,
      trigger: r.trigger,
      outcome: r.outcome,
      startedAt: r.startedAt.toISOString(),
      finishedAt: r.finishedAt?.toISOString() ?? null,
      pages: r.pages,
      eventsReceived: r.eventsReceived,
      eventsNew: r.eventsNew,
      quarantined: r.quarantined,
      retries: r.retries,
      rateLimitWaits: r.rateLimitWaits,
      rateLimitWaitMs: r.rateLimitWaitMs,
      error: r.error,
    })),
  };
}
