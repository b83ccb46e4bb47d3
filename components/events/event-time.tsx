"use client";

import { useHydrated } from "@/components/ui/use-hydrated";
import { formatInstant } from "@/lib/events/format-time";
import type { TimeZoneChoice } from "@/lib/events/view";

/**
 * An instant in the chosen zone, with its offset; the other reading in the tooltip. Before
 * hydration "local" renders as UTC (the server cannot know the viewer's zone), which is still
 * correct, only in the other zone, for the moment it takes to hydrate.
 */
export function EventTime({ iso, tz, ms = false, stacked = false, className }: { iso: string; tz: TimeZoneChoice; ms?: boolean; stacked?: boolean; className?: string }) {
  const hydrated = useHydrated();
  const shown: TimeZoneChoice = tz === "local" && !hydrated ? "utc" : tz;
  const other: TimeZoneChoice = shown === "utc" ? "local" : "utc";
  const text = formatInstant(iso, shown, { ms });
  const title = hydrated ? `${formatInstant(iso, shown, { ms: true })}\n${formatInstant(iso, other, { ms: true })}` : undefined;
  if (stacked) {
    // In the table: the time of day and its offset first, the date under it.
    const [date, clock, offset] = text.split(" ");
    return (
      <time dateTime={iso} title={title} className={className}>
        <span className="block text-foreground">
          {clock} <span className="text-muted-foreground">{offset}</span>
        </span>
        <span className="block text-muted-foreground">{date}</span>
      </time>
    );
  }
  return (
    <time dateTime={iso} title={title} className={className}>
      {text}
    </time>
  );
}
