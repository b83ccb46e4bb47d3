import { categoryLabel, eventTypeLabel, humanize } from "@/lib/asana/event-types";
import { DIMENSION_SPECS, type Dimension } from "@/lib/events/filters";
import { formatInstant } from "@/lib/events/format-time";
import { HOSTING_LABELS } from "@/lib/events/geo-values";
import { countryCode, countryName } from "@/lib/geo/country";
import { describeRelative, type TimeRange } from "@/lib/events/time-range";
import { UTC } from "@/lib/time/zone";

/** A value as people read it: event types and categories by their labels, the rest as is. */
export function valueLabel(dimension: Dimension, value: string): string {
  if (dimension === "eventType") return eventTypeLabel(value);
  if (dimension === "category") return categoryLabel(value);
  if (dimension === "actorType" || dimension === "contextType" || dimension === "authMethod" || dimension === "resourceType") return humanize(value);
  if (dimension === "country") return countryCode(value) ? countryName(value) : value;
  if (dimension === "asn") return `AS${value}`;
  if (dimension === "hosting") return HOSTING_LABELS.get(value) ?? value;
  return value;
}

export function dimensionLabel(dimension: Dimension): string {
  return DIMENSION_SPECS[dimension].label;
}

/** "Last 7 days", "Since 2026-11-20 09:00 UTC", "2026-11-20 04:00 → 2026-11-21 04:00 America/New_York": in the zone given. */
export function timeRangeLabel(time: TimeRange, zone: string = UTC): string {
  if (time.kind === "relative") return describeRelative(time.last);
  const short = (iso: string) => formatInstant(iso, zone).slice(0, 16);
  if (time.from && time.to) return `${short(time.from)} → ${short(time.to)} ${zone}`;
  if (time.from) return `Since ${short(time.from)} ${zone}`;
  return `Until ${short(time.to!)} ${zone}`;
}
