import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { InvalidParams } from "@/components/filters/invalid-params";
import { Overview } from "@/components/overview/overview";
import { StatusStrip } from "@/components/overview/status-strip";
import { PageHeader } from "@/components/shell/page-header";
import { countEvents } from "@/lib/events/count-events";
import { eventCountQuery } from "@/lib/events/query";
import { makeQueryClient } from "@/lib/query/query-client";
import { summariseOpenAlerts } from "@/lib/alerts/count";
import { alertSummaryQuery } from "@/lib/alerts/query";
import { toSearchParams } from "@/lib/url/search-contract";
import { getStatus } from "@/lib/status/get-status";
import { statusKeys } from "@/lib/status/query";
import { loadPanel } from "@/lib/stats/load-panel";
import { STAT_PANELS } from "@/lib/stats/panels";
import { statsKeys } from "@/lib/stats/query";
import { parseOverviewParams } from "@/lib/stats/search-params";
import { concreteZone } from "@/lib/events/view";
import { requestLocalZone } from "@/lib/time/request-zone";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

/**
 * The home page: the shape of what happened under the explorer's filter, then the people
 * behind it. Every panel's query runs here at once (the rollups keep them all within a few
 * hundred milliseconds at a million events); a panel whose query failed is left out of the
 * handover and retries on its own in the browser, showing its own error if it fails again.
 */
export default async function OverviewPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = toSearchParams(await searchParams);
  const localZone = await requestLocalZone();
  const parsed = parseOverviewParams(search, { localZone });
  const header = <PageHeader title="Overview" description="The shape of what happened in your Asana domain, then the people behind it. Every bar, slice and row opens the events it counts." />;
  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <InvalidParams errors={parsed.errors} search={search} path="/" />
      </div>
    );
  }
  const { filter, stack, interval, tz, map } = parsed;
  // The chart in the reader's zone; on a first visit (no zone cookie yet) "local" is unknown
  // and the browser loads the chart itself.
  const zone = tz === "local" && !localZone ? null : concreteZone(tz, localZone);
  const panels = STAT_PANELS.filter((panel) => panel !== "over-time" || zone !== null);
  const now = new Date();
  const queryClient = makeQueryClient();
  // Awaited: a query still pending when the HTML is rendered would hydrate differently.
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: statusKeys.all, queryFn: getStatus }),
    queryClient.prefetchQuery({ ...alertSummaryQuery(), queryFn: summariseOpenAlerts }),
    queryClient.prefetchQuery({ queryKey: eventCountQuery(filter).queryKey, queryFn: () => countEvents(filter, { now }) }),
    ...panels.map((panel) => {
      const chart = { zone: zone ?? "UTC", interval };
      return queryClient.prefetchQuery({ queryKey: statsKeys.panel(panel, filter, { stack, chart, map }), queryFn: () => loadPanel(panel, filter, { stack, now, map, ...chart }) });
    }),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <StatusStrip />
        <Overview />
      </HydrationBoundary>
    </div>
  );
}
