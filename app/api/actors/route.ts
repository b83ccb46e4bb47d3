import { listActors } from "@/lib/actors/list-actors";
import { actorListSchema } from "@/lib/actors/http";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Everyone in the log as an actor: `?q=&type=&sort=&page=`. */
export const GET = route("actors.list", async ({ request }) => {
  const params = Object.fromEntries(request.nextUrl.searchParams);
  return listActors(parseInput(actorListSchema, params));
});
