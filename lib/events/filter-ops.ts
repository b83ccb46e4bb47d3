import { canFilter, conditionsOf, DIMENSIONS, isFlat, type Dimension, type EventFilter } from "@/lib/events/filters";
import { eventSearch } from "@/lib/events/search-params";
import type { TimeRange } from "@/lib/events/time-range";

/**
 * Drill-downs and presets as filters of the explorer's own model, so that a chart's figure
 * and the table behind its link are counts of one and the same filter.
 */
export const ALL_TIME: TimeRange = { kind: "relative", last: "all" };

/** True when every condition of the filter is on one of `dimensions` (the time aside); never with an expression. */
export function onlyOn(filter: EventFilter, dimensions: readonly Dimension[]): boolean {
  return isFlat(filter) && conditionsOf(filter).every((c) => dimensions.includes(c.dimension));
}

/**
 * The filter narrowed to events whose `dimension` is `value`. Every value a chart shows
 * already satisfies the filter's own list for that dimension, so replacing the list is an
 * intersection; an excluded value would never be shown.
 */
export function narrow(filter: EventFilter, dimension: Dimension, value: string): EventFilter {
  return { ...filter, include: { ...filter.include, [dimension]: [value] } };
}

/** The explorer's table of the filter's events whose `dimension` is `value`; null when no filter can name that value. */
export function drillDown(filter: EventFilter, dimension: Dimension, value: string): string | null {
  return canFilter(dimension, value) ? eventsHref(narrow(filter, dimension, value)) : null;
}

/** The filter further limited to events excluded from nothing in `values` of `dimension`. */
export function excluding(filter: EventFilter, dimension: Dimension, values: string[]): EventFilter {
  const current = filter.exclude[dimension];
  return { ...filter, exclude: { ...filter.exclude, [dimension]: [...current, ...values.filter((v) => !current.includes(v))] } };
}

export interface PresetConditions {
  include?: Partial<Record<Dimension, string[]>>;
  exclude?: Partial<Record<Dimension, string[]>>;
}

/**
 * Events matching both the filter and the preset, still as one filter: per dimension the
 * included lists intersect (an empty intersection matches nothing: null), excluded lists add up.
 */
export function intersect(filter: EventFilter, preset: PresetConditions): EventFilter | null {
  const include = { ...filter.include };
  const exclude = { ...filter.exclude };
  for (const d of DIMENSIONS) {
    const wanted = preset.include?.[d];
    if (wanted && wanted.length > 0) {
      const kept = include[d].length > 0 ? include[d].filter((v) => wanted.includes(v)) : wanted.filter((v) => !exclude[d].includes(v));
      if (kept.length === 0) return null;
      include[d] = kept;
    }
    const unwanted = preset.exclude?.[d];
    if (unwanted && unwanted.length > 0) {
      include[d] = include[d].filter((v) => !unwanted.includes(v));
      if (filter.include[d].length > 0 && include[d].length === 0) return null;
      exclude[d] = [...exclude[d], ...unwanted.filter((v) => !exclude[d].includes(v) && !include[d].includes(v))];
    }
  }
  return { ...filter, include, exclude };
}

/** An absolute range, for a bucket of the time chart or a zoomed selection. */
export function between(filter: EventFilter, from: Date, to: Date): EventFilter {
  return { ...filter, time: { kind: "absolute", from: from.toISOString(), to: to.toISOString() } };
}

/** The explorer's URL for a filter: the one place a drill-down link is made. */
export function eventsHref(filter: EventFilter, view: { event?: string } = {}): string {
  return `/events${eventSearch(filter, view.event ? { event: view.event } : {})}`;
}
