"use client";

import { Link } from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { ago, formatCount, utcStamp } from "@/lib/format/time";
import { statusQuery } from "@/lib/status/query";
import { OutcomeBadge } from "@/components/status/outcome-badge";

function Figure({ label, value, title, testId }: { label: string; value: React.ReactNode; title?: string; testId: string }) {
  return (
    <div className="flex min-w-0 flex-col" title={title}>
      <span className="text-xs text-muted-foreground">{label}</span>
      <span className="truncate text-sm font-semibold tabular-nums" data-testid={testId}>
        {value}
      </span>
    </div>
  );
}

/** What the dashboard holds and how fresh it is, in one line above the charts. */
export function StatusStrip() {
  const { data, error, isPending, refetch, dataUpdatedAt } = useQuery(statusQuery());
  if (isPending) return <Skeleton className="h-12" aria-label="Loading database state" />;
  if (error) return <ErrorState size="compact" bordered error={error} onRetry={() => void refetch()} />;
  // "3 minutes ago" as of when the figures were read, so server and browser render the same text.
  const now = new Date(dataUpdatedAt);
  const lastRun = data.workspaces.map((w) => w.lastRun).filter((r) => r !== null).sort((a, b) => b.startedAt.localeCompare(a.startedAt))[0];
  const failing = data.workspaces.some((w) => w.lastError);
  const backfilling = data.workspaces.some((w) => !w.backfillDone);
  return (
    <section aria-label="Sync status" className="grid grid-cols-2 gap-x-6 gap-y-2 rounded-lg border bg-card px-4 py-2.5 sm:grid-cols-3 lg:grid-cols-[repeat(4,minmax(0,1fr))_auto]">
      <Figure label="Events stored" testId="events-stored" value={`${data.eventsApproximate ? "≈ " : ""}${formatCount(data.eventsStored)}`} title={data.oldestEventAt ? `since ${utcStamp(data.oldestEventAt)}` : undefined} />
      <Figure label="Newest event" testId="newest-event" value={ago(data.newestEventAt, now)} title={utcStamp(data.newestEventAt)} />
      <Figure
        label="Last sync"
        testId="last-sync"
        value={
          lastRun ? (
            <span className="flex items-center gap-1.5">
              {ago(lastRun.finishedAt ?? lastRun.startedAt, now)} <OutcomeBadge outcome={lastRun.outcome} />
            </span>
          ) : (
            "never"
          )
        }
      />
      <Figure label="Quarantined" testId="quarantined" value={formatCount(data.quarantined)} />
      <div className="col-span-full flex items-center text-xs lg:col-span-1 lg:justify-end">
        <Link href="/sync" className="text-primary underline-offset-2 hover:underline">
          {failing ? "Last sync failed: see why" : backfilling ? "History still loading: see progress" : data.demoMode ? "Demo data: sync details" : "Sync details"}
        </Link>
      </div>
    </section>
  );
}
