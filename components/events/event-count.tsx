"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import { eventCountQuery } from "@/lib/events/query";
import { formatCount } from "@/lib/format/time";
import { Skeleton } from "@/components/ui/skeleton";

const rounded = (n: number) => (n >= 1_000_000 ? `${(n / 1_000_000).toFixed(1)} million` : n >= 10_000 ? `${formatCount(Math.round(n / 1_000) * 1_000)}` : formatCount(n));

/**
 * How many events match. Large sets show the planner's estimate as "about N", with a way to
 * ask for the exact figure (which may take a moment over millions of rows).
 */
export function EventCount({ filter }: { filter: EventFilter }) {
  // Asking for the exact count is a passing wish for this filter, not part of the view.
  const [exactFor, setExactFor] = useState<EventFilter | null>(null);
  const wantExact = exactFor === filter;
  const query = useQuery(eventCountQuery(filter, wantExact));
  if (query.isPending) return <Skeleton className="h-5 w-28" aria-label="Counting events" />;
  if (query.error) return <span className="text-sm text-muted-foreground">Count unavailable</span>;
  const { count, exact } = query.data;
  if (count === null) {
    return (
      <p className="flex items-center gap-2 text-sm text-muted-foreground" aria-live="polite" data-testid="event-count">
        <span>Text search: not counted</span>
        <button type="button" disabled={query.isFetching} onClick={() => setExactFor(filter)} className="rounded-sm text-xs text-primary underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring/50 disabled:opacity-50">
          {query.isFetching ? "Counting…" : "Count"}
        </button>
      </p>
    );
  }
  return (
    <p className="flex items-center gap-2 text-sm" aria-live="polite" data-testid="event-count">
      <span>
        <span className="font-semibold tabular-nums">{exact ? formatCount(count) : `about ${rounded(count)}`}</span>{" "}
        <span className="text-muted-foreground">{count === 1 ? "event" : "events"}</span>
      </span>
      {!exact ? (
        <button type="button" disabled={query.isFetching} onClick={() => setExactFor(filter)} className="rounded-sm text-xs text-primary underline-offset-2 outline-none hover:underline focus-visible:ring-2 focus-visible:ring-ring/50 disabled:opacity-50">
          {query.isFetching ? "Counting…" : "Count exactly"}
        </button>
      ) : null}
    </p>
  );
}
