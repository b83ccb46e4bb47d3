import type { Logger } from "pino";
import type { AsanaClient } from "@/lib/asana/client";
import { judgeStored } from "@/lib/detections/judge-stored";
import { AUDIT_LOG_EPOCH } from "@/lib/asana/vocabulary";
import { db } from "@/lib/db/client";
import { shutdownSignal } from "@/lib/lifecycle/shutdown";
import { explainSyncError, isAbortError, RunFailedError } from "./explain-error";
import { tryLockWorkspace } from "./lock";
import { emptyFigures, type PageContext, type RunFigures } from "./page";
import { planBackfill, planSchema, type BackfillPlan } from "./plan";
import { Semaphore } from "./semaphore";
import { readTail, readWindow, type Budget, type TailState } from "./streams";

export interface SyncLimits {
  /** Pages one run may fetch before it stops; the next run goes on from the cursor. */
  maxPages: number;
  maxRunMs: number;
  /** Backfill windows fetched at once. */
  concurrency: number;
  /** How far before the newest stored event polling restarts when an offset has expired. */
  overlapMs: number;
  backfillDays: number;
  /** Pages written at once (default 2: this is what PostgreSQL on a small machine absorbs best). */
  writers?: number;
}

/** "interrupted": the server shut down during the run; what was committed stays, the next run goes on from it. */
export type SyncOutcome = "succeeded" | "partial" | "failed" | "interrupted";

export type SyncResult =
  | { status: "already_running"; workspaceGid: string }
  | { status: "ran"; workspaceGid: string; runId: number; outcome: SyncOutcome; figures: RunFigures; error?: string };

export interface SyncOptions {
  workspaceGid: string;
  client: AsanaClient;
  trigger: string;
  limits: SyncLimits;
  logger: Logger;
  now?: () => Date;
}

/**
 * One sync run of one workspace: the backfill windows still open, then the open stream until
 * it is caught up, within the run's bounds. Idempotent: whatever is fetched again is
 * dropped on gid, so a crash or a replay costs time, never data.
 */
export async function syncWorkspace(options: SyncOptions): Promise<SyncResult> {
  const { workspaceGid, logger } = options;
  const now = options.now ?? (() => new Date());
  const lock = await tryLockWorkspace(workspaceGid);
  if (!lock) return { status: "already_running", workspaceGid };

  const figures = emptyFigures();
  let runId = 0;
  try {
    await db().workspaceSyncState.upsert({ where: { workspaceGid }, create: { workspaceGid }, update: {} });
    // We hold the lock, so a run still marked running was cut short by a crash.
    await db().syncRun.updateMany({ where: { workspaceGid, kind: "sync", outcome: "running" }, data: { outcome: "interrupted", finishedAt: now() } });
    runId = (await db().syncRun.create({ data: { workspaceGid, trigger: options.trigger } })).id;
    const outcome = await runStreams(options, runId, figures, now);
    await judgeStored(logger, { drain: true });
    await finish(workspaceGid, runId, outcome, null, now);
    logger.info({ workspaceGid, runId, outcome, ...figures }, "sync run finished");
    return { status: "ran", workspaceGid, runId, outcome, figures };
  } catch (error) {
    const message = explainSyncError(error);
    logger.error({ workspaceGid, runId, err: error instanceof RunFailedError ? error.cause : error, streamsStopped: error instanceof RunFailedError ? error.streamsStopped : 0 }, "sync run failed");
    if (runId) await finish(workspaceGid, runId, "failed", message, now).catch(() => undefined);
    return { status: "ran", workspaceGid, runId, outcome: "failed", figures, error: message };
  } finally {
    await lock.release();
  }
}

async function finish(workspaceGid: string, runId: number, outcome: SyncOutcome, error: string | null, now: () => Date) {
  await db().$transaction([
    db().syncRun.update({ where: { id: runId }, data: { outcome, error, finishedAt: now() } }),
    db().workspaceSyncState.update({
      where: { workspaceGid },
      data: outcome === "failed" ? { lastError: error } : outcome === "interrupted" ? {} : { lastError: null, lastSuccessAt: now() },
    }),
  ]);
}

async function runStreams(options: SyncOptions, runId: number, figures: RunFigures, now: () => Date): Promise<SyncOutcome> {
  const { workspaceGid, limits } = options;
  const state = await db().workspaceSyncState.findUniqueOrThrow({ where: { workspaceGid } });
  let plan: BackfillPlan;
  if (state.backfillPlan) {
    plan = planSchema.parse(state.backfillPlan);
  } else {
    const to = now();
    const from = new Date(Math.max(AUDIT_LOG_EPOCH.getTime(), to.getTime() - limits.backfillDays * 86_400_000));
    plan = planBackfill(from, to, limits.concurrency * 2, limits.overlapMs);
    await db().workspaceSyncState.update({ where: { workspaceGid }, data: { backfillPlan: plan, backfillFrom: from } });
  }

  const abort = new AbortController();
  // On shutdown the streams stop: a fetch in flight is abandoned (nothing of it was written), a
  // page being written commits with its cursor, and no further page starts.
  const shutdown = shutdownSignal();
  const stopForShutdown = () => abort.abort(new DOMException("the server is shutting down", "AbortError"));
  if (shutdown.aborted) stopForShutdown();
  else shutdown.addEventListener("abort", stopForShutdown, { once: true });
  const deadline = Date.now() + limits.maxRunMs;
  let pagesLeft = limits.maxPages;
  const budget: Budget = () => {
    if (abort.signal.aborted || Date.now() >= deadline || pagesLeft <= 0) return false;
    pagesLeft--;
    return true;
  };
  const ctx: PageContext = { writers: new Semaphore(limits.writers ?? 2), workspaceGid, runId, client: options.client, figures, logger: options.logger, signal: abort.signal };
  // One failing stream stops the others at their next page; the run then reports that
  // stream's error, and how many others it stopped, rather than whichever settled first.
  let firstFailure: { error: unknown } | undefined;
  let stopped = 0;
  const fail = (error: unknown): never => {
    if (firstFailure && isAbortError(error)) stopped++;
    else if (!firstFailure) {
      firstFailure = { error };
      abort.abort();
    }
    throw error;
  };

  const pending = plan.windows.map((w, i) => (w.done ? -1 : i)).filter((i) => i >= 0);
  const windowWorker = async () => {
    for (let index = pending.shift(); index !== undefined; index = pending.shift()) {
      await readWindow(ctx, plan, index, budget).catch(fail);
    }
  };
  const tail: TailState = {
    cursor: state.cursorOffset,
    since: plan.tailSince,
    watermark: state.watermark?.toISOString() ?? null,
  };
  const [tailResult] = await Promise.allSettled([
    readTail(ctx, tail, budget, limits.overlapMs).catch(fail),
    ...Array.from({ length: Math.max(1, limits.concurrency) }, windowWorker),
  ]);
  shutdown.removeEventListener("abort", stopForShutdown);
  if (shutdown.aborted && (!firstFailure || isAbortError(firstFailure.error))) return "interrupted";
  if (firstFailure) throw new RunFailedError(firstFailure.error, stopped);
  const caughtUp = tailResult.status === "fulfilled" && tailResult.value;

  const backfillDone = plan.windows.every((w) => w.done);
  if (backfillDone && !state.backfillDoneAt) {
    await db().workspaceSyncState.update({ where: { workspaceGid }, data: { backfillDoneAt: now() } });
  }
  return backfillDone && caughtUp ? "succeeded" : "partial";
}
