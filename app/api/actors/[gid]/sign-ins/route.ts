import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { getActorSignIns } from "@/lib/actors/get-actor-sign-ins";
import { readActorRange } from "@/lib/actors/range-params";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A page of the actor's successful sign-ins over a time range, each with its place and the trip from the one before. */
export const GET = route<{ gid: string }>("actors.sign-ins", async ({ request, params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const { time, size, after } = readActorRange(request.nextUrl.searchParams);
  return getActorSignIns(gid, time, { size, after });
});
