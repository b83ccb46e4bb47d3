import { CircleAlert } from "lucide-react";
import { Alert, AlertDescription, AlertTitle } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ago, formatCount, utcStamp } from "@/lib/format/time";
import type { WorkspaceSyncView } from "@/lib/sync/get-sync-state";
import { BackfillProgress } from "./backfill-progress";
import { RunsTable } from "./runs-table";
import { DataText } from "@/components/ui/data-text";

function Figure({ label, value, hint }: { label: string; value: React.ReactNode; hint?: string }) {
  return (
    <div className="flex flex-col gap-0.5">
      <dt className="text-xs text-muted-foreground">{label}</dt>
      <dd className="text-sm font-medium tabular-nums" title={hint}>
        {value}
      </dd>
    </div>
  );
}

export function WorkspaceCard({ workspace, now }: { workspace: WorkspaceSyncView; now: Date }) {
  const lastFailed = workspace.runs[0]?.outcome === "failed";
  return (
    <Card data-testid={`workspace-${workspace.workspaceGid}`}>
      <CardHeader>
        <CardTitle>
          Workspace <span className="font-mono">{workspace.workspaceGid}</span>
        </CardTitle>
        <CardDescription>Last successful run {ago(workspace.lastSuccessAt, now)}</CardDescription>
        <CardAction className="flex gap-2">
          {workspace.running ? <Badge variant="primary">syncing now</Badge> : null}
          {workspace.backfill.done ? <Badge variant="success">history complete</Badge> : <Badge variant="warning">backfilling</Badge>}
        </CardAction>
      </CardHeader>
      <CardContent className="flex flex-col gap-5">
        {workspace.lastError && lastFailed ? (
          <Alert variant="destructive">
            <CircleAlert />
            <AlertTitle>The last run failed</AlertTitle>
            <AlertDescription className="[overflow-wrap:anywhere]">
              <DataText value={workspace.lastError} max={2_000} />
            </AlertDescription>
          </Alert>
        ) : null}
        {!workspace.backfill.done ? <BackfillProgress backfill={workspace.backfill} /> : null}
        <dl className="grid grid-cols-2 gap-4 sm:grid-cols-4">
          <Figure label="Events stored" value={formatCount(workspace.eventsStored)} />
          <Figure label="Newest event" value={ago(workspace.newestEventAt, now)} hint={utcStamp(workspace.newestEventAt)} />
          <Figure label="Cursor last moved" value={ago(workspace.cursorUpdatedAt, now)} hint={utcStamp(workspace.cursorUpdatedAt)} />
          <Figure label="Quarantined records" value={formatCount(workspace.quarantined)} />
        </dl>
        {workspace.runs.length === 0 ? (
          <EmptyState size="compact" title="No run yet" description="The first run starts shortly after start-up, or press Sync now." />
        ) : (
          <RunsTable runs={workspace.runs} />
        )}
      </CardContent>
    </Card>
  );
}
