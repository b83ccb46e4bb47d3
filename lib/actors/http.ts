import { z } from "zod";
import { ACTOR_TYPES } from "@/lib/asana/vocabulary";
import { ACTOR_SORTS } from "./params";

/** Actor and resource gids are Asana's: digits only. */
export const gidSchema = z.string().regex(/^\d{1,32}$/, "an actor or resource gid is digits only");

/** GET /api/actors: the list page's URL state, validated with messages instead of nuqs's silent nulls. */
export const actorListSchema = z.object({
  q: z.string().trim().max(200, "a search of at most 200 characters").default(""),
  type: z.enum(ACTOR_TYPES, { error: `use one of ${ACTOR_TYPES.join(", ")}` }).nullable().default(null),
  sort: z.enum(ACTOR_SORTS, { error: `use one of ${ACTOR_SORTS.join(", ")}` }).default("last_seen"),
  page: z.coerce.number().int("a whole page number").min(1, "pages start at 1").max(10_000).default(1),
});
