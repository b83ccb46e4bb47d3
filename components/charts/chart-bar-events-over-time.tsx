"use client";

import * as React from "react";
import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ReferenceArea, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { categoryLabel } from "@/lib/asana/event-types";
import type { CountOverTime, Series, TimePoint } from "@/lib/stats/count-over-time";
import { formatCount } from "@/lib/format/time";
import { actorTypeLabel, OTHER_COLOR, seriesColor } from "./chart-colors";
import { bucketRange, bucketTick } from "./format-bucket";
import { ChartTooltip } from "./chart-tooltip";

export function seriesLabel(seriesBy: CountOverTime["seriesBy"], series: Series): string {
  if (series.key === null) return seriesBy === "category" ? "Other categories" : "Other actor types";
  const label = seriesBy === "category" ? categoryLabel(series.key || null) : actorTypeLabel(series.key);
  return series.cut && !label.endsWith("…") ? `${label}…` : label;
}

export function seriesFill(seriesBy: CountOverTime["seriesBy"], series: Series, index: number): string {
  return series.key === null ? OTHER_COLOR : seriesColor(seriesBy, series.key, index);
}

interface Props {
  data: CountOverTime;
  height: number;
  /** The table of events behind one bucket, or one series of it; null when no filter can say it. */
  hrefFor: (point: TimePoint, series?: Series) => string | null;
  /** Called with the range of the buckets dragged across. */
  onZoom: (from: Date, to: Date) => void;
}

/**
 * Events per bucket, stacked by category or actor type. A click on a bar segment opens the
 * events behind it; a click elsewhere in a bucket opens the whole bucket; dragging across
 * buckets zooms the page's time range to them.
 */
export function ChartBarEventsOverTime({ data, height, hrefFor, onZoom }: Props) {
  const router = useRouter();
  // Where the button went down, kept out of state: re-rendering on mousedown would replace the
  // bar under the pointer, and the browser would then never deliver its click.
  const pressed = React.useRef<number | null>(null);
  const [drag, setDrag] = React.useState<{ start: number; end: number } | null>(null);
  // A click on a segment bubbles to the chart, and a drag ends with a click: say who handled it.
  const handled = React.useRef(false);
  // Each bar reads its count by position (a function as dataKey), never by a key named after a value.
  const rows = data.points;
  const bucketMs = data.bucketMs;
  const index = (value: unknown) => (typeof value === "number" ? value : Number(value));

  const endDrag = () => {
    if (drag && drag.start !== drag.end) {
      const [a, b] = drag.start < drag.end ? [drag.start, drag.end] : [drag.end, drag.start];
      handled.current = true;
      onZoom(new Date(data.points[a]!.from), new Date(data.points[b]!.to));
    }
    pressed.current = null;
    if (drag) setDrag(null);
  };

  return (
    <div className="select-none" data-testid="events-over-time-chart" style={{ cursor: drag ? "col-resize" : "crosshair" }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart
          data={rows}
          margin={{ top: 8, right: 8, bottom: 0, left: 0 }}
          barCategoryGap={rows.length > 60 ? 0 : "12%"}
          onMouseDown={(state) => {
            const i = index(state.activeTooltipIndex);
            pressed.current = Number.isInteger(i) && i >= 0 ? i : null;
          }}
          onMouseMove={(state) => {
            const i = index(state.activeTooltipIndex);
            const start = pressed.current;
            if (start !== null && Number.isInteger(i) && i >= 0 && (drag ? i !== drag.end : i !== start)) setDrag({ start, end: i });
          }}
          onMouseUp={endDrag}
          onMouseLeave={() => {
            pressed.current = null;
            if (drag) setDrag(null);
          }}
          onClick={(state) => {
            if (handled.current) {
              handled.current = false;
              return;
            }
            const point = data.points[index(state.activeTooltipIndex)];
            const href = point && point.total > 0 ? hrefFor(point) : null;
            if (href) router.push(href);
          }}
        >
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="from" tickFormatter={(v: string) => bucketTick(v, bucketMs, data.zone)} tickLine={false} axisLine={false} minTickGap={24} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={44} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} tickFormatter={(v: number) => formatCount(v)} />
          <Tooltip cursor={{ fill: "var(--muted)", opacity: 0.6 }} content={({ active, payload }) => <BucketTooltip active={active} payload={payload as unknown as TooltipEntry[] | undefined} data={data} bucketMs={bucketMs} />} isAnimationActive={false} />
          {data.series.map((s, i) => (
            <Bar
              key={i}
              dataKey={(point: TimePoint) => point.counts[i] ?? 0}
              name={String(i)}
              stackId="events"
              fill={seriesFill(data.seriesBy, s, i)}
              isAnimationActive={false}
              className="cursor-pointer"
              onClick={(_, i) => {
                const point = data.points[i];
                const href = point ? hrefFor(point, s) : null;
                handled.current = true;
                if (href) router.push(href);
              }}
            />
          ))}
          {drag && drag.start !== drag.end ? (
            <ReferenceArea x1={rows[Math.min(drag.start, drag.end)]!.from} x2={rows[Math.max(drag.start, drag.end)]!.from} fill="var(--primary)" fillOpacity={0.12} stroke="var(--primary)" strokeOpacity={0.5} />
          ) : null}
        </BarChart>
      </ResponsiveContainer>
      <Legend data={data} />
    </div>
  );
}

interface TooltipEntry {
  payload?: unknown;
}

function BucketTooltip({ active, payload, data, bucketMs }: { active?: boolean; payload?: TooltipEntry[]; data: CountOverTime; bucketMs: number }) {
  if (!active || !payload?.length) return null;
  const point = payload[0]!.payload as TimePoint;
  const shown = data.series.map((s, i) => ({ s, i, n: point.counts[i] ?? 0 })).filter((x) => x.n > 0);
  return (
    <ChartTooltip title={bucketRange(point.from, point.to, bucketMs, data.zone)} count={point.total}>
      <ul className="mt-1 flex flex-col gap-0.5">
        {shown.map(({ s, i, n }) => (
          <li key={i} className="flex items-center gap-2">
            <span className="size-2 shrink-0 rounded-sm" style={{ background: seriesFill(data.seriesBy, s, i) }} />
            <span className="min-w-0 flex-1 truncate">{seriesLabel(data.seriesBy, s)}</span>
            <span className="tabular-nums">{formatCount(n)}</span>
          </li>
        ))}
      </ul>
      <div className="mt-1 text-muted-foreground">Click to open, drag to zoom</div>
    </ChartTooltip>
  );
}

function Legend({ data }: { data: CountOverTime }) {
  return (
    <ul className="mt-2 flex flex-wrap gap-x-3 gap-y-1 text-xs text-muted-foreground" data-testid="chart-legend">
      {data.series.map((s, i) => (
        <li key={i} className="flex max-w-full min-w-0 items-center gap-1.5">
          <span className="size-2.5 shrink-0 rounded-sm" style={{ background: seriesFill(data.seriesBy, s, i) }} aria-hidden />
          <span className="truncate">{seriesLabel(data.seriesBy, s)}</span>
          <span className="tabular-nums">{formatCount(s.total)}</span>
        </li>
      ))}
    </ul>
  );
}
