import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { getActorPlaces } from "@/lib/actors/get-actor-places";
import { readActorRange } from "@/lib/actors/range-params";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The countries and networks of the actor's events over a time range. */
export const GET = route<{ gid: string }>("actors.places", async ({ request, params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const { time } = readActorRange(request.nextUrl.searchParams);
  return getActorPlaces(gid, time);
});
