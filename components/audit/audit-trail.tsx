"use client";

import { useInfiniteQuery } from "@tanstack/react-query";
import { SearchX } from "lucide-react";
import { useQueryStates } from "nuqs";
import { auditTrailSearch } from "@/lib/audit-trail/search-params";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { auditTrailQuery } from "@/lib/audit-trail/query";
import { AuditTrailTable } from "./audit-trail-table";
import { AuditTrailToolbar } from "./audit-trail-toolbar";

/** The trail, newest first; older pages load on demand (keyset cursor from the API). */
export function AuditTrail() {
  const [filters, setFilters] = useQueryStates(auditTrailSearch.parsers);
  const query = useInfiniteQuery(auditTrailQuery(filters));
  const entries = query.data?.pages.flatMap((page) => page.entries) ?? [];
  const filtered = Boolean(filters.action || filters.actor);

  return (
    <div className="flex flex-col gap-4">
      <AuditTrailToolbar />
      {query.isPending ? (
        <Skeleton className="h-64" aria-busy="true" aria-label="Loading the audit trail" />
      ) : query.error ? (
        <ErrorState bordered error={query.error} onRetry={() => void query.refetch()} />
      ) : entries.length === 0 ? (
        <EmptyState
          bordered
          icon={filtered ? SearchX : undefined}
          title={filtered ? "No entries match these filters" : "Nothing recorded yet"}
          description={filtered ? "Clear the filters to see the whole trail." : "Sign-ins, sync triggers, exports and saved-query changes appear here as they happen."}
          action={filtered ? <Button variant="outline" size="sm" onClick={() => void setFilters({ action: null, actor: null })}>Clear filters</Button> : undefined}
        />
      ) : (
        <>
          <AuditTrailTable entries={entries} />
          {query.hasNextPage ? (
            <div className="flex justify-center">
              <Button variant="outline" size="sm" disabled={query.isFetchingNextPage} onClick={() => void query.fetchNextPage()}>
                {query.isFetchingNextPage ? "Loading…" : "Load older entries"}
              </Button>
            </div>
          ) : null}
        </>
      )}
    </div>
  );
}
