import { OffsetRejectedError } from "@/lib/asana/errors";
import { fetchAndStorePage, type PageContext } from "./page";
import type { BackfillPlan, BackfillWindow } from "./plan";
import { fromStoredOffset, toStoredOffset } from "./stored-offset";

/** Says whether the run may fetch one more page (page and time bounds, cancellation). */
export type Budget = () => boolean;

/**
 * Reads one backfill window to its end. An empty page means the window is complete: its
 * end lies in the past, and the open stream re-reads the last `overlap` anyway.
 */
export async function readWindow(ctx: PageContext, plan: BackfillPlan, index: number, budget: Budget): Promise<boolean> {
  const window = plan.windows[index]!;
  while (!window.done && budget()) {
    const query = { start_at: window.since, end_at: window.end, ...(window.offset ? { offset: fromStoredOffset(window.offset) } : {}) };
    try {
      await fetchAndStorePage(ctx, query, async (tx, page) => {
        // What the window reached, within its own bounds: Asana answers end_at, but a record
        // it serves may say otherwise, and a restart must stay inside the window.
        const newest = page.newest && page.newest > window.end ? window.end : page.newest;
        const next: BackfillWindow = {
          ...window,
          offset: page.nextOffset !== null ? toStoredOffset(page.nextOffset) : window.offset,
          reached: newest && (!window.reached || newest > window.reached) ? newest : window.reached,
          done: page.received === 0 || page.nextOffset === null,
        };
        await tx.query(
          `UPDATE workspace_sync_state
           SET backfill_plan = jsonb_set(backfill_plan, ARRAY['windows', $1::text], $2::jsonb),
               watermark = GREATEST(watermark, $3::timestamptz)
           WHERE workspace_gid = $4`,
          [String(index), JSON.stringify(next), page.newest, ctx.workspaceGid],
        );
        Object.assign(window, next);
      });
    } catch (error) {
      if (!(error instanceof OffsetRejectedError)) throw error;
      // The offset expired: start the window's stream again at what it had reached. start_at is
      // inclusive, so events sharing that millisecond are read again rather than skipped.
      const restart = window.reached ? Math.max(Date.parse(window.start), Date.parse(window.reached)) : Date.parse(window.start);
      ctx.logger.warn({ workspaceGid: ctx.workspaceGid, window: index, restartAt: new Date(restart).toISOString() }, "backfill offset refused; restarting the window from what it reached");
      Object.assign(window, { since: new Date(restart).toISOString(), offset: null });
    }
  }
  return window.done;
}

export interface TailState {
  /** As stored (stored-offset.ts). */
  cursor: string | null;
  since: string;
  watermark: string | null;
}

/**
 * Polls the open-ended stream until a page comes back empty ("caught up for now"). Its
 * offset is the sync's cursor. When Asana refuses the offset, the stream starts again at
 * the newest stored event minus the overlap window; duplicates are dropped on gid.
 */
export async function readTail(ctx: PageContext, tail: TailState, budget: Budget, overlapMs: number): Promise<boolean> {
  while (budget()) {
    const query = { start_at: tail.since, ...(tail.cursor ? { offset: fromStoredOffset(tail.cursor) } : {}) };
    try {
      const page = await fetchAndStorePage(ctx, query, (tx, page) =>
        tx.query(
          `UPDATE workspace_sync_state
           SET cursor_offset = $1, cursor_updated_at = now(),
               watermark = GREATEST(watermark, $2::timestamptz),
               backfill_plan = jsonb_set(backfill_plan, '{tailSince}', to_jsonb($3::text))
           WHERE workspace_gid = $4`,
          [page.nextOffset !== null ? toStoredOffset(page.nextOffset) : tail.cursor, page.newest, tail.since, ctx.workspaceGid],
        ),
      );
      if (page.nextOffset !== null) tail.cursor = toStoredOffset(page.nextOffset);
      if (page.newest && (!tail.watermark || page.newest > tail.watermark)) tail.watermark = page.newest;
      if (page.received === 0 || page.nextOffset === null) return true;
    } catch (error) {
      if (!(error instanceof OffsetRejectedError)) throw error;
      const restart = tail.watermark ? new Date(Date.parse(tail.watermark) - overlapMs).toISOString() : tail.since;
      ctx.logger.warn({ workspaceGid: ctx.workspaceGid, restartAt: restart }, "stored offset refused (expired); polling again from the newest stored event minus the overlap");
      Object.assign(tail, { cursor: null, since: restart });
    }
  }
  return false;
}
