import { parseAsStringLiteral } from "nuqs/server";
import type { EventFilter } from "@/lib/events/filters";
import { parseFilterParams } from "@/lib/events/search-params";
import { defineSearchContract, toSearchParams, type Parsed, type SearchInput, type ValuesOf } from "@/lib/url/search-contract";
import { DEFAULT_STACK, STACKS } from "./panels";

const specs = {
  stack: { parser: parseAsStringLiteral(STACKS).withDefault(DEFAULT_STACK), hint: `use one of ${STACKS.join(", ")}` },
};

/** The overview's own URL state, beside the explorer's filter it shares: how the time chart stacks its bars. */
export const overviewSearch = defineSearchContract("the overview", specs);

/** The overview's URL: the explorer's filter parameters and its own, every problem of both reported. */
export function parseOverviewParams(input: SearchInput): Parsed<{ filter: EventFilter } & ValuesOf<typeof specs>> {
  const own = new URLSearchParams();
  const rest = new URLSearchParams();
  for (const [key, value] of toSearchParams(input)) (overviewSearch.keys.has(key) ? own : rest).append(key, value);
  const mine = overviewSearch.parse(own);
  const filter = parseFilterParams(rest, "the overview");
  if (mine.ok && filter.ok) return { ok: true, filter: filter.filter, ...mine.values };
  return { ok: false, errors: [...(filter.ok ? [] : filter.errors), ...(mine.ok ? [] : mine.errors)] };
}
