import { getActorIdentity } from "@/lib/actors/get-actor-profile";
import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { notFound } from "@/lib/http/errors";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Who an actor is: type, name, e-mail, first and last seen, events over all time. */
export const GET = route<{ gid: string }>("actors.identity", async ({ params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const identity = await getActorIdentity(gid);
  if (!identity) throw notFound(`No actor ${gid} appears in the stored log.`);
  return identity;
});
