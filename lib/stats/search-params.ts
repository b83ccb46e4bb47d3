import { parseAsStringLiteral } from "nuqs/server";
import type { EventFilter } from "@/lib/events/filters";
import { parseFilterParams } from "@/lib/events/search-params";
import { defineSearchContract, toSearchParams, type Parsed, type SearchInput, type ValuesOf } from "@/lib/url/search-contract";
import { concreteZone, parseZoneChoice, type TimeZoneChoice } from "@/lib/events/view";
import type { ZoneContext } from "@/lib/events/search-params";
import { INTERVALS, type Interval } from "./buckets";
import { DEFAULT_MAP_SUBJECT, DEFAULT_STACK, MAP_SUBJECTS, STACKS, type MapSubject } from "./panels";

const specs = {
  stack: { parser: parseAsStringLiteral(STACKS).withDefault(DEFAULT_STACK), hint: `use one of ${STACKS.join(", ")}` },
  interval: { parser: parseAsStringLiteral(INTERVALS).withDefault("auto" as Interval), hint: `use one of ${INTERVALS.join(", ")}` },
  map: { parser: parseAsStringLiteral(MAP_SUBJECTS).withDefault(DEFAULT_MAP_SUBJECT as MapSubject), hint: `use one of ${MAP_SUBJECTS.join(", ")}` },
};

/** The overview's own URL state, beside the explorer's filter it shares: how the time chart stacks its bars, what the world map counts. */
export const overviewSearch = defineSearchContract("the overview", specs);

/**
 * The overview's URL: the explorer's filter parameters and its own, every problem of both
 * reported. `tz` is the zone choice; `zone` its IANA zone given the context's local zone
 * (the API's calls name the zone: see panelSearch), the zone the chart's days and weeks follow.
 */
export function parseOverviewParams(input: SearchInput, context: ZoneContext = {}): Parsed<{ filter: EventFilter; tz: TimeZoneChoice; zone: string } & ValuesOf<typeof specs>> {
  const own = new URLSearchParams();
  const rest = new URLSearchParams();
  for (const [key, value] of toSearchParams(input)) (overviewSearch.keys.has(key) ? own : rest).append(key, value);
  const mine = overviewSearch.parse(own);
  const filter = parseFilterParams(rest, "the overview", context);
  const choice = parseZoneChoice(rest.get("tz") ?? "local");
  const tz = typeof choice === "object" ? "local" : choice;
  if (mine.ok && filter.ok) return { ok: true, filter: filter.filter, tz, zone: concreteZone(tz, context.localZone), ...mine.values };
  return { ok: false, errors: [...(filter.ok ? [] : filter.errors), ...(mine.ok ? [] : mine.errors)] };
}
