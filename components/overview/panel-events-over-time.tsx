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
import { INTERVALS, type Interval } from "@/lib/stats/buckets";
import { useZone } from "@/lib/time/use-local-zone";
import type { TimeZoneChoice } from "@/lib/events/view";
import { ChartBarEventsOverTime, seriesLabel } from "@/components/charts/chart-bar-events-over-time";
import { ChartPanel } from "@/components/charts/chart-panel";
import { SegmentedToggle } from "@/components/ui/segmented-toggle";
import { bucketRange } from "@/components/charts/format-bucket";
import { Table, TableBody, TableCell, TableHead, TableHeader, TableRow } from "@/components/ui/table";

const HEIGHT = 260;
const linkableRange = (point: { from: string; to: string }) => isRangeInstant(new Date(point.from)) && isRangeInstant(new Date(point.to));
const STACK_LABELS: Record<Stack, string> = { category: "Category", actor_type: "Actor type" };
const INTERVAL_LABELS: Record<Interval, string> = { auto: "Auto", day: "Day", week: "Week" };

interface Props {
  filter: EventFilter;
  stack: Stack;
  setStack: (stack: Stack) => unknown;
  interval: Interval;
  setInterval: (interval: Interval) => unknown;
  tz: TimeZoneChoice;
  setFilter: (filter: EventFilter) => unknown;
}

/**
 * Events over time, stacked by category or actor type, in days and weeks of the chosen zone;
 * click to open, drag to zoom. While the browser's zone is not known yet the chart waits.
 */
export function PanelEventsOverTime({ filter, stack, setStack, interval, setInterval, tz, setFilter }: Props) {
  const zone = useZone(tz);
  const query = useQuery({ ...panelQuery("over-time", filter, { stack, chart: { zone: zone ?? "UTC", interval } }), enabled: zone !== null });
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
      description={query.data && query.data.total > 0 ? `${formatCount(query.data.total)} events, one bar per ${query.data.bucketLabel} (${query.data.zone}). Click a bar to open its events; drag across bars to zoom in.` : "Click a bar to open its events; drag across bars to zoom in."}
      query={query}
      height={HEIGHT}
      testId="panel-over-time"
      isEmpty={(d) => d.total === 0}
      emptyDescription="No events in this time range match the filters. Widen the range or clear a filter."
      actions={
        <div className="flex flex-wrap items-center gap-2">
          <SegmentedToggle label="Bars per" values={INTERVALS} labels={INTERVAL_LABELS} value={interval} onChange={setInterval} />
          <SegmentedToggle label="Stack bars by" values={Object.keys(STACK_LABELS) as Stack[]} labels={STACK_LABELS} value={stack} onChange={setStack} />
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
                    <TableCell className="whitespace-nowrap">{bucketRange(p.from, p.to, bucketMs, data.zone)}</TableCell>
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
