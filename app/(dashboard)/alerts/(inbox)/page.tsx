import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import type { SearchParams } from "nuqs/server";
import { AlertsInbox } from "@/components/alerts/inbox/alerts-inbox";
import { InvalidParams } from "@/components/filters/invalid-params";
import { InboxHeader } from "@/components/alerts/inbox/inbox-header";
import { listRuleOptions } from "@/lib/alerts/count";
import { getAlert } from "@/lib/alerts/get-alert";
import { listAlerts } from "@/lib/alerts/list";
import { alertDetailQuery, alertListQuery, ruleOptionsQuery } from "@/lib/alerts/query";
import { alertInboxSearch, filtersOf } from "@/lib/alerts/search-params";
import { makeQueryClient } from "@/lib/query/query-client";
import { toSearchParams } from "@/lib/url/search-contract";

export const dynamic = "force-dynamic";
export const metadata = { title: "Alerts" };

export default async function AlertsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const search = toSearchParams(await searchParams);
  const parsed = alertInboxSearch.parse(search);
  const header = <InboxHeader />;
  if (!parsed.ok) {
    return (
      <div className="flex flex-col gap-6">
        {header}
        <InvalidParams errors={parsed.errors} search={search} path="/alerts" />
      </div>
    );
  }
  const filters = filtersOf(parsed.values);
  const alertId = parsed.values.alert;
  const queryClient = makeQueryClient();
  // The same queries as the client's, with the data functions in place of the API calls.
  await Promise.all([
    queryClient.prefetchInfiniteQuery({ ...alertListQuery(filters), queryFn: () => listAlerts(filters) }),
    queryClient.prefetchQuery({ ...ruleOptionsQuery(), queryFn: listRuleOptions }),
    ...(alertId ? [queryClient.prefetchQuery({ ...alertDetailQuery(alertId), queryFn: async () => (await getAlert(alertId)) ?? Promise.reject(new Error("That alert does not exist.")) })] : []),
  ]);
  return (
    <div className="flex flex-col gap-6">
      {header}
      <HydrationBoundary state={dehydrate(queryClient)}>
        <AlertsInbox />
      </HydrationBoundary>
    </div>
  );
}
