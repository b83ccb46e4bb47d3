"use client";

import { Link } from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import type { Dimension, EventFilter } from "@/lib/events/filters";
import { isRangeInstant } from "@/lib/events/time-range";
import { formatCount } from "@/lib/format/time";
import type { Series, TimePoint } from "@/lib/stats/count-over-time";
import { between, drillDown, eventsHref } from "@/lib/events/filter-ops";
import type { Stack } from "@/lib/stats/panels";
import { panelQuery } from "@/lib/stats/query";
import { ChartBarEventsOverTime, seriesLabel } from "@/components/charts/chart-bar-events-over-time";
import { ChartPanel } from "@/components/charts/chart-panel";
import { bucketRange } from "@/components/charts/format-bucket";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";
import { cn } from "@/lib/utils";

const HEIGHT = 260;
const linkableRange = (point: { from: string; to: string }) => isRangeInstant(new Date(point.from)) && isRangeInstant(new Date(point.to));
const STACK_LABELS: Record<Stack, string> = { category: "Category", actor_type: "Actor type" };

interface Props {
  filter: EventFilter;
  stack: Stack;
  setStack: (stack: Stack) => unknown;
  setFilter: (filter: EventFilter) => unknown;
}

/** Events over time, stacked by category or actor type; click to open, drag to zoom. */
export function PanelEventsOverTime({ filter, stack, setStack, setFilter }: Props) {
  const query = useQuery(panelQuery("over-time", filter, stack));
  const dimension: Dimension = stack === "category" ? "category" : "actorType";
  // A bucket of a far date (the year 1, 9999) is outside what a link's range may say: no link.
  const hrefFor = (point: TimePoint, series?: Series): string | null => {
    if (!linkableRange(point)) return null;
    const bucket = between(filter, new Date(point.from), new Date(point.to));
    if (series === undefined) return eventsHref(bucket);
    return series.key === null || series.cut ? null : drillDown(bucket, dimension, series.key);
  };

  return (
    <ChartPanel
      title="Events over time"
      description={query.data && query.data.total > 0 ? `${formatCount(query.data.total)} events, one bar per ${query.data.bucketLabel}${query.data.bucketLabel === "day" || query.data.bucketLabel === "week" ? " (UTC)" : ""}. Click a bar to open its events; drag across bars to zoom in.` : "Click a bar to open its events; drag across bars to zoom in."}
      query={query}
      height={HEIGHT}
      testId="panel-over-time"
      isEmpty={(d) => d.total === 0}
      emptyDescription="No events in this time range match the filters. Widen the range or clear a filter."
      actions={
        <div role="group" aria-label="Stack bars by" className="inline-flex h-7 items-center rounded-md border bg-background p-0.5 text-xs dark:bg-input/20">
          {(Object.keys(STACK_LABELS) as Stack[]).map((s) => (
            <button
              key={s}
              type="button"
              aria-pressed={stack === s}
              onClick={() => setStack(s)}
              className={cn("h-full rounded-sm px-2 font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring/50", stack === s ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground")}
            >
              {STACK_LABELS[s]}
            </button>
          ))}
        </div>
      }
      chart={(data) => (
        <ChartBarEventsOverTime
          data={data}
          height={HEIGHT}
          hrefFor={hrefFor}
          onZoom={(from, to) => (linkableRange({ from: from.toISOString(), to: to.toISOString() }) ? void setFilter(between(filter, from, to)) : undefined)}
        />
      )}
      table={(data) => {
        const bucketMs = data.bucketMs;
        return (
          <Table>
            <TableHeader>
              <TableRow>
                <TableHead>Time</TableHead>
                <TableHead className="text-right">Events</TableHead>
                {data.series.map((s, i) => (
                  <TableHead key={i} className="max-w-40 truncate text-right">
                    {seriesLabel(data.seriesBy, s)}
                  </TableHead>
                ))}
              </TableRow>
            </TableHeader>
            <TableBody>
              {data.points.map((p) => {
                const bucketHref = p.total > 0 ? hrefFor(p) : null;
                return (
                  <TableRow key={p.from}>
                    <TableCell className="whitespace-nowrap">{bucketRange(p.from, p.to, bucketMs)}</TableCell>
                    <TableCell className="text-right tabular-nums">
                      {bucketHref ? (
                        <Link href={bucketHref} className="text-primary underline-offset-2 hover:underline">
                          {formatCount(p.total)}
                        </Link>
                      ) : (
                        formatCount(p.total)
                      )}
                    </TableCell>
                    {data.series.map((s, i) => {
                      const n = p.counts[i] ?? 0;
                      const href = n > 0 ? hrefFor(p, s) : null;
                      return (
                        <TableCell key={i} className="text-right text-muted-foreground tabular-nums">
                          {href ? (
                            <Link href={href} className="underline-offset-2 hover:text-primary hover:underline">
                              {formatCount(n)}
                            </Link>
                          ) : (
                            formatCount(n)
                          )}
                        </TableCell>
                      );
                    })}
                  </TableRow>
                );
              })}
            </TableBody>
          </Table>
        );
      }}
    />
  );
}
