import { queryOptions, useMutation, useQueryClient } from "@tanstack/react-query";
import type { BacktestResult } from "@/lib/detections/backtest";
import type { RuleInput } from "@/lib/detections/rule";
import { fetchJson } from "@/lib/query/query-client";
import type { BacktestInput } from "./backtest-input";
import type { RuleView } from "./view";

export const ruleKeys = {
  all: ["rules"] as const,
  list: () => [...ruleKeys.all, "list"] as const,
  one: (id: string) => [...ruleKeys.all, "one", id] as const,
};

export const rulesQuery = () => queryOptions({ queryKey: ruleKeys.list(), queryFn: ({ signal }) => fetchJson<{ rules: RuleView[] }>("/api/detections/rules", { signal }) });
export const ruleQuery = (id: string) => queryOptions({ queryKey: ruleKeys.one(id), queryFn: ({ signal }) => fetchJson<RuleView>(`/api/detections/rules/${encodeURIComponent(id)}`, { signal }) });

const send = <T,>(url: string, method: string, body?: unknown) =>
  fetchJson<T>(url, { method, headers: { "content-type": "application/json" }, body: body === undefined ? undefined : JSON.stringify(body) });

function useRuleMutation<Input, Output>(mutationFn: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn, onSuccess: () => queryClient.invalidateQueries({ queryKey: ruleKeys.all }) });
}

export const useCreateRule = () => useRuleMutation((input: RuleInput) => send<RuleView>("/api/detections/rules", "POST", input));
export const useUpdateRule = () => useRuleMutation(({ id, ...patch }: Partial<RuleInput> & { id: string }) => send<RuleView>(`/api/detections/rules/${encodeURIComponent(id)}`, "PATCH", patch));
export const useDeleteRule = () => useRuleMutation((id: string) => send<{ id: string }>(`/api/detections/rules/${encodeURIComponent(id)}`, "DELETE"));

export type BacktestAnswer = Omit<BacktestResult, "recent"> & { days: number; recent: Array<BacktestResult["recent"][number] & { eventsHref: string; actorHref: string | null }> };
export const backtestRule = (input: BacktestInput, signal?: AbortSignal) => fetchJson<BacktestAnswer>("/api/detections/backtest", { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(input), signal });
