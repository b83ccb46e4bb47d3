"use client";

import Link from "next/link";
import { useQuery } from "@tanstack/react-query";
import { Badge } from "@/components/ui/badge";
import { Card, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { EmptyState } from "@/components/ui/empty-state";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ago, formatCount, utcStamp } from "@/lib/format/time";
import { statusQuery } from "@/lib/status/query";
import { OutcomeBadge } from "./outcome-badge";

function Stat({ label, value, hint, testId }: { label: string; value: React.ReactNode; hint?: React.ReactNode; testId: string }) {
  return (
    <Card className="gap-1.5">
      <CardHeader>
        <CardDescription>{label}</CardDescription>
      </CardHeader>
      <CardContent>
        <div className="text-2xl font-semibold tabular-nums tracking-tight" data-testid={testId}>
          {value}
        </div>
        {hint ? <div className="mt-1 text-xs text-muted-foreground">{hint}</div> : null}
      </CardContent>
    </Card>
  );
}

export function StatusPanel() {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(statusQuery());

  if (isPending) {
    return (
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4" aria-busy="true" aria-label="Loading database state">
        {Array.from({ length: 4 }, (_, i) => (
          <Skeleton key={i} className="h-28" />
        ))}
      </div>
    );
  }
  if (error) return <ErrorState bordered error={error} onRetry={() => void refetch()} />;

  // Relative times are measured from when the data was fetched, not from "now": the server's
  // render and the browser's hydration then print the same words.
  const now = new Date(dataUpdatedAt);
  const lastRun = data.workspaces.map((w) => w.lastRun).filter((r) => r !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  return (
    <div className="flex flex-col gap-4">
      <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
        <Stat
          label="Events stored"
          testId="events-stored"
          value={`${data.eventsApproximate ? "≈ " : ""}${formatCount(data.eventsStored)}`}
          hint={data.oldestEventAt ? `since ${utcStamp(data.oldestEventAt)}` : "nothing synced yet"}
        />
        <Stat label="Newest event" testId="newest-event" value={ago(data.newestEventAt, now)} hint={utcStamp(data.newestEventAt)} />
        <Stat
          label="Last sync"
          testId="last-sync"
          value={lastRun ? ago(lastRun.finishedAt ?? lastRun.startedAt, now) : "never"}
          hint={lastRun ? <OutcomeBadge outcome={lastRun.outcome} /> : "the first run starts shortly after start-up"}
        />
        <Stat
          label="Quarantined records"
          testId="quarantined"
          value={formatCount(data.quarantined)}
          hint={data.quarantined > 0 ? <Link className="underline underline-offset-2" href="/sync">Malformed upstream records kept aside: review</Link> : "every record received was valid"}
        />
      </div>
      {data.workspaces.length === 0 ? (
        <EmptyState
          bordered
          title="No workspace synced yet"
          description="Set ASANA_TOKEN and ASANA_WORKSPACE_GIDS, or start without a token to explore the built-in demo organisation."
        />
      ) : (
        <Card>
          <CardHeader>
            <CardTitle>Workspaces</CardTitle>
          </CardHeader>
          <CardContent>
            <ul className="divide-y text-sm">
              {data.workspaces.map((w) => (
                <li key={w.workspaceGid} className="flex flex-wrap items-center justify-between gap-2 py-2">
                  <span className="font-mono text-xs">{w.workspaceGid}</span>
                  <span className="flex items-center gap-2 text-muted-foreground">
                    {w.backfillDone ? <Badge variant="success">history complete</Badge> : <Badge variant="warning">backfilling</Badge>}
                    {w.lastError ? <Badge variant="destructive">last run failed</Badge> : null}
                    last success {ago(w.lastSuccessAt, now)}
                  </span>
                </li>
              ))}
            </ul>
          </CardContent>
        </Card>
      )}
    </div>
  );
}
