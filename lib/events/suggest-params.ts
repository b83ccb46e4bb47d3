import { createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { defineSearchContract, type ValuesOf } from "@/lib/url/search-contract";

/** Fields whose values come from the data rather than the catalogue: the query bar asks the server. */
export const SUGGEST_FIELDS = ["actor", "app", "ip", "org", "asn"] as const;
export type SuggestField = (typeof SUGGEST_FIELDS)[number];

export const MAX_SUGGESTIONS = 20;
const MAX_PREFIX = 100;
const parseAsLimit = createParser({ parse: (v) => (/^\d{1,2}$/.test(v) ? Number(v) : null), serialize: String });

const specs = {
  field: { parser: parseAsStringLiteral(SUGGEST_FIELDS), hint: `use one of ${SUGGEST_FIELDS.join(", ")}` },
  prefix: {
    parser: parseAsString.withDefault(""),
    hint: `at most ${MAX_PREFIX} characters`,
    check: (v: string) => (v.length > MAX_PREFIX ? `at most ${MAX_PREFIX} characters` : /[\u0000-\u001f\u007f]/.test(v) ? "no control characters" : undefined),
  },
  limit: { parser: parseAsLimit.withDefault(8), hint: `a number from 1 to ${MAX_SUGGESTIONS}`, check: (v: number) => (v < 1 || v > MAX_SUGGESTIONS ? `a number from 1 to ${MAX_SUGGESTIONS}` : undefined) },
};

/** GET /api/events/suggest?field=actor&prefix=ali&limit=8: the query bar's completions from the data. */
export const suggestSearch = defineSearchContract("the query bar's suggestions", specs);
export type SuggestInput = ValuesOf<typeof specs>;
