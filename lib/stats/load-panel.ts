import "server-only";
import type { EventFilter } from "@/lib/events/filters";
import { countBy } from "./count-by";
import { countByCountry } from "./count-by-country";
import type { Interval } from "./buckets";
import { countOverTime } from "./count-over-time";
import { DEFAULT_MAP_SUBJECT, TOP_ACTOR_TYPES, TOP_CATEGORIES, TOP_EVENT_TYPES, TOP_LIST_LENGTH, type MapSubject, type PanelDataMap, type Stack, type StatPanel } from "./panels";
import { presetPanels } from "./preset-panels";
import { topValues } from "./top-values";

export interface PanelOptions {
  stack: Stack;
  now?: Date;
  /** The chart's zone and interval (lib/stats/buckets.ts). */
  zone?: string;
  interval?: Interval;
  /** What the world map counts. */
  map?: MapSubject;
}

/** One panel's data: what GET /api/stats/<panel> answers and the page prefetches. */
export function loadPanel<P extends StatPanel>(panel: P, filter: EventFilter, options: PanelOptions): Promise<PanelDataMap[P]>;
export function loadPanel(panel: StatPanel, filter: EventFilter, options: PanelOptions): Promise<PanelDataMap[StatPanel]> {
  const now = options.now ?? new Date();
  switch (panel) {
    case "over-time":
      return countOverTime(filter, { now, zone: options.zone, interval: options.interval, seriesBy: options.stack === "actor_type" ? "actorType" : "category" });
    case "event-types":
      return countBy(filter, "eventType", { now, limit: TOP_EVENT_TYPES });
    case "categories":
      return countBy(filter, "category", { now, limit: TOP_CATEGORIES });
    case "actor-types":
      return countBy(filter, "actorType", { now, limit: TOP_ACTOR_TYPES });
    case "top-actors":
      return topValues(filter, "actor", { now, limit: TOP_LIST_LENGTH });
    case "top-ips":
      return topValues(filter, "ip", { now, limit: TOP_LIST_LENGTH });
    case "top-apps":
      return topValues(filter, "oauthApp", { now, limit: TOP_LIST_LENGTH });
    case "presets":
      return presetPanels(filter, { now });
    case "map":
      return countByCountry(filter, options.map ?? DEFAULT_MAP_SUBJECT, { now });
  }
}
