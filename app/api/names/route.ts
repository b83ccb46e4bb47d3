import { parseSearch, route } from "@/lib/http/route";
import { knownNames } from "@/lib/names/known-names";
import { knownNamesSearch } from "@/lib/names/search-params";

export const dynamic = "force-dynamic";

/** The last known names of actors and resources shown by id: `?actor=k1,k2&resource=g1` (lib/names/search-params.ts). */
export const GET = route("names.known", async ({ request }) => knownNames(parseSearch(knownNamesSearch, request.nextUrl.searchParams)));
