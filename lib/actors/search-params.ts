import { createParser, parseAsString, parseAsStringLiteral } from "nuqs/server";
import { ACTOR_TYPES } from "@/lib/asana/vocabulary";
import { defineSearchContract, type ValuesOf } from "@/lib/url/search-contract";
import { zoneSpec } from "@/lib/url/zone-param";
import { ACTOR_SORTS } from "./params";

const MAX_PAGE = 10_000;
// Digits only: nuqs's own integer parser reads "1.5" or "2abc" as a page.
const parseAsPage = createParser({ parse: (v) => (/^\d{1,6}$/.test(v) ? Number(v) : null), serialize: String });

const specs = {
  q: { parser: parseAsString.withDefault(""), hint: "a search of at most 200 characters", check: (v: string) => (v.length > 200 ? "a search of at most 200 characters" : undefined) },
  type: { parser: parseAsStringLiteral(ACTOR_TYPES), hint: `use one of ${ACTOR_TYPES.join(", ")}` },
  sort: { parser: parseAsStringLiteral(ACTOR_SORTS).withDefault("last_seen"), hint: `use one of ${ACTOR_SORTS.join(", ")}` },
  page: { parser: parseAsPage.withDefault(1), hint: "a whole page number", check: (v: number) => (v < 1 || v > MAX_PAGE ? `pages run from 1 to ${MAX_PAGE}` : undefined) },
  tz: zoneSpec,
};

/** The actor list's URL (`/actors?q=ann&type=user&sort=events&page=2`), as its page, its client and GET /api/actors read it. */
export const actorListSearch = defineSearchContract("the actor list", specs);
// The zone only changes how times read, not which actors are listed.
export type ActorListInput = Omit<ValuesOf<typeof specs>, "tz">;
