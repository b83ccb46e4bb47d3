"use client";

import { useQuery } from "@tanstack/react-query";
import { Info } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatDuration } from "@/lib/format/time";
import { syncStateQuery } from "@/components/sync/query";
import { QuarantineList } from "./quarantine-list";
import { WorkspaceCard } from "./workspace-card";

export function SyncOverview() {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(syncStateQuery());
  if (isPending) return <Skeleton className="h-64" aria-label="Loading sync state" />;
  if (error) return <ErrorState bordered error={error} onRetry={() => void refetch()} />;
  const now = new Date(dataUpdatedAt);
  return (
    <div className="flex flex-col gap-6">
      {data.demoMode ? (
        <Alert variant="info">
          <Info />
          <AlertTitle>Demo mode</AlertTitle>
          <AlertDescription>
            No Asana token is configured, so a built-in emulator with a synthetic organisation stands in for Asana. Set ASANA_TOKEN and ASANA_WORKSPACE_GIDS to sync your domain.
          </AlertDescription>
        </Alert>
      ) : null}
      <p className="text-sm text-muted-foreground">
        {data.schedulerEnabled ? `The sync runs every ${formatDuration(data.intervalMs / 1000)}, and at once again while a backfill is under way.` : "The scheduler is off (SYNC_ENABLED=false): syncs run only when triggered."}
      </p>
      {data.workspaces.length === 0 ? (
        <EmptyState bordered title="No workspace configured" description="Set ASANA_WORKSPACE_GIDS to the workspace (domain) whose audit log the dashboard should keep." />
      ) : (
        data.workspaces.map((w) => <WorkspaceCard key={w.workspaceGid} workspace={w} now={now} />)
      )}
      <QuarantineList />
    </div>
  );
}
