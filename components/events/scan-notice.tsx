"use client";

import { ChevronRight, ScanSearch } from "lucide-react";
import type { EventPage } from "@/lib/events/list-events";
import { decodeCursor, type EventView } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { Button } from "@/components/ui/button";
import { EventTime } from "./event-time";

/**
 * Free text is read in bounded batches (list-events.ts): when a batch ends before the page
 * fills, say how far back it searched and offer to go on from there.
 */
export function ScanNotice({ page, view, setView }: { page: EventPage; view: EventView; setView: (patch: Partial<EventView>) => unknown }) {
  if (!page.scanned || !page.next) return null;
  const cursor = decodeCursor(page.next);
  const onward = () => {
    if (!("error" in cursor)) void setView({ page: { after: cursor } });
  };
  const direction = view.sort === "newest" ? "older" : "later";
  const reached = <EventTime iso={page.scanned.to} tz={view.tz} className="font-mono" />;
  const action = (
    <Button size="sm" variant="outline" onClick={onward}>
      Search {direction} events
      <ChevronRight />
    </Button>
  );
  return (
    <div className="flex flex-wrap items-center justify-between gap-2 rounded-md border border-dashed px-3 py-2 text-xs text-muted-foreground" data-testid="scan-notice">
      <span className="flex items-center gap-1.5">
        <ScanSearch className="size-3.5" aria-hidden />
        Text search read {formatCount(page.scanned.rows)} events, back to {reached}, for this page.
      </span>
      {action}
    </div>
  );
}

/**
 * A text search still reading with no match so far: how much of the range it has read (when the
 * range's far end is known) and how far it has got. It goes on by itself (use-text-search.ts).
 */
export function SearchProgress({ reached, rowsRead, progress, view }: { reached: string; rowsRead: number; progress: number | null; view: EventView }) {
  const percent = progress === null ? null : Math.floor(progress * 100);
  return (
    <div className="flex flex-col items-center gap-3 rounded-lg border px-6 py-10 text-center" role="status" aria-live="polite" data-testid="search-progress">
      <ScanSearch className="size-6 text-muted-foreground" aria-hidden />
      <p className="font-medium">Searching… no match so far</p>
      {percent !== null ? (
        <div className="h-1.5 w-64 max-w-full overflow-hidden rounded-full bg-muted" role="progressbar" aria-label="Part of the range searched" aria-valuemin={0} aria-valuemax={100} aria-valuenow={percent}>
          <div className="h-full bg-primary transition-[width]" style={{ width: `${percent}%` }} />
        </div>
      ) : null}
      <p className="max-w-md text-sm text-muted-foreground">
        {percent !== null ? `${percent}% of the range searched: ` : ""}
        {formatCount(rowsRead)} events read, {view.sort === "newest" ? "back" : "on"} to <EventTime iso={reached} tz={view.tz} className="font-mono" />. Text is read in batches; this goes on by itself to the end of the range.
      </p>
    </div>
  );
}
