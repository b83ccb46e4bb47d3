import { AUDIT_LOG_EPOCH } from "@/lib/asana/vocabulary";

/**
 * Which days reconciliation re-reads now. Asana holds 90 days: the first day it holds only
 * in part (its start already deleted) can never be re-read whole, so the days considered run
 * from the first whole day to the last closed one (ended RECONCILE_SETTLE ago), plus the
 * closed part of the current day for the recent pass. Recent days first, newest first; then
 * the rest oldest first: the day closest to Asana's horizon is the one about to be lost.
 */
export interface ReconcileSchedule {
  recentMs: number;
  recentEveryMs: number;
  allEveryMs: number;
  settleMs: number;
  retentionDays: number;
}

export interface DueDay {
  start: Date;
  /** The re-read stops here: the day's end, or (for the current day) its settled part. */
  windowEnd: Date;
}

const DAY_MS = 86_400_000;

export const startOfUtcDay = (ms: number) => Math.floor(ms / DAY_MS) * DAY_MS;

/** The first instant Asana still holds, and the first day it holds whole. */
export function horizon(now: Date, retentionDays: number): { instant: Date; firstWholeDay: Date } {
  const instant = Math.max(now.getTime() - retentionDays * DAY_MS, AUDIT_LOG_EPOCH.getTime());
  const day = startOfUtcDay(instant);
  return { instant: new Date(instant), firstWholeDay: new Date(day === instant ? day : day + DAY_MS) };
}

export function dueDays(now: Date, coverage: ReadonlyArray<{ day: Date; checkedAt: Date | null; state: string }>, s: ReconcileSchedule, scope: "due" | "all"): DueDay[] {
  const settled = now.getTime() - s.settleMs;
  const first = horizon(now, s.retentionDays).firstWholeDay.getTime();
  const byDay = new Map(coverage.map((c) => [c.day.getTime(), c]));
  const recentFrom = now.getTime() - s.recentMs;
  const recent: DueDay[] = [];
  const rest: DueDay[] = [];
  for (let day = startOfUtcDay(settled); day >= first; day -= DAY_MS) {
    const end = day + DAY_MS;
    const row = byDay.get(day);
    const checked = row?.checkedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    const isRecent = end > recentFrom;
    // A day checked while still open counts as unchecked once it has closed.
    const closedSinceCheck = end <= settled && checked < end + s.settleMs;
    const every = isRecent || row?.state === "failed" ? s.recentEveryMs : s.allEveryMs;
    const due = scope === "all" || closedSinceCheck || checked < now.getTime() - every;
    if (!due) continue;
    const entry = { start: new Date(day), windowEnd: new Date(Math.min(end, settled)) };
    if (isRecent) recent.push(entry);
    else rest.push(entry);
  }
  return [...recent, ...rest.reverse()];
}
