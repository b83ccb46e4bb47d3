import { getActorProfile } from "@/lib/actors/get-actor-profile";
import { actorKeyFromPath, actorKeySchema } from "@/lib/actors/actor-key";
import { notFound } from "@/lib/http/errors";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** What an actor used and when first (the timeline's "new" markers), and role changes made to them. */
export const GET = route<{ gid: string }>("actors.profile", async ({ params }) => {
  const gid = parseInput(actorKeySchema, actorKeyFromPath(params.gid));
  const profile = await getActorProfile(gid);
  if (!profile) throw notFound(`No actor ${gid} appears in the stored log.`);
  return profile;
});
