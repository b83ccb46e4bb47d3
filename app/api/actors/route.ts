import { listActors } from "@/lib/actors/list-actors";
import { actorListSearch } from "@/lib/actors/search-params";
import { parseSearch, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Everyone in the log as an actor: `?q=&type=&sort=&page=` (lib/actors/search-params.ts). */
export const GET = route("actors.list", async ({ request }) => listActors(parseSearch(actorListSearch, request.nextUrl.searchParams)));
