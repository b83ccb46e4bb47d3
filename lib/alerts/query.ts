import { infiniteQueryOptions, queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import { auditKeys } from "@/lib/audit-trail/query";
import { fetchJson } from "@/lib/query/query-client";
import type { AlertSummary, RuleOption } from "./count";
import type { AlertDetail } from "./get-alert";
import type { AlertPage } from "./list";
import { alertListApiSearch, type AlertFilters } from "./search-params";
import type { AlertStatusInput, AlertStatusResult } from "./status";

export const alertKeys = {
  all: ["alerts"] as const,
  lists: () => [...alertKeys.all, "list"] as const,
  list: (filters: AlertFilters) => [...alertKeys.lists(), { status: filters.status, severity: filters.severity, rule: filters.rule, actor: filters.actor, range: filters.range }] as const,
  detail: (id: string) => [...alertKeys.all, "detail", id] as const,
  count: () => [...alertKeys.all, "count"] as const,
  summary: () => [...alertKeys.all, "summary"] as const,
  rules: () => [...alertKeys.all, "rules"] as const,
};

/** How often the navigation's badge asks for the open count. */
export const COUNT_REFRESH_MS = 30_000;

export const alertListQuery = (filters: AlertFilters) =>
  infiniteQueryOptions({
    queryKey: alertKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchJson<AlertPage>(`/api/alerts${alertListApiSearch.search({ ...filters, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });

export const alertDetailQuery = (id: string) =>
  queryOptions({
    queryKey: alertKeys.detail(id),
    queryFn: ({ signal }) => fetchJson<AlertDetail>(`/api/alerts/${encodeURIComponent(id)}`, { signal }),
  });

export const openAlertCountQuery = () =>
  queryOptions({
    queryKey: alertKeys.count(),
    queryFn: ({ signal }) => fetchJson<{ open: number }>("/api/alerts/count", { signal }),
    refetchInterval: COUNT_REFRESH_MS,
    staleTime: COUNT_REFRESH_MS / 2,
  });

export const alertSummaryQuery = () =>
  queryOptions({
    queryKey: alertKeys.summary(),
    queryFn: ({ signal }) => fetchJson<AlertSummary>("/api/alerts/summary", { signal }),
    refetchInterval: COUNT_REFRESH_MS,
  });

export const ruleOptionsQuery = () =>
  queryOptions({
    queryKey: alertKeys.rules(),
    queryFn: ({ signal }) => fetchJson<RuleOption[]>("/api/alerts/rule-options", { signal }),
    staleTime: 5 * 60_000,
  });

/** Acknowledge, resolve or reopen alerts; every alert view (lists, details, badge, overview) and the audit trail refresh after. */
export function useChangeAlertStatus() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: AlertStatusInput) =>
      fetchJson<AlertStatusResult>("/api/alerts/status", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input) }),
    onSuccess: () => Promise.all([queryClient.invalidateQueries({ queryKey: alertKeys.all }), queryClient.invalidateQueries({ queryKey: auditKeys.all })]),
  });
}
