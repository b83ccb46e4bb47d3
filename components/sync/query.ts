/**
 * The Sync page's data in the browser: its query keys, queries and mutations. Beside the
 * UI, not in lib/sync/, which runs without React or TanStack Query (a command line, a worker).
 */
import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { VerifyReport } from "@/lib/integrity/verify";
import { fetchJson } from "@/lib/query/query-client";
import type { CoverageView } from "@/lib/sync/get-coverage";
import type { SyncStateView } from "@/lib/sync/get-sync-state";
import type { QuarantinedView } from "@/lib/sync/list-quarantined";
import type { ReconcileAnswer, TriggerAnswer } from "@/lib/sync/trigger";
import type { SyncWarning } from "@/lib/sync/warnings";

export const syncKeys = {
  all: ["sync"] as const,
  state: () => [...syncKeys.all, "state"] as const,
  quarantine: () => [...syncKeys.all, "quarantine"] as const,
  coverage: () => [...syncKeys.all, "coverage"] as const,
  warnings: () => [...syncKeys.all, "warnings"] as const,
};

export const coverageQuery = () =>
  queryOptions({
    queryKey: syncKeys.coverage(),
    queryFn: ({ signal }) => fetchJson<CoverageView>("/api/sync/coverage", { signal }),
    refetchInterval: 30_000,
  });

export const warningsQuery = () =>
  queryOptions({
    queryKey: syncKeys.warnings(),
    queryFn: ({ signal }) => fetchJson<{ warnings: SyncWarning[] }>("/api/sync/warnings", { signal }),
    refetchInterval: 60_000,
  });

const postJson = <T>(url: string, body: unknown) => fetchJson<T>(url, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });

/** Re-reads every day Asana holds now. */
export function useReconcileNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<ReconcileAnswer>("/api/sync/reconcile", { all: true }),
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncKeys.all }),
  });
}

/** Recomputes every sealed day and reports what was altered. */
export function useVerifyArchive() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<VerifyReport>("/api/sync/verify", {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncKeys.all }),
  });
}

const busy = (state: SyncStateView | undefined) => state?.workspaces.some((w) => w.running || !w.backfill.done) ?? false;

export const syncStateQuery = () =>
  queryOptions({
    queryKey: syncKeys.state(),
    queryFn: ({ signal }) => fetchJson<SyncStateView>("/api/sync", { signal }),
    // Follow a running backfill closely; otherwise a slower pulse is enough.
    refetchInterval: (query) => (busy(query.state.data) ? 2_000 : 15_000),
  });

export const quarantineQuery = () =>
  queryOptions({
    queryKey: syncKeys.quarantine(),
    queryFn: ({ signal }) => fetchJson<QuarantinedView[]>("/api/sync/quarantine", { signal }),
  });

/** Syncs every workspace now; a sync already running is an answer too (`already_running`). */
export function useSyncNow() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => postJson<TriggerAnswer>("/api/sync", {}),
    onSettled: () => queryClient.invalidateQueries({ queryKey: syncKeys.all }),
  });
}
