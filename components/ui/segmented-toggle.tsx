"use client";

import { cn } from "@/lib/utils";

/** A setting of a few values as pressed buttons in one group: a chart's stack or interval, what the map counts, a timeline's order. */
export function SegmentedToggle<T extends string>({
  label,
  values,
  labels,
  value,
  onChange,
  className,
}: {
  label: string;
  values: readonly T[];
  labels: Record<T, string>;
  value: T;
  onChange: (value: T) => unknown;
  className?: string;
}) {
  return (
    <div role="group" aria-label={label} className={cn("inline-flex h-7 items-center rounded-md border bg-background p-0.5 text-xs dark:bg-input/20", className)}>
      {values.map((v) => (
        <button
          key={v}
          type="button"
          aria-pressed={value === v}
          onClick={() => onChange(v)}
          className={cn("h-full rounded-sm px-2 font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring/50", value === v ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground")}
        >
          {labels[v]}
        </button>
      ))}
    </div>
  );
}
