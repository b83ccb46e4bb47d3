"use client";

import type { Sort } from "@/lib/events/view";
import { cn } from "@/lib/utils";

const LABELS: Record<Sort, string> = { newest: "Newest first", oldest: "Oldest first" };

export function SortToggle({ sort, onChange }: { sort: Sort; onChange: (sort: Sort) => void }) {
  return (
    <div role="group" aria-label="Order" className="inline-flex h-8 items-center rounded-md border bg-background p-0.5 text-xs dark:bg-input/20">
      {(Object.keys(LABELS) as Sort[]).map((s) => (
        <button
          key={s}
          type="button"
          aria-pressed={sort === s}
          onClick={() => onChange(s)}
          className={cn("h-full rounded-sm px-2 font-medium outline-none focus-visible:ring-2 focus-visible:ring-ring/50", sort === s ? "bg-primary text-primary-foreground" : "text-muted-foreground hover:text-foreground")}
        >
          {LABELS[s]}
        </button>
      ))}
    </div>
  );
}
