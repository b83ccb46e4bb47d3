"use client";

import { cn } from "@/lib/utils";

/** A panel's setting of a few values, as pressed buttons in one group (a stack, an interval, what a map counts). */
export function ChartToggle<T extends string>({ label, values, labels, value, onChange }: { label: string; values: readonly T[]; labels: Record<T, string>; value: T; onChange: (value: T) => unknown }) {
  return (
    <div role="group" aria-label={label} className="inline-flex h-7 items-center rounded-md border bg-background p-0.5 text-xs dark:bg-input/20">
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
