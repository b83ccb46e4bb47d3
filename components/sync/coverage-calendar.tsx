"use client";

import { useQuery } from "@tanstack/react-query";
import { Link } from "@/components/ui/link";
import { Card, CardAction, CardContent, CardDescription, CardHeader, CardTitle } from "@/components/ui/card";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { formatCount } from "@/lib/format/time";
import type { CoverageDayView, DayState, WorkspaceCoverage } from "@/lib/sync/get-coverage";
import { coverageQuery } from "@/components/sync/query";
import { cn } from "@/lib/utils";
import { IntegrityActions } from "./integrity-actions";

/** How each state looks and reads; ordered as the legend shows them. */
const STATES: ReadonlyMap<DayState, { label: string; cell: string }> = new Map([
  ["verified", { label: "Verified complete", cell: "bg-success" }],
  ["filled", { label: "Gaps found and filled", cell: "bg-chart-2" }],
  ["unverified", { label: "Not yet verified", cell: "bg-muted-foreground/25" }],
  ["at_risk", { label: "Not verified, about to leave Asana", cell: "bg-warning" }],
  ["expired", { label: "Not verified; Asana no longer holds it", cell: "bg-muted-foreground/60" }],
  ["failed", { label: "Re-read failed", cell: "bg-destructive/60" }],
  ["altered", { label: "Altered since sealed", cell: "bg-destructive" }],
  ["open", { label: "Still open", cell: "border border-dashed border-muted-foreground/40" }],
] as const);

const DAY_MS = 86_400_000;

function describe(d: CoverageDayView): string {
  const parts = [`${d.day}: ${STATES.get(d.state)?.label ?? d.state}`, `${formatCount(d.stored)} stored`];
  if (d.listed !== null) parts.push(`${formatCount(d.listed)} listed by Asana when re-read`);
  if (d.foundLate > 0) parts.push(`${formatCount(d.foundLate)} found late${d.maxLateMs ? ` (up to ${Math.round(d.maxLateMs / 3_600_000)} h late)` : ""}`);
  if (d.sealed) parts.push("sealed");
  if (d.note) parts.push(d.note);
  return parts.join(" · ");
}

const dayLink = (day: string) => `/events?from=${day}T00:00:00.000Z&to=${new Date(Date.parse(`${day}T00:00:00.000Z`) + DAY_MS).toISOString()}&tz=utc`;

/** Weeks as columns, Monday to Sunday down each one, as a contribution calendar reads. */
function Grid({ days }: { days: CoverageDayView[] }) {
  const first = days[0];
  if (!first) return null;
  const lead = (new Date(`${first.day}T00:00:00.000Z`).getUTCDay() + 6) % 7;
  const cells: Array<CoverageDayView | null> = [...Array.from({ length: lead }, () => null), ...days];
  return (
    <div className="overflow-x-auto pb-1">
      <ol className="grid w-max grid-flow-col grid-rows-7 gap-[3px]" aria-label="Days, oldest first">
        {cells.map((d, i) =>
          d ? (
            <li key={d.day}>
              <Link href={dayLink(d.day)} prefetch={false} title={describe(d)} aria-label={describe(d)} data-state={d.state} className={cn("block size-3.5 rounded-[3px] outline-offset-1", STATES.get(d.state)?.cell)} />
            </li>
          ) : (
            <li key={`lead-${i}`} aria-hidden className="size-3.5" />
          ),
        )}
      </ol>
    </div>
  );
}

function WorkspaceCalendar({ workspace }: { workspace: WorkspaceCoverage }) {
  const attention = workspace.days.filter((d) => d.state === "at_risk" || d.state === "failed" || d.state === "altered");
  return (
    <section className="flex flex-col gap-3" aria-label={`Workspace ${workspace.workspaceGid}`}>
      <h3 className="text-sm font-medium">
        Workspace <span className="font-mono">{workspace.workspaceGid}</span>
      </h3>
      <Grid days={workspace.days} />
      <ul className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-muted-foreground" aria-label="Legend">
        {[...STATES].map(([state, look]) => (
          <li key={state} className="flex items-center gap-1.5">
            <span className={cn("inline-block size-3 rounded-[3px]", look.cell)} aria-hidden />
            {look.label} <span className="tabular-nums">({workspace.counts[state]})</span>
          </li>
        ))}
      </ul>
      {attention.length > 0 ? (
        <ul className="flex flex-col gap-1 text-sm" aria-label="Days that need attention">
          {attention.slice(0, 10).map((d) => (
            <li key={d.day}>
              <Link href={dayLink(d.day)} prefetch={false} className="underline-offset-2 hover:underline">
                {describe(d)}
              </Link>
            </li>
          ))}
          {attention.length > 10 ? <li className="text-muted-foreground">and {attention.length - 10} more</li> : null}
        </ul>
      ) : null}
      <p className="text-xs text-muted-foreground">
        Chain head:{" "}
        {workspace.head ? (
          <>
            {workspace.head.day} <code className="break-all font-mono" data-testid="chain-head">{workspace.head.chain}</code> — note it to check later that no sealed day changed (<code>npm run verify</code>).
          </>
        ) : (
          "no day sealed yet."
        )}
      </p>
    </section>
  );
}

/** Every day's coverage: verified, filled, not verified, about to leave Asana's 90 days… */
export function CoverageCalendar() {
  const { data, error, isPending, refetch } = useQuery(coverageQuery());
  return (
    <Card>
      <CardHeader>
        <CardTitle>Coverage</CardTitle>
        <CardDescription>
          Each UTC day, re-read from Asana and compared with what is stored. Asana holds events from{" "}
          {data ? <span className="tabular-nums">{data.horizon.instant.slice(0, 16).replace("T", " ")} UTC</span> : "90 days ago"}; a day never verified before then can no longer be.
        </CardDescription>
        <CardAction>
          <IntegrityActions />
        </CardAction>
      </CardHeader>
      <CardContent className="flex flex-col gap-6">
        {/* A failed refresh keeps the calendar already shown: it says so instead of hiding it. */}
        {data ? (
          <>
            {error ? <p role="status" className="text-xs text-destructive">Could not refresh the calendar ({error.message}); showing what was read before.</p> : null}
            {data.workspaces.map((w) => (
              <WorkspaceCalendar key={w.workspaceGid} workspace={w} />
            ))}
          </>
        ) : isPending ? (
          <Skeleton className="h-32" />
        ) : (
          <ErrorState size="compact" error={error} onRetry={() => void refetch()} />
        )}
      </CardContent>
    </Card>
  );
}
