import { createLoader, parseAsStringLiteral } from "nuqs/server";
import { DEFAULT_STACK, STACKS } from "./panels";

/**
 * The overview's own URL state, beside the explorer's filter parameters it shares
 * (lib/events/search-params.ts): how the time chart stacks its bars.
 */
export const overviewParsers = {
  stack: parseAsStringLiteral(STACKS).withDefault(DEFAULT_STACK),
};

export const OVERVIEW_KEYS = Object.keys(overviewParsers);
export const loadOverviewParams = createLoader(overviewParsers);
