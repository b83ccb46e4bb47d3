import { parseAsArrayOf, parseAsString } from "nuqs/server";
import { defineSearchContract, type ValuesOf } from "@/lib/url/search-contract";

/** Values one lookup names at most: a page of events, or the chips of a filter. */
export const MAX_NAMED = 100;
const MAX_VALUE = 200;

const list = (what: string) => ({
  parser: parseAsArrayOf(parseAsString).withDefault([]),
  hint: `at most ${MAX_NAMED} ${what}, comma-separated`,
  check: (values: string[]) =>
    values.length > MAX_NAMED ? `at most ${MAX_NAMED} ${what}` : values.some((v) => v.length === 0 || v.length > MAX_VALUE) ? `${what} of 1 to ${MAX_VALUE} characters` : undefined,
});

const specs = { actor: list("actor keys"), resource: list("resource gids") };

/** The last-known-names lookup's URL (`/api/names?actor=123,asana&resource=456`), as its client and GET /api/names read it. */
export const knownNamesSearch = defineSearchContract("the names lookup", specs);
export type KnownNamesInput = ValuesOf<typeof specs>;
