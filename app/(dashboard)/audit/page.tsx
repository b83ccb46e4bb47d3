import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { AuditTrail } from "@/components/audit/audit-trail";
import { PageHeader } from "@/components/shell/page-header";
import { listAuditEntries } from "@/lib/audit-trail/list";
import { auditTrailQuery } from "@/lib/audit-trail/query";
import { makeQueryClient } from "@/lib/query/query-client";
import { loadAuditSearchParams } from "./search-params";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit trail" };

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const filters = await loadAuditSearchParams(searchParams);
  const queryClient = makeQueryClient();
  // The same query as the client's, with the data function in place of the API call.
  await queryClient.prefetchInfiniteQuery({
    ...auditTrailQuery(filters),
    queryFn: () => listAuditEntries({ action: filters.action ?? undefined, actor: filters.actor ?? undefined }),
  });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader
        title="Audit trail"
        description="What admins did in this dashboard: sign-ins and sign-outs, sync triggers, exports and saved-query changes, with who, when and from where."
      />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditTrail />
      </HydrationBoundary>
    </div>
  );
}
