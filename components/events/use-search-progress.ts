"use client";

import { useQuery } from "@tanstack/react-query";
import type { EventFilter } from "@/lib/events/filters";
import type { EventPage } from "@/lib/events/list-events";
import { scanProgress } from "@/lib/events/scan-outcome";
import { resolveTimeRange } from "@/lib/events/time-range";
import type { EventView } from "@/lib/events/view";
import { statusQuery } from "@/lib/status/query";

/**
 * How much of the range a text search under way has read, 0 to 1, or null when unknown. An
 * open range ("all time") ends at the oldest stored event, which the status strip's figures
 * give; they are asked for only while such a search runs.
 */
export function useSearchProgress(filter: EventFilter, view: EventView, searching: EventPage | undefined): number | null {
  const asOf = searching ? new Date(searching.asOf) : null;
  const range = asOf ? resolveTimeRange(filter.time, asOf) : null;
  const status = useQuery({ ...statusQuery(), enabled: Boolean(range && range.from === null) });
  if (!searching?.scanned || !range || !asOf) return null;
  const from = range.from?.toISOString() ?? status.data?.oldestEventAt ?? null;
  const to = (range.to ?? asOf).toISOString();
  return scanProgress(searching.scanned.to, { from, to }, view.sort === "newest");
}
