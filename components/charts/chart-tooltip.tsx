import type { ReactNode } from "react";
import { formatCount } from "@/lib/format/time";

/** The box every chart's tooltip shows: what the mark is, how many events, then any extra lines. */
export function ChartTooltip({ title, count, children }: { title: ReactNode; count: ReactNode; children?: ReactNode }) {
  return (
    <div className="rounded-md border bg-popover px-3 py-2 text-xs text-popover-foreground shadow-md">
      <div className="mb-0.5 font-medium">{title}</div>
      <div className="tabular-nums">{typeof count === "number" ? `${formatCount(count)} events` : count}</div>
      {children}
    </div>
  );
}
