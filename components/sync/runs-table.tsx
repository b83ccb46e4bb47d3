import { OutcomeBadge } from "@/components/status/outcome-badge";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { formatCount, formatDuration, utcStamp } from "@/lib/format/time";
import type { SyncRunView } from "@/lib/sync/get-sync-state";

type RunTimes = Pick<SyncRunView, "startedAt" | "finishedAt">;

/** How long a finished run took, in seconds; null while it runs. */
const secondsOf = (run: RunTimes) => (run.finishedAt ? (Date.parse(run.finishedAt) - Date.parse(run.startedAt)) / 1000 : null);

function duration(run: RunTimes): string {
  const seconds = secondsOf(run);
  return seconds === null ? "running" : formatDuration(seconds);
}

/** Events received per second over a finished run (a running one has no fixed figure yet). */
export function runSpeed(run: RunTimes & Pick<SyncRunView, "eventsReceived">): string {
  const seconds = secondsOf(run);
  if (seconds === null || run.eventsReceived === 0) return "—";
  return `${formatCount(Math.round(run.eventsReceived / Math.max(seconds, 0.001)))}/s`;
}

export function RunsTable({ runs }: { runs: SyncRunView[] }) {
  return (
    <Table>
      <TableHeader>
        <TableRow>
          <TableHead>Started</TableHead>
          <TableHead>Trigger</TableHead>
          <TableHead>Outcome</TableHead>
          <TableHead className="text-right">Took</TableHead>
          <TableHead className="text-right">Events/s</TableHead>
          <TableHead className="text-right">Pages</TableHead>
          <TableHead className="text-right">Received</TableHead>
          <TableHead className="text-right">New</TableHead>
          <TableHead className="text-right">Quarantined</TableHead>
          <TableHead className="text-right">Retries</TableHead>
          <TableHead className="text-right">429 waits</TableHead>
        </TableRow>
      </TableHeader>
      <TableBody>
        {runs.map((run) => (
          <TableRow key={run.id}>
            <TableCell className="whitespace-nowrap">{utcStamp(run.startedAt)}</TableCell>
            <TableCell>{run.kind === "reconcile" ? `reconciliation · ${run.trigger}` : run.trigger}</TableCell>
            <TableCell>
              <OutcomeBadge outcome={run.outcome} />
            </TableCell>
            <TableCell className="text-right">{duration(run)}</TableCell>
            <TableCell className="text-right tabular-nums">{runSpeed(run)}</TableCell>
            <TableCell className="text-right">{formatCount(run.pages)}</TableCell>
            <TableCell className="text-right">{formatCount(run.eventsReceived)}</TableCell>
            <TableCell className="text-right">{formatCount(run.eventsNew)}</TableCell>
            <TableCell className="text-right">{formatCount(run.quarantined)}</TableCell>
            <TableCell className="text-right">{formatCount(run.retries)}</TableCell>
            <TableCell className="text-right">
              {formatCount(run.rateLimitWaits)}
              {run.rateLimitWaitMs > 0 ? <span className="text-muted-foreground"> ({formatDuration(run.rateLimitWaitMs / 1000)})</span> : null}
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
}
