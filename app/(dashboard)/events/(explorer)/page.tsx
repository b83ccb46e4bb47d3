import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { EventExplorer } from "@/components/events/event-explorer";
import { ExplorerActions } from "@/components/events/explorer-actions";
import { InvalidParams } from "@/components/filters/invalid-params";
import { PageHeader } from "@/components/shell/page-header";
import { countEvents } from "@/lib/events/count-events";
import { listEvents } from "@/lib/events/list-events";
import { eventCountQuery, eventListQuery } from "@/lib/events/query";
import { parseEventParams } from "@/lib/events/search-params";
import { requestLocalZone } from "@/lib/time/request-zone";
import { makeQueryClient } from "@/lib/query/query-client";
import { toSearchParams } from "@/lib/url/search-contract";

export const dynamic = "force-dynamic";
export const metadata = { title: "Events" };

const header = (actions?: React.ReactNode) => (
  <PageHeader title="Events" description="Every audit event stored from Asana. Filter, search, open one for the whole story; the address always reproduces the view." actions={actions} />
);

export default async function EventsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const params = toSearchParams(await searchParams);
  const parsed = parseEventParams(params, { localZone: await requestLocalZone() });
  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        {header()}
        <InvalidParams errors={parsed.errors} search={params} />
      </div>
    );
  }
  const { filter, view } = parsed;
  const queryClient = makeQueryClient();
  // The client's own queries, filled by the data functions instead of the API; the facets
  // (the slowest) load in the browser behind their own skeleton.
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: eventListQuery(filter, view).queryKey, queryFn: () => listEvents({ filter, sort: view.sort, size: view.size, page: view.page }) }),
    queryClient.prefetchQuery({ queryKey: eventCountQuery(filter).queryKey, queryFn: () => countEvents(filter) }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {header(<ExplorerActions />)}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <EventExplorer />
      </HydrationBoundary>
    </div>
  );
}
