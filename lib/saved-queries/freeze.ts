import { eventSearch, parseEventParams } from "@/lib/events/search-params";
import { resolveTimeRange } from "@/lib/events/time-range";
import type { TimeMode } from "./schema";

/**
 * The search string a saved query keeps: canonical (the explorer's own serialiser), without
 * the page reached or the event opened, always naming its time range, and with a relative
 * range turned into the instants it covers now when the query is to stay frozen ("last 7
 * days" → from/to).
 */
export function searchToSave(search: string, timeMode: TimeMode, now = new Date()): string {
  const parsed = parseEventParams(new URLSearchParams(search));
  if (!parsed.ok) throw new Error(`unvalidated search: ${parsed.errors[0]?.message}`);
  let { filter } = parsed;
  if (timeMode === "absolute" && filter.time.kind === "relative") {
    const { from, to } = resolveTimeRange(filter.time, now);
    filter = { ...filter, time: { kind: "absolute", from: from?.toISOString() ?? null, to: (to ?? now).toISOString() } };
  }
  const saved = new URLSearchParams(eventSearch(filter, { ...parsed.view, page: null, event: null }));
  // The URL leaves the default range out; a saved query names it, so it keeps its meaning
  // even if the default ever changes.
  if (filter.time.kind === "relative" && !saved.has("range")) saved.set("range", filter.time.last);
  return `?${saved.toString()}`;
}
