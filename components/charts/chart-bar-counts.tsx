"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, Cell, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import { formatCount } from "@/lib/format/time";
import type { CountRow } from "./count-table";
import { ChartTooltip } from "./chart-tooltip";

export interface ColoredCountRow extends CountRow {
  label: string;
  color: string;
}

/** Counts as horizontal bars, largest first; a click on a bar opens its events. */
export function ChartBarCounts({ rows, testId }: { rows: ColoredCountRow[]; testId?: string }) {
  const router = useRouter();
  const height = Math.max(120, rows.length * 28 + 16);
  return (
    <div data-testid={testId}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={rows} layout="vertical" margin={{ top: 0, right: 48, bottom: 0, left: 0 }} barCategoryGap={6}>
          <XAxis type="number" hide allowDecimals={false} />
          <YAxis type="category" dataKey="label" width={190} tickLine={false} axisLine={false} interval={0} tick={{ fontSize: 12, fill: "var(--foreground)" }} />
          <Tooltip
            cursor={{ fill: "var(--muted)", opacity: 0.6 }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const row = active ? (payload?.[0]?.payload as ColoredCountRow | undefined) : undefined;
              if (!row) return null;
              return (
                <ChartTooltip title={row.label} count={row.count}>
                  {row.href ? <div className="text-muted-foreground">Click to open</div> : null}
                </ChartTooltip>
              );
            }}
          />
          <Bar
            dataKey="count"
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
            label={{ position: "right", fontSize: 11, fill: "var(--muted-foreground)", formatter: (v: unknown) => formatCount(Number(v)) }}
            onClick={(_, i) => {
              const href = rows[i]?.href;
              if (href) router.push(href);
            }}
          >
            {rows.map((row) => (
              <Cell key={row.key} fill={row.color} className={row.href ? "cursor-pointer" : undefined} />
            ))}
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
