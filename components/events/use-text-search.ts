"use client";

import { useEffect, useState } from "react";
import { useQuery } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import type { EventPage } from "@/lib/events/list-events";
import { eventListQuery } from "@/lib/events/query";
import { scanOutcome, type ScanOutcome } from "@/lib/events/scan-outcome";
import { eventSearch } from "@/lib/events/search-params";
import { decodeCursor, encodeCursor, type Cursor, type EventView } from "@/lib/events/view";

interface Continuation {
  /** The address the search belongs to: another filter or page starts afresh. */
  key: string;
  cursor: Cursor;
  /** Rows the earlier batches read. */
  rows: number;
}

/**
 * The explorer's page of events, read on by itself while free text finds nothing. Each request
 * reads a bounded batch (list-events.ts); a batch with no match is followed by the next one here,
 * in memory, not in the address: the URL stays the reader's own query, Back leaves it, and a
 * search that reads the whole range from its start and finds nothing settles on "no-match",
 * with no Newer or Older leading into the emptiness it has just read.
 */
export function useTextSearch(filter: EventFilter, view: EventView, refreshMs: number | false) {
  const key = eventSearch(filter, view);
  const [chain, setChain] = useState<Continuation | null>(null);
  const active = chain && chain.key === key ? chain : null;
  // Only forward (a first page or an `after` cursor) is read on; going back is the reader's own step.
  const forward = view.page === null || "after" in view.page;
  const list = useQuery(eventListQuery(filter, active ? { ...view, page: { after: active.cursor } } : view, refreshMs));
  const data = list.data;
  const outcome: ScanOutcome | null = data ? scanOutcome(data, view.page === null) : null;
  const rowsRead = (active?.rows ?? 0) + (data?.scanned?.rows ?? 0);

  const settledNext = data && !list.isPlaceholderData && outcome === "searching" && forward ? data.next : null;
  useEffect(() => {
    if (!settledNext) return;
    const cursor = decodeCursor(settledNext);
    if ("error" in cursor) return;
    const timer = setTimeout(() => setChain({ key, cursor, rows: rowsRead }), 50);
    return () => clearTimeout(timer);
  }, [settledNext, key, rowsRead]);

  // What Newer/Older may offer: nothing while the search is under way; after a search that began
  // at the range's start, nothing newer than its first match (only misses were read there).
  let page: EventPage | undefined = data;
  if (data && outcome === "searching" && forward) page = { ...data, next: null, prev: null };
  else if (data && active) page = { ...data, prev: view.page && "after" in view.page ? encodeCursor(view.page.after) : null };
  return { list, page, outcome, rowsRead, searching: outcome === "searching" && forward };
}
