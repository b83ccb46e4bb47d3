"use client";

import { useRouter } from "next/navigation";
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { ActorActivity } from "@/lib/actors/get-actor-timeline";
import { bucketRange, bucketTick } from "./format-bucket";
import { ChartTooltip } from "./chart-tooltip";

type Point = ActorActivity["points"][number];

/** One actor's events per bucket; a click on a bar opens that bucket's events. */
export function ChartBarActorActivity({ data, height, hrefFor }: { data: ActorActivity; height: number; hrefFor: (point: Point) => string | null }) {
  const router = useRouter();
  return (
    <div data-testid="actor-activity-chart">
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data.points} margin={{ top: 8, right: 8, bottom: 0, left: 0 }} barCategoryGap={data.points.length > 60 ? 0 : "12%"}>
          <CartesianGrid vertical={false} strokeDasharray="3 3" className="stroke-border" />
          <XAxis dataKey="from" tickFormatter={(v: string) => bucketTick(v, data.bucketMs, data.zone)} tickLine={false} axisLine={false} minTickGap={24} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} />
          <YAxis allowDecimals={false} tickLine={false} axisLine={false} width={40} tick={{ fontSize: 11, fill: "var(--muted-foreground)" }} />
          <Tooltip
            cursor={{ fill: "var(--muted)", opacity: 0.6 }}
            isAnimationActive={false}
            content={({ active, payload }) => {
              const p = active ? (payload?.[0]?.payload as Point | undefined) : undefined;
              if (!p) return null;
              return (
                <ChartTooltip title={bucketRange(p.from, p.to, data.bucketMs, data.zone)} count={p.total} />
              );
            }}
          />
          <Bar
            dataKey="total"
            fill="var(--chart-1)"
            isAnimationActive={false}
            className="cursor-pointer"
            onClick={(_, i) => {
              const p = data.points[i];
              const href = p && p.total > 0 ? hrefFor(p) : null;
              if (href) router.push(href);
            }}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
