import { parseEventParams } from "@/lib/events/search-params";
import { resolveTimeRange, type TimeRange } from "@/lib/events/time-range";
import { concreteZone } from "@/lib/events/view";
import type { TimeMode } from "./schema";

/**
 * What a saved query's time window is, for its previews (the saved list, /q/<id>): rolling
 * ("last 7 days", other events when opened later) or frozen (the same instants, the same
 * events, for everyone), the range as saved, and the instants it covers when opened `now`,
 * with the zone to show them in (the saved `tz`, else the reader's own, else UTC).
 */
export interface SavedWindow {
  mode: TimeMode;
  range: TimeRange;
  from: string | null;
  to: string;
  zone: string;
}

export function savedWindow(search: string, now: Date, localZone: string | null): SavedWindow | null {
  const parsed = parseEventParams(new URLSearchParams(search), { localZone });
  if (!parsed.ok) return null;
  const { from, to } = resolveTimeRange(parsed.filter.time, now);
  // The range itself says it: freezing made it absolute when saved, and an absolute view saved as it was is as frozen.
  const mode: TimeMode = parsed.filter.time.kind === "relative" ? "relative" : "absolute";
  return { mode, range: parsed.filter.time, from: from?.toISOString() ?? null, to: (to ?? now).toISOString(), zone: concreteZone(parsed.view.tz, localZone) };
}
