"use client";

import { useMemo } from "react";
import { useQueryStates } from "nuqs";
import type { EventFilter } from "./filters";
import {
  eventFilterParsers,
  eventSearchParams,
  filterToParams,
  validateEventParams,
  validateFilterParams,
  viewToParams,
} from "./search-params";
import type { ParamError } from "@/lib/url/search-contract";
import { useLocalZone } from "@/lib/time/use-local-zone";
import { DEFAULT_VIEW, parseZoneChoice, type EventView, type TimeZoneChoice } from "./view";

/**
 * The URL as typed state, for client components. The URL is the only copy: these hooks
 * derive the validated filter and view from it on every render and write changes back to
 * it; nothing is mirrored into useState. Filter changes push a history entry, so that Back
 * undoes them; cosmetic changes (columns, zone) replace the current one.
 */
export function useEventFilter(): {
  filter: EventFilter | null;
  errors: ParamError[];
  setFilter: (filter: EventFilter) => Promise<URLSearchParams>;
} {
  const [raw, setRaw] = useQueryStates(eventFilterParsers, { history: "push" });
  const localZone = useLocalZone();
  const parsed = useMemo(() => validateFilterParams(raw, { localZone }), [raw, localZone]);
  return {
    filter: parsed.ok ? parsed.filter : null,
    errors: parsed.ok ? [] : parsed.errors,
    setFilter: (filter) => setRaw(filterToParams(filter)),
  };
}

export function useEventParams(): {
  filter: EventFilter | null;
  view: EventView | null;
  errors: ParamError[];
  /** A new filter goes back to the first page. */
  setFilter: (filter: EventFilter) => Promise<URLSearchParams>;
  setView: (patch: Partial<EventView>, options?: { history?: "push" | "replace" }) => Promise<URLSearchParams>;
} {
  const [raw, setRaw] = useQueryStates(eventSearchParams, { history: "push" });
  const localZone = useLocalZone();
  const parsed = useMemo(() => validateEventParams(raw, { localZone }), [raw, localZone]);
  const view = parsed.ok ? parsed.view : null;
  return {
    filter: parsed.ok ? parsed.filter : null,
    view,
    errors: parsed.ok ? [] : parsed.errors,
    setFilter: (filter) => setRaw({ ...filterToParams(filter), after: null, before: null }),
    setView: (patch, options) => setRaw(viewToParams({ ...(view ?? DEFAULT_VIEW), ...patch }), options),
  };
}

/** The URL's `tz` choice (local when absent or unreadable: the page's parser reports a bad one). */
export function useZoneChoice(): TimeZoneChoice {
  const [{ tz }] = useQueryStates({ tz: eventFilterParsers.tz });
  const parsed = tz === null ? "local" : parseZoneChoice(tz);
  return typeof parsed === "object" ? "local" : parsed;
}
