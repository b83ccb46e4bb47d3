import { queryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { DashboardStatus } from "./get-status";

export const statusKeys = {
  all: ["status"] as const,
};

export const statusQuery = () =>
  queryOptions({
    queryKey: statusKeys.all,
    queryFn: ({ signal }) => fetchJson<DashboardStatus>("/api/status", { signal }),
    refetchInterval: 10_000,
  });
