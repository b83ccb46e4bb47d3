import { infiniteQueryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { AuditPage } from "./list";
import { auditApiSearch, type AuditFilters } from "./search-params";

export const auditKeys = {
  all: ["audit-trail"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, { action: filters.action, actor: filters.actor }] as const,
};

export const auditTrailQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchJson<AuditPage>(`/api/audit${auditApiSearch.search({ ...filters, cursor: pageParam })}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
