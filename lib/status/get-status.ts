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

/** The planner's estimate (pg_class, which only raw SQL reads), or an exact count below EXACT_COUNT_LIMIT. */
async function countEvents(): Promise<{ count: number; approximate: boolean }> {
  const [estimate] = await db().$queryRaw<{ n: number }[]>`
    SELECT GREATEST(reltuples, 0)::float8 AS n FROM pg_class WHERE oid = 'audit_event'::regclass`;
  if ((estimate?.n ?? 0) > EXACT_COUNT_LIMIT) return { count: Math.round(estimate!.n), approximate: true };
  const [exact] = await db().$queryRaw<{ n: bigint }[]>`SELECT count(*) AS n FROM audit_event`;
  return { count: Number(exact!.n), approximate: false };
}

/** The oldest and newest event: two index probes (a min/max aggregate the typed client would write reads the same index). */
async function eventSpan(): Promise<{ oldest: Date | null; newest: Date | null }> {
  const [oldest, newest] = await Promise.all([
    db().auditEvent.findFirst({ orderBy: { createdAt: "asc" }, select: { createdAt: true } }),
    db().auditEvent.findFirst({ orderBy: { createdAt: "desc" }, select: { createdAt: true } }),
  ]);
  return { oldest: oldest?.createdAt ?? null, newest: newest?.createdAt ?? null };
}

export async function getStatus(): Promise<DashboardStatus> {
  const [{ count, approximate }, span, quarantined, states] = await Promise.all([
    countEvents(),
    eventSpan(),
    db().quarantinedEvent.count(),
    db().workspaceSyncState.findMany({
      orderBy: { workspaceGid: "asc" },
      include: { runs: { orderBy: { startedAt: "desc" }, take: 1 } },
    }),
  ]);
  return {
    eventsStored: count,
    eventsApproximate: approximate,
    oldestEventAt: span.oldest?.toISOString() ?? null,
    newestEventAt: span.newest?.toISOString() ?? null,
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
