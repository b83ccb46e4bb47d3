import { infiniteQueryOptions } from "@tanstack/react-query";
import { fetchJson } from "@/lib/query/query-client";
import type { AuditAction } from "./actions";
import type { AuditPage } from "./list";

export interface AuditFilters {
  action?: AuditAction | null;
  actor?: string | null;
}

export const auditKeys = {
  all: ["audit-trail"] as const,
  list: (filters: AuditFilters) => [...auditKeys.all, { action: filters.action ?? null, actor: filters.actor ?? null }] as const,
};

export function auditSearch(filters: AuditFilters, cursor?: string | null): string {
  const params = new URLSearchParams();
  if (filters.action) params.set("action", filters.action);
  if (filters.actor) params.set("actor", filters.actor);
  if (cursor) params.set("cursor", cursor);
  const search = params.toString();
  return search ? `?${search}` : "";
}

export const auditTrailQuery = (filters: AuditFilters) =>
  infiniteQueryOptions({
    queryKey: auditKeys.list(filters),
    queryFn: ({ pageParam, signal }) => fetchJson<AuditPage>(`/api/audit${auditSearch(filters, pageParam)}`, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
