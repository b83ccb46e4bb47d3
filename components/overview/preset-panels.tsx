"use client";

import { Link } from "@/components/ui/link";
import { useQuery } from "@tanstack/react-query";
import { ArrowUpRight } from "lucide-react";
import type { EventFilter } from "@/lib/events/filters";
import { formatCount } from "@/lib/format/time";
import { eventsHref } from "@/lib/events/filter-ops";
import { PRESETS } from "@/lib/stats/presets";
import { panelQuery } from "@/lib/stats/query";
import { ErrorState } from "@/components/ui/error-state";
import { Skeleton } from "@/components/ui/skeleton";
import { cn } from "@/lib/utils";

/**
 * The figures admins look for first, each a link to the table it counts. They share one
 * query (one pass over the filter's events) and so load, and fail, together.
 */
export function PresetPanels({ filter }: { filter: EventFilter }) {
  const query = useQuery(panelQuery("presets", filter));
  if (query.isPending) {
    return (
      <div className="grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7" aria-label="Loading highlights">
        {PRESETS.map((p) => (
          <Skeleton key={p.key} className="h-[5.5rem]" />
        ))}
      </div>
    );
  }
  if (query.error && !query.data) return <ErrorState size="compact" bordered title="Could not count the highlights" error={query.error} onRetry={() => void query.refetch()} />;
  const counts = new Map(query.data!.presets.map((p) => [p.key, p]));
  return (
    <section aria-label="Highlights" className={cn("grid grid-cols-2 gap-3 md:grid-cols-4 xl:grid-cols-7", query.isPlaceholderData && "opacity-60")} data-testid="preset-panels">
      {PRESETS.map((preset) => {
        const result = counts.get(preset.key);
        const count = result?.count ?? 0;
        const body = (
          <>
            <span className="flex items-start justify-between gap-1 text-xs font-medium text-muted-foreground">
              {preset.title}
              {result?.filter ? <ArrowUpRight className="size-3.5 shrink-0 opacity-0 transition-opacity group-hover:opacity-100" aria-hidden /> : null}
            </span>
            <span className={cn("text-2xl font-semibold tabular-nums tracking-tight", count === 0 && "text-muted-foreground")}>{formatCount(count)}</span>
            <span className="line-clamp-2 text-[11px] leading-4 text-muted-foreground">{preset.description}</span>
          </>
        );
        const className = "group flex flex-col gap-0.5 rounded-lg border bg-card px-3 py-2.5 shadow-xs";
        return result?.filter ? (
          <Link key={preset.key} href={eventsHref(result.filter)} className={cn(className, "outline-none hover:border-primary/40 hover:bg-accent/40 focus-visible:ring-2 focus-visible:ring-ring/50")} data-testid={`preset-${preset.key}`}>
            {body}
          </Link>
        ) : (
          <div key={preset.key} className={className} data-testid={`preset-${preset.key}`} title="The filters leave these events out">
            {body}
          </div>
        );
      })}
    </section>
  );
}
