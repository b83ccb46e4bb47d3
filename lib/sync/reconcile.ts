import type { Logger } from "pino";
import type { AsanaClient } from "@/lib/asana/client";
import { db, dbPool } from "@/lib/db/client";
import { sealDay } from "@/lib/integrity/seal";
import { checkDay, markAltered } from "@/lib/integrity/verify";
import { explainSyncError, isAbortError } from "./explain-error";
import { tryLockWorkspace } from "./lock";
import { dueDays, type ReconcileSchedule } from "./reconcile-schedule";
import { reconcileDay, type DayResult } from "./reconcile-day";

/**
 * Reconciliation: closed days re-read from Asana and compared with what is stored, in the
 * background, on a share of the rate budget (the polling cursor keeps the rest). It exists
 * because Asana can make an event visible later than the sync's overlap re-reads: nothing
 * else would ever read that time again. A day whose whole re-read found everything stored is
 * verified and sealed (lib/integrity). Each pass is a run (kind "reconcile") with its figures.
 */
export interface ReconcileLimits extends ReconcileSchedule {
  maxPages: number;
  maxRunMs: number;
  /** Days re-read at once. */
  concurrency: number;
  pageLimit?: number;
}

export type ReconcileResult =
  | { status: "already_running" | "not_ready" | "nothing_due"; workspaceGid: string }
  | { status: "ran"; workspaceGid: string; runId: number; outcome: "succeeded" | "partial" | "failed" | "interrupted"; days: number; verified: number; foundLate: number; error?: string };

export interface ReconcileOptions {
  workspaceGid: string;
  client: AsanaClient;
  trigger: string;
  limits: ReconcileLimits;
  logger: Logger;
  /** "due": what the schedule asks for now; "all": every day Asana holds, now. */
  scope?: "due" | "all";
  now?: () => Date;
  /** Stops the run's requests (the server shutting down). */
  signal?: AbortSignal;
}

const RECONCILE_LOCK = "reconcile:";

export async function reconcileWorkspace(options: ReconcileOptions): Promise<ReconcileResult> {
  const { workspaceGid, limits, logger } = options;
  const now = options.now ?? (() => new Date());
  const state = await db().workspaceSyncState.findUnique({ where: { workspaceGid } });
  // Before the backfill is done, every day would look incomplete.
  if (!state?.backfillDoneAt) return { status: "not_ready", workspaceGid };
  const lock = await tryLockWorkspace(`${RECONCILE_LOCK}${workspaceGid}`);
  if (!lock) return { status: "already_running", workspaceGid };
  try {
    const coverage = await db().coverageDay.findMany({ where: { workspaceGid }, select: { day: true, checkedAt: true, state: true } });
    const days = dueDays(now(), coverage, limits, options.scope ?? "due");
    if (days.length === 0) return { status: "nothing_due", workspaceGid };
    await db().syncRun.updateMany({ where: { workspaceGid, kind: "reconcile", outcome: "running" }, data: { outcome: "interrupted", finishedAt: now() } });
    const run = await db().syncRun.create({ data: { workspaceGid, kind: "reconcile", trigger: options.trigger } });
    const deadline = Date.now() + limits.maxRunMs;
    let pagesLeft = limits.maxPages;
    const budget = () => !options.signal?.aborted && Date.now() < deadline && pagesLeft-- > 0;
    let done = 0;
    let verified = 0;
    let foundLate = 0;
    let failure: { error: unknown; day: Date } | undefined;
    const queue = [...days];
    // Days are read a few at a time: one day's pages come one after another, and Asana's
    // latency would otherwise leave most of the share of the budget unused.
    const worker = async () => {
      for (let day = queue.shift(); day && !failure; day = queue.shift()) {
        let result: DayResult;
        try {
          result = await reconcileDay({ workspaceGid, client: options.client, runId: run.id, logger, signal: options.signal ?? new AbortController().signal, pageLimit: limits.pageLimit }, day.start, day.windowEnd, budget);
        } catch (error) {
          failure ??= { error, day: day.start };
          return;
        }
        foundLate += result.foundLate;
        await db().syncRun.update({
          where: { id: run.id },
          data: { pages: { increment: result.pages }, eventsReceived: { increment: result.received }, eventsNew: { increment: result.foundLate }, quarantined: { increment: result.quarantined } },
        });
        // Cut short by the run's bounds: what it stored stays, the day is read again next run.
        if (result.cut) return;
        done++;
        await recordDay(workspaceGid, day.start, { result });
        if (result.complete && (await sealVerified(workspaceGid, isoDay(day.start), result))) verified++;
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, limits.concurrency) }, worker));
    if (failure && options.signal?.aborted && isAbortError(failure.error)) {
      // The server is shutting down: the days read whole are recorded; the rest is read next run.
      await finishRun(run.id, "interrupted", null);
      return { status: "ran", workspaceGid, runId: run.id, outcome: "interrupted", days: done, verified, foundLate };
    }
    if (failure) {
      const message = explainSyncError(failure.error);
      await recordDay(workspaceGid, failure.day, { failed: message });
      await finishRun(run.id, "failed", message);
      logger.error({ workspaceGid, day: isoDay(failure.day), err: failure.error }, "reconciliation failed");
      return { status: "ran", workspaceGid, runId: run.id, outcome: "failed", days: done, verified, foundLate, error: message };
    }
    const outcome = done === days.length ? "succeeded" : "partial";
    await finishRun(run.id, outcome, null);
    logger.info({ workspaceGid, runId: run.id, days: done, due: days.length, verified, foundLate }, "reconciliation run finished");
    return { status: "ran", workspaceGid, runId: run.id, outcome, days: done, verified, foundLate };
  } finally {
    await lock.release();
  }
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

async function finishRun(id: number, outcome: string, error: string | null) {
  await db().syncRun.update({ where: { id }, data: { outcome, error, finishedAt: new Date() } });
}

/** The day's coverage after a re-read: verified when the whole day was read, else only checked. */
async function recordDay(workspaceGid: string, day: Date, what: { result: DayResult } | { failed: string }) {
  const r = "result" in what ? what.result : null;
  const state = r ? (r.complete ? "verified" : "checked") : "failed";
  await dbPool().query(
    `INSERT INTO coverage_day AS c (workspace_gid, day, state, upstream_count, found_late, filled_at_verify, max_late_ms, checked_at, verified_at, error)
     VALUES ($1, $2::date, $3, $4, $5, $6, $7, now(), CASE WHEN $3 = 'verified' THEN now() END, $8)
     ON CONFLICT (workspace_gid, day) DO UPDATE SET
       state = CASE WHEN c.state = 'altered' THEN 'altered' WHEN EXCLUDED.state = 'checked' AND c.state = 'verified' THEN 'verified' ELSE EXCLUDED.state END,
       upstream_count = CASE WHEN EXCLUDED.state = 'verified' THEN EXCLUDED.upstream_count ELSE c.upstream_count END,
       found_late = c.found_late + EXCLUDED.found_late,
       filled_at_verify = CASE WHEN EXCLUDED.state = 'verified' THEN EXCLUDED.filled_at_verify ELSE c.filled_at_verify END,
       max_late_ms = GREATEST(c.max_late_ms, EXCLUDED.max_late_ms),
       checked_at = now(),
       verified_at = COALESCE(EXCLUDED.verified_at, c.verified_at),
       error = CASE WHEN c.state = 'altered' THEN c.error ELSE EXCLUDED.error END`,
    [workspaceGid, isoDay(day), state, r?.listed ?? null, r?.foundLate ?? 0, r?.foundLate ?? 0, r?.maxLateMs ?? null, "failed" in what ? what.failed : null],
  );
}

/**
 * Seals a day just verified; a sealed one is checked again: the same digest stays, a change
 * made of events the sync stored late is sealed again with that reason, anything else is an
 * alteration and the day is not sealed over it.
 */
async function sealVerified(workspaceGid: string, day: string, result: DayResult): Promise<boolean> {
  const row = await db().coverageDay.findUnique({ where: { workspaceGid_day: { workspaceGid, day: new Date(`${day}T00:00:00.000Z`) } } });
  if (!row || row.state === "altered") return false;
  if (!row.digest) {
    await sealDay(workspaceGid, day, "verified complete against Asana's own listing of the day");
    return true;
  }
  const client = await dbPool().connect();
  const check = await checkDay(client, { workspace_gid: workspaceGid, day }).finally(() => client.release());
  if (check.outcome === "altered") await markAltered(check);
  else if (check.outcome === "resealed") {
    const why = result.foundLate > 0 ? `reconciliation found ${result.foundLate} event(s) Asana made visible late` : `${check.lateStored} event(s) stored by the sync after sealing (Asana made them visible late)`;
    await sealDay(workspaceGid, day, why);
  }
  return check.outcome !== "altered";
}
