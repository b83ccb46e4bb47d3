import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { getActorTimeline } from "@/lib/actors/get-actor-timeline";
import { readEventParams } from "@/lib/events/http";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A page of the actor's events under the explorer's filter and paging parameters. */
export const GET = route<{ gid: string }>("actors.events", async ({ request, params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const { filter, view } = readEventParams(request.nextUrl.searchParams);
  return getActorTimeline(gid, filter, view);
});
