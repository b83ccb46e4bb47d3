import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { PageHeader } from "@/components/shell/page-header";
import { SyncNowButton } from "@/components/sync/sync-now-button";
import { CoverageCalendar } from "@/components/sync/coverage-calendar";
import { SyncOverview } from "@/components/sync/sync-overview";
import { makeQueryClient } from "@/lib/query/query-client";
import { getCoverage } from "@/lib/sync/get-coverage";
import { getSyncState } from "@/lib/sync/get-sync-state";
import { listQuarantined } from "@/lib/sync/list-quarantined";
import { syncKeys } from "@/components/sync/query";

export const dynamic = "force-dynamic";
export const metadata = { title: "Sync" };

export default async function SyncPage() {
  const queryClient = makeQueryClient();
  await Promise.all([
    queryClient.prefetchQuery({ queryKey: syncKeys.state(), queryFn: () => getSyncState() }),
    queryClient.prefetchQuery({ queryKey: syncKeys.quarantine(), queryFn: () => listQuarantined() }),
    queryClient.prefetchQuery({ queryKey: syncKeys.coverage(), queryFn: () => getCoverage() }),
  ]);
  return (
    <>
      <PageHeader title="Sync" description="How the copy of Asana's audit log is kept: backfill, polling, reconciliation, runs, each day's coverage and what was kept aside." actions={<SyncNowButton />} />
      <HydrationBoundary state={dehydrate(queryClient)}>
        <SyncOverview />
        <CoverageCalendar />
      </HydrationBoundary>
    </>
  );
}
