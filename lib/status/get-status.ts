import { db } from "@/lib/db/client";
import { isDemoMode } from "@/lib/env";

export interface WorkspaceStatus {
  workspaceGid: string;
  lastSuccessAt: string | null;
  lastError: string | null;
  backfillDone: boolean;
  lastRun: { id: number; outcome: string; startedAt: string; finishedAt: string | null; eventsNew: number } | null;
}

export interface DashboardStatus {
  eventsStored: number;
  /** True when the count is the planner's estimate (large tables), not an exact count. */
  eventsApproximate: boolean;
  oldestEventAt: string | null;
  newestEventAt: string | null;
  quarantined: number;
  workspaces: WorkspaceStatus[];
  demoMode: boolean;
}

// An exact count(*) over millions of rows takes hundreds of milliseconds; past this size
// the planner's estimate (within a few percent) is shown instead.
const EXACT_COUNT_LIMIT = 2_000_000;

async function countEvents(): Promise<{ count: number; approximate: boolean }> {
  const [estimate] = await db().$queryRaw<{ n: number }[]>`
    SELECT GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'audit_event'::regclass`;
  if ((estimate?.n ?? 0) > EXACT_COUNT_LIMIT) return { count: Math.round(estimate!.n), approximate: true };
  const [exact] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event`;
  return { count: Number(exact!.n), approximate: false };
}

export async function getStatus(): Promise<DashboardStatus> {
  const [{ count, approximate }, range, quarantined, states] = await Promise.all([
    countEvents(),
    db().$queryRaw<{ oldest: Date | null; newest: Date | null }[]>`
      SELECT (SELECT created_at FROM audit_event ORDER BY created_at ASC LIMIT 1) AS oldest,
             (SELECT created_at FROM audit_event ORDER BY created_at DESC LIMIT 1) AS newest`,
    db().quarantinedEvent.count(),
    db().workspaceSyncState.findMany({
      orderBy: { workspaceGid: "asc" },
      include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } },
    }),
  ]);
  return {
    eventsStored: count,
    eventsApproximate: approximate,
    oldestEventAt: range[0]?.oldest?.toISOString() ?? null,
    newestEventAt: range[0]?.newest?.toISOString() ?? null,
    quarantined,
    demoMode: isDemoMode(),
    workspaces: states.map((s) => {
      const run = s.runs[0];
      return {
        workspaceGid: s.workspaceGid,
        lastSuccessAt: s.lastSuccessAt?.toISOString() ?? null,
        lastError: s.lastError,
        backfillDone: s.backfillDoneAt !== null,
        lastRun: run
          ? { id: run.id, outcome: run.outcome, startedAt: run.startedAt.toISOString(), finishedAt: run.finishedAt?.toISOString() ?? null, eventsNew: run.eventsNew }
          : null,
      };
    }),
  };
}
