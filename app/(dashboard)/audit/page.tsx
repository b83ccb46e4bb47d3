import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { AuditTrail } from "@/components/audit/audit-trail";
import { InvalidParams } from "@/components/filters/invalid-params";
import { PageHeader } from "@/components/shell/page-header";
import { listAuditEntries } from "@/lib/audit-trail/list";
import { auditTrailQuery } from "@/lib/audit-trail/query";
import { auditTrailSearch } from "@/lib/audit-trail/search-params";
import { makeQueryClient } from "@/lib/query/query-client";
import { toSearchParams } from "@/lib/url/search-contract";

export const dynamic = "force-dynamic";
export const metadata = { title: "Audit trail" };

export default async function AuditTrailPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = toSearchParams(await searchParams);
  const parsed = auditTrailSearch.parse(search);
  const header = (
    <PageHeader
      title="Audit trail"
      description="What admins did in this dashboard: sign-ins and sign-outs, sync triggers, exports and saved-query changes, with who, when and from where."
    />
  );
  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <InvalidParams errors={parsed.errors} search={search} path="/audit" />
      </div>
    );
  }
  const filters = parsed.values;
  const queryClient = makeQueryClient();
  // The same query as the client's, with the data function in place of the API call.
  await queryClient.prefetchInfiniteQuery({ ...auditTrailQuery(filters), queryFn: () => listAuditEntries(filters) });
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AuditTrail />
      </HydrationBoundary>
    </div>
  );
}
