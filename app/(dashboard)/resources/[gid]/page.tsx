import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { notFound, redirect } from "next/navigation";
import type { SearchParams } from "nuqs/server";
import { ResourceHistory } from "@/components/resources/resource-history";
import { PageHeader } from "@/components/shell/page-header";
import { DataText } from "@/components/ui/data-text";
import { gidSchema } from "@/lib/asana/gid";
import { withAllTimeDefault } from "@/lib/actors/page-params";
import { toSearchParams } from "@/lib/url/search-contract";
import { TIMELINE_PAGE_SIZE } from "@/lib/actors/params";
import { parseEventParams } from "@/lib/events/search-params";
import { requestLocalZone } from "@/lib/time/request-zone";
import { makeQueryClient } from "@/lib/query/query-client";
import { getResourceHistory, getResourceSummary } from "@/lib/resources/get-resource-history";
import { resourceEventsQuery, resourceKeys } from "@/lib/resources/query";

export const dynamic = "force-dynamic";
export const metadata = { title: "Resource history" };

export default async function ResourcePage({ params, searchParams }: { params: Promise<{ gid: string }>; searchParams: Promise<SearchParams> }) {
  const { gid } = await params;
  if (!gidSchema.safeParse(gid).success) notFound();
  const search = toSearchParams(await searchParams);
  const defaulted = withAllTimeDefault(search);
  if (defaulted) redirect(`/resources/${gid}?${defaulted.toString()}`);

  const summary = await getResourceSummary(gid);
  if (!summary) notFound();
  const queryClient = makeQueryClient();
  queryClient.setQueryData(resourceKeys.summary(gid), summary);
  const parsed = parseEventParams(search, { localZone: await requestLocalZone() });
  if (parsed.ok) {
    const { filter, view } = parsed;
    await queryClient.prefetchInfiniteQuery({
      ...resourceEventsQuery(gid, filter, view.sort),
      queryFn: () => getResourceHistory(gid, filter, { sort: view.sort, size: TIMELINE_PAGE_SIZE, page: null }),
    });
  }
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title={<DataText value={summary.name ?? summary.email ?? `Resource ${gid}`} max={200} />} description="Every event that touched this resource, in time order, with who did it." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <ResourceHistory gid={gid} />
      </HydrationBoundary>
    </div>
  );
}
