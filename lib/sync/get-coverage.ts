import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { horizon, startOfUtcDay } from "./reconcile-schedule";
import { configuredWorkspaces } from "./sync-all";

/**
 * Each day's coverage, for the Sync page's calendar and GET /api/sync/coverage: from the
 * first day stored (or Asana's horizon, if later stored days are fewer) to today.
 * - verified: a whole re-read found everything Asana lists stored (and sealed);
 * - filled: the same, after storing what it found missing ("gaps found and filled");
 * - unverified: not (yet) re-read whole; at_risk: the same, and about to leave Asana's 90
 *   days (the last chance to fetch it); expired: it left them unverified, for ever;
 * - failed: the last re-read did not finish; altered: its events changed since it was sealed;
 * - open: today, or a day not yet settled.
 */
export const DAY_STATES = ["verified", "filled", "unverified", "at_risk", "expired", "failed", "altered", "open"] as const;
export type DayState = (typeof DAY_STATES)[number];

export interface CoverageDayView {
  day: string;
  state: DayState;
  /** Events stored for the day (from the daily rollup). */
  stored: number;
  /** Events Asana listed at the last whole re-read. */
  listed: number | null;
  foundLate: number;
  maxLateMs: number | null;
  checkedAt: string | null;
  verifiedAt: string | null;
  sealed: boolean;
  note: string | null;
}

export interface WorkspaceCoverage {
  workspaceGid: string;
  days: CoverageDayView[];
  counts: Record<DayState, number>;
  head: { day: string; chain: string } | null;
}

export interface CoverageView {
  /** The first instant Asana still holds, the first day it holds whole, and the end of the warning period. */
  horizon: { instant: string; firstWholeDay: string; warnUntil: string };
  workspaces: WorkspaceCoverage[];
}

const DAY_MS = 86_400_000;
/** Even an archive kept for decades shows a bounded calendar: the newest days. */
const MAX_DAYS = 3_660;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

export async function getCoverage(now = new Date()): Promise<CoverageView> {
  const e = env();
  const h = horizon(now, 90);
  const warnUntil = h.firstWholeDay.getTime() + e.HORIZON_WARNING_DAYS * DAY_MS;
  const settled = now.getTime() - e.RECONCILE_SETTLE;
  const known = await db().coverageDay.findMany({ distinct: ["workspaceGid"], select: { workspaceGid: true } });
  const gids = [...new Set([...configuredWorkspaces(), ...known.map((k) => k.workspaceGid)])].sort();
  const workspaces = await Promise.all(gids.map(async (workspaceGid): Promise<WorkspaceCoverage> => {
    const [rows, stored] = await Promise.all([
      db().coverageDay.findMany({ where: { workspaceGid } }),
      db().$queryRaw<{ day: Date; n: bigint }[]>`SELECT day, sum(count) AS n FROM event_rollup_daily WHERE workspace_gid = ${workspaceGid} GROUP BY day`,
    ]);
    const byDay = new Map(rows.map((r) => [r.day.getTime(), r]));
    const storedByDay = new Map(stored.map((s) => [s.day.getTime(), Number(s.n)]));
    const today = startOfUtcDay(now.getTime());
    const earliest = Math.min(h.firstWholeDay.getTime() - DAY_MS, ...storedByDay.keys());
    const first = Math.max(earliest, today - (MAX_DAYS - 1) * DAY_MS);
    const counts = Object.fromEntries(DAY_STATES.map((s) => [s, 0])) as Record<DayState, number>;
    const days: CoverageDayView[] = [];
    for (let day = first; day <= today; day += DAY_MS) {
      const row = byDay.get(day);
      let state: DayState;
      if (row?.state === "altered" || row?.state === "failed") state = row.state;
      else if (row?.state === "verified") state = row.filledAtVerify > 0 ? "filled" : "verified";
      else if (day + DAY_MS > settled) state = "open";
      else if (day < h.firstWholeDay.getTime()) state = "expired";
      else state = day < warnUntil ? "at_risk" : "unverified";
      counts[state]++;
      days.push({
        day: iso(day),
        state,
        stored: storedByDay.get(day) ?? 0,
        listed: row?.upstreamCount ?? null,
        foundLate: row?.foundLate ?? 0,
        maxLateMs: row?.maxLateMs === null || row?.maxLateMs === undefined ? null : Number(row.maxLateMs),
        checkedAt: row?.checkedAt?.toISOString() ?? null,
        verifiedAt: row?.verifiedAt?.toISOString() ?? null,
        sealed: Boolean(row?.digest),
        note: row?.error ?? (state === "expired" ? "Not verified; Asana no longer holds it." : null),
      });
    }
    const sealed = rows.filter((r) => r.digest && r.chain).sort((a, b) => b.day.getTime() - a.day.getTime())[0];
    return { workspaceGid, days, counts, head: sealed ? { day: iso(sealed.day.getTime()), chain: sealed.chain! } : null };
  }));
  return { horizon: { instant: h.instant.toISOString(), firstWholeDay: iso(h.firstWholeDay.getTime()), warnUntil: iso(warnUntil) }, workspaces };
}
