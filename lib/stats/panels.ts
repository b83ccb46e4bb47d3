import type { CountBy } from "./count-by";
import type { CountByCountry } from "./count-by-country";
import type { CountOverTime } from "./count-over-time";
import type { PresetPanels } from "./preset-panels";
import type { TopValues } from "./top-values";

/**
 * The overview's panels, declared once: the API route's `[panel]` segment, the query keys
 * and the page's prefetches all come from this list. Client-safe (no data access here).
 */
export const STAT_PANELS = ["over-time", "event-types", "categories", "actor-types", "top-actors", "top-ips", "top-apps", "presets", "map"] as const;
export type StatPanel = (typeof STAT_PANELS)[number];

/** How the time chart stacks its bars, as the URL spells it (`?stack=actor_type`). */
export const STACKS = ["category", "actor_type"] as const;
export type Stack = (typeof STACKS)[number];
export const DEFAULT_STACK: Stack = "category";

/** What the world map counts, as the URL spells it (`?map=sign_ins`): every event, or successful sign-ins. */
export const MAP_SUBJECTS = ["events", "sign_ins"] as const;
export type MapSubject = (typeof MAP_SUBJECTS)[number];
export const DEFAULT_MAP_SUBJECT: MapSubject = "events";

/** Event types listed by name before the rest become "other". */
export const TOP_EVENT_TYPES = 10;
export const TOP_LIST_LENGTH = 10;
/** Asana documents nine categories and five actor types; more than these are summed as "other". */
export const TOP_CATEGORIES = 15;
export const TOP_ACTOR_TYPES = 8;

/** What each panel's endpoint answers. */
export interface PanelDataMap {
  "over-time": CountOverTime;
  "event-types": CountBy;
  categories: CountBy;
  "actor-types": CountBy;
  "top-actors": TopValues;
  "top-ips": TopValues;
  "top-apps": TopValues;
  presets: PresetPanels;
  map: CountByCountry;
}
