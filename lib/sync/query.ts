import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { SyncStateView } from "./get-sync-state";
import type { QuarantinedView } from "./list-quarantined";
import type { TriggerAnswer } from "./trigger";

export const syncKeys = {
  all: ["sync"] as const,
  state: () => [...syncKeys.all, "state"] as const,
  quarantine: () => [...syncKeys.all, "quarantine"] as const,
};

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

/** POST /api/sync. A 409 (already running) is an answer, not a failure. */
export async function requestSync(): Promise<TriggerAnswer> {
  const response = await fetch("/api/sync", { method: "POST", headers: { "content-type": "application/json" }, body: "{}" });
  const body = (await response.json().catch(() => ({}))) as TriggerAnswer & { error?: { message?: string } };
  if (!response.ok && response.status !== 409) throw new Error(body.error?.message ?? `Sync request failed (${response.status})`);
  return body;
}
