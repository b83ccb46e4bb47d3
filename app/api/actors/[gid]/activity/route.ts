import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { getActorActivity } from "@/lib/actors/get-actor-timeline";
import { readEventParams } from "@/lib/events/http";
import { concreteZone } from "@/lib/events/view";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** The actor's activity histogram under the explorer's filter parameters. */
export const GET = route<{ gid: string }>("actors.activity", async ({ request, params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const { filter, view } = readEventParams(request.nextUrl.searchParams);
  // The browser names its zone (actorActivityQuery); "local" without a name is UTC.
  return getActorActivity(gid, filter, undefined, concreteZone(view.tz, null));
});
