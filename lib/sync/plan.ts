import { z } from "zod";

/**
 * The backfill is cut into time windows fetched in parallel (each a stream of its own with
 * start_at/end_at), so that a slow Asana answer does not leave the rate budget unused. The
 * plan lives in the database and each window's offset is committed with its events, so a
 * killed backfill resumes where it stopped.
 */
export const windowSchema = z.object({
  start: z.string(),
  end: z.string(),
  /** The stream's start_at: the window's start, or later after an expired offset restarted it. */
  since: z.string(),
  /** Offset of this window's stream, null before its first page. */
  offset: z.string().nullable(),
  /** Newest created_at stored from this window: where it restarts if its offset expires. */
  reached: z.string().nullable(),
  done: z.boolean(),
});
export type BackfillWindow = z.infer<typeof windowSchema>;

export const planSchema = z.object({
  from: z.string(),
  to: z.string(),
  windows: z.array(windowSchema),
  /** start_at of the open-ended stream that the sync keeps polling once caught up. */
  tailSince: z.string(),
});
export type BackfillPlan = z.infer<typeof planSchema>;

/**
 * Splits [from, to) into `count` windows of equal length (to the millisecond). The open
 * stream starts `overlapMs` before `to`: events can turn up in Asana's log minutes after
 * their created_at, after the last window was read; duplicates are dropped on gid.
 */
export function planBackfill(from: Date, to: Date, count: number, overlapMs = 0): BackfillPlan {
  const span = Math.max(0, to.getTime() - from.getTime());
  const n = span === 0 ? 0 : Math.max(1, Math.min(count, Math.floor(span / 60_000) || 1));
  const windows: BackfillWindow[] = [];
  for (let i = 0; i < n; i++) {
    const start = new Date(from.getTime() + Math.floor((span * i) / n));
    const end = new Date(from.getTime() + Math.floor((span * (i + 1)) / n));
    windows.push({ start: start.toISOString(), end: end.toISOString(), since: start.toISOString(), offset: null, reached: null, done: false });
  }
  const tailSince = new Date(Math.max(from.getTime(), to.getTime() - overlapMs));
  return { from: from.toISOString(), to: to.toISOString(), windows, tailSince: tailSince.toISOString() };
}

/** Share of the planned time range already covered, 0..1. */
export function planProgress(plan: BackfillPlan): number {
  const total = plan.windows.reduce((sum, w) => sum + (Date.parse(w.end) - Date.parse(w.start)), 0);
  if (total <= 0) return 1;
  const covered = plan.windows.reduce((sum, w) => {
    const length = Date.parse(w.end) - Date.parse(w.start);
    if (w.done) return sum + length;
    if (!w.reached) return sum;
    return sum + Math.min(length, Math.max(0, Date.parse(w.reached) - Date.parse(w.start)));
  }, 0);
  return covered / total;
}
