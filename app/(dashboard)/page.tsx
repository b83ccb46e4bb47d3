import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "@/components/shell/page-header";
import { StatusPanel } from "@/components/status/status-panel";
import { makeQueryClient } from "@/lib/query/query-client";
import { getStatus } from "@/lib/status/get-status";
import { statusKeys } from "@/lib/status/query";

export const dynamic = "force-dynamic";
export const metadata = { title: "Overview" };

export default async function OverviewPage() {
  const queryClient = makeQueryClient();
  await queryClient.prefetchQuery({ queryKey: statusKeys.all, queryFn: getStatus });
  return (
    <div className="flex flex-col gap-6">
      <PageHeader title="Overview" description="What the dashboard holds of your Asana audit log, and how fresh it is." />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <StatusPanel />
      </HydrationBoundary>
    </div>
  );
}
