"use client";

import { useState } from "react";
import { useQuery } from "@tanstack/react-query";
import { ArrowUpToLine, Radio } from "lucide-react";
import type { EventRow } from "@/lib/events/event-row";
import type { EventFilter } from "@/lib/events/filters";
import { newerEventsQuery } from "@/lib/events/query";
import { REFRESH_MS, type EventView } from "@/lib/events/view";
import { formatCount } from "@/lib/format/time";
import { Button } from "@/components/ui/button";

const keyOf = (e: EventRow) => `${e.createdAt}~${e.gid}`;

export interface FreshRows {
  gids: ReadonlySet<string>;
  count: number;
  /** Every row on the page is new: more may have arrived than the page holds. */
  overflow: boolean;
  markSeen: () => void;
}

/**
 * Which rows arrived since the reader last looked, while auto-refresh keeps the first page
 * current. "Last looked" is the newest row when auto-refresh was switched on, moved forward
 * by "Mark as seen": a memory of the reader's, so it lives in component state, not the URL.
 */
export function useFreshRows(events: EventRow[], live: boolean): FreshRows {
  const [baseline, setBaseline] = useState<string | null>(null);
  const top = events[0] ? keyOf(events[0]) : null;
  // Adjusting state while rendering (not in an effect) avoids a frame with the wrong marks.
  if (live && baseline === null && top) setBaseline(top);
  if (!live && baseline !== null) setBaseline(null);
  const fresh = live && baseline ? events.filter((e) => keyOf(e) > baseline) : [];
  return {
    gids: new Set(fresh.map((e) => e.gid)),
    count: fresh.length,
    overflow: fresh.length > 0 && fresh.length === events.length,
    markSeen: () => setBaseline(top),
  };
}

/** Auto-refresh's state: new arrivals on the first page, or how many newer events wait above a deeper one. */
export function LiveStatus({ filter, view, events, fresh, onNewest }: { filter: EventFilter; view: EventView; events: EventRow[]; fresh: FreshRows; onNewest: () => void }) {
  const refreshMs = REFRESH_MS[view.refresh];
  const onFirstPage = view.page === null && view.sort === "newest";
  const top = events.reduce<EventRow | undefined>((a, e) => (!a || keyOf(e) > keyOf(a) ? e : a), undefined);
  const newer = useQuery({
    ...newerEventsQuery(filter, { at: top?.createdAt ?? "", gid: top?.gid ?? "" }, refreshMs),
    enabled: refreshMs !== false && !onFirstPage && top !== undefined,
  });
  if (refreshMs === false) return null;

  if (onFirstPage) {
    return (
      <p className="flex items-center gap-2 text-xs text-muted-foreground" aria-live="polite" data-testid="live-status">
        <Radio className="size-3.5 text-success" aria-hidden />
        <span>Live</span>
        {fresh.count > 0 ? (
          <>
            <span className="rounded-md bg-success/10 px-1.5 py-0.5 font-medium text-success">
              {fresh.overflow ? `${formatCount(fresh.count)}+` : formatCount(fresh.count)} new {fresh.count === 1 ? "event" : "events"}
            </span>
            <button type="button" onClick={fresh.markSeen} className="rounded-sm underline-offset-2 outline-none hover:text-foreground hover:underline focus-visible:ring-2 focus-visible:ring-ring/50">
              Mark as seen
            </button>
          </>
        ) : (
          <span>no new events yet</span>
        )}
      </p>
    );
  }
  const count = newer.data?.count ?? 0;
  return (
    <p className="flex items-center gap-2 text-xs text-muted-foreground" aria-live="polite" data-testid="live-status">
      <Radio className="size-3.5 text-success" aria-hidden />
      {count > 0 ? (
        <>
          <span>
            {formatCount(count)}
            {newer.data?.capped ? "+" : ""} newer {count === 1 ? "event" : "events"} above this page
          </span>
          <Button variant="link" size="xs" onClick={onNewest}>
            <ArrowUpToLine />
            Go to newest
          </Button>
        </>
      ) : (
        <span>Watching for newer events</span>
      )}
    </p>
  );
}
