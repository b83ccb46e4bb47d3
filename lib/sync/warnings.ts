import { db } from "@/lib/db/client";
import { env } from "@/lib/env";
import { getCoverage } from "./get-coverage";
import { configuredWorkspaces } from "./sync-all";

/**
 * What an admin must hear about before it is too late, on every page (the banner) and to a
 * monitor (GET /api/state): the sync failing for too long, the polling cursor standing still,
 * days never verified about to leave Asana's 90 days, days altered since they were sealed.
 */
export const WARNING_CODES = ["sync_stale", "cursor_lag", "horizon", "altered"] as const;
export type WarningCode = (typeof WARNING_CODES)[number];

export interface SyncWarning {
  code: WarningCode;
  severity: "warning" | "critical";
  message: string;
}

const MINUTE = 60_000;
const FIRST_PASS_GRACE = 30 * MINUTE;
const span = (ms: number) => (ms >= 2 * 3_600_000 ? `${Math.round(ms / 3_600_000)} h` : `${Math.max(1, Math.round(ms / MINUTE))} min`);

export async function getWarnings(now = new Date()): Promise<SyncWarning[]> {
  const e = env();
  const warnings: SyncWarning[] = [];
  const states = await db().workspaceSyncState.findMany({ where: { workspaceGid: { in: configuredWorkspaces() } } });
  for (const gid of configuredWorkspaces()) {
    const state = states.find((s) => s.workspaceGid === gid);
    const since = state?.lastSuccessAt ?? state?.updatedAt ?? null;
    if (since && now.getTime() - since.getTime() > e.SYNC_STALE_AFTER) {
      warnings.push({
        code: "sync_stale",
        severity: "critical",
        message: `The sync of workspace ${gid} has not succeeded for ${span(now.getTime() - since.getTime())}${state?.lastError ? `: ${state.lastError}` : "."} Events Asana deletes after 90 days may be lost.`,
      });
    }
    // The open stream reads at every run; standing still for three intervals means polling stopped.
    const lagLimit = Math.max(3 * e.SYNC_INTERVAL, 5 * MINUTE);
    if (state?.backfillDoneAt && state.cursorUpdatedAt && now.getTime() - state.cursorUpdatedAt.getTime() > lagLimit) {
      warnings.push({ code: "cursor_lag", severity: "warning", message: `Polling of workspace ${gid} has not read Asana for ${span(now.getTime() - state.cursorUpdatedAt.getTime())}: new events are not coming in.` });
    }
  }
  const coverage = await getCoverage(now);
  for (const workspace of coverage.workspaces) {
    // Reconciliation's first pass comes right after the backfill: give it time before warning.
    const backfilled = states.find((s) => s.workspaceGid === workspace.workspaceGid)?.backfillDoneAt;
    const firstPassPending = e.RECONCILE_ENABLED && (!backfilled || now.getTime() - backfilled.getTime() < FIRST_PASS_GRACE);
    const risky = firstPassPending ? [] : workspace.days.filter((d) => d.state === "at_risk");
    if (risky.length > 0) {
      warnings.push({
        code: "horizon",
        severity: "critical",
        message: `${risky.length} day(s) of workspace ${workspace.workspaceGid} never verified will leave Asana's 90 days by ${coverage.horizon.warnUntil} (the first, ${risky[0]!.day}, soonest): the last chance to fetch them. Run reconciliation from the Sync page.`,
      });
    }
    const altered = workspace.days.filter((d) => d.state === "altered");
    if (altered.length > 0) {
      warnings.push({ code: "altered", severity: "critical", message: `${altered.length} sealed day(s) of workspace ${workspace.workspaceGid} were altered since they were sealed (${altered.slice(0, 3).map((d) => d.day).join(", ")}${altered.length > 3 ? "…" : ""}). See the Sync page.` });
    }
  }
  return warnings;
}
