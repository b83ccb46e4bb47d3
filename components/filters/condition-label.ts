import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import { DIMENSION_SPECS, type Dimension } from "@/lib/events/filters";
import { describeRelative, type TimeRange } from "@/lib/events/time-range";

/** A value as people read it: event types and categories by their labels, the rest as is. */
export function valueLabel(dimension: Dimension, value: string): string {
  if (dimension === "eventType") return eventTypeLabel(value);
  if (dimension === "category") return categoryLabel(value);
  if (dimension === "actorType" || dimension === "contextType" || dimension === "authMethod" || dimension === "resourceType") return humanize(value);
  return value;
}

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSION_SPECS[dimension].label;
}

/** "Last 7 days", "From 2026-11-20 09:00 UTC", "2026-11-20 → 2026-11-21 (UTC)". */
export function timeRangeLabel(time: TimeRange): string {
  if (time.kind === "relative") return describeRelative(time.last);
  const short = (iso: string) => `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
  if (time.from && time.to) return `${short(time.from)} → ${short(time.to)} UTC`;
  if (time.from) return `Since ${short(time.from)} UTC`;
  return `Until ${short(time.to!)} UTC`;
}
