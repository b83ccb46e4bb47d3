"use client";

import { useRouter } from "next/navigation";
import { Cell, Pie, PieChart, ResponsiveContainer, Tooltip } from "recharts";
import { formatCount } from "@/lib/format/time";
import type { ColoredCountRow } from "./chart-bar-counts";
import { ChartTooltip } from "./chart-tooltip";

/** Share of events by actor type as a donut; a click on a slice opens its events. */
export function ChartPieActorTypes({ rows, total, height }: { rows: ColoredCountRow[]; total: number; height: number }) {
  const router = useRouter();
  return (
    <div className="grid items-center gap-4 sm:grid-cols-[minmax(0,1fr)_auto]" data-testid="actor-types-chart">
      <ResponsiveContainer width="100%" height={height}>
        <PieChart>
          <Tooltip
            isAnimationActive={false}
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as ColoredCountRow | undefined) : undefined;
              if (!row) return null;
              return (
                <ChartTooltip title={row.label} count={`${formatCount(row.count)} events · ${((row.count / total) * 100).toFixed(1)}%`} />
              );
            }}
          />
          <Pie
            data={rows}
            dataKey="count"
            nameKey="label"
            innerRadius="55%"
            outerRadius="85%"
            paddingAngle={1}
            isAnimationActive={false}
            onClick={(_, i) => {
              const href = rows[i]?.href;
              if (href) router.push(href);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.key} fill={row.color} stroke="var(--card)" className="cursor-pointer" />
            ))}
          </Pie>
        </PieChart>
      </ResponsiveContainer>
      <ul className="flex flex-col gap-1.5 text-sm">
        {rows.map((row) => (
          <li key={row.key} className="flex items-center gap-2">
            <span className="size-2.5 shrink-0 rounded-sm" style={{ background: row.color }} aria-hidden />
            <span className="flex-1">{row.label}</span>
            <span className="text-muted-foreground tabular-nums">{formatCount(row.count)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
