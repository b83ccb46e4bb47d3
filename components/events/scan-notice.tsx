"use client";

import { ChevronRight, ScanSearch } from "lucide-react";
import type { EventPage } from "@/lib/events/list-events";
import { decodeCursor, type EventView } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { Button } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { EventTime } from "./event-time";

/**
 * Free text is read in bounded batches (list-events.ts): when a batch ends before the page
 * fills, say how far back it searched and offer to go on from there.
 */
export function ScanNotice({ page, view, setView, empty }: { page: EventPage; view: EventView; setView: (patch: Partial<EventView>) => unknown; empty: boolean }) {
  if (!page.scanned || !page.next) return null;
  const cursor = decodeCursor(page.next);
  const onward = () => {
    if (!("error" in cursor)) void setView({ page: { after: cursor } });
  };
  const direction = view.sort === "newest" ? "older" : "later";
  const reached = <EventTime iso={page.scanned.to} tz={view.tz} className="font-mono" />;
  const action = (
    <Button size="sm" variant={empty ? "default" : "outline"} onClick={onward}>
      Search {direction} events
      <ChevronRight />
    </Button>
  );
  if (empty) {
    return (
      <EmptyState
        bordered
        icon={ScanSearch}
        title="Searching…"
        description={
          <>
            Text search reads {formatCount(page.scanned.rows)} events at a time, newest first. No match back to {reached} so far; it carries on through the rest of the range.
          </>
        }
        action={action}
      />
    );
  }
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
