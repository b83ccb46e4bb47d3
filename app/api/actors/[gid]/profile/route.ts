import { getActorProfile } from "@/lib/actors/get-actor-profile";
import { gidSchema } from "@/lib/asana/gid";
import { notFound } from "@/lib/http/errors";
import { parseInput, route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** What an actor used and when first (the timeline's "new" markers), and role changes made to them. */
export const GET = route<{ gid: string }>("actors.profile", async ({ params }) => {
  const gid = parseInput(gidSchema, params.gid);
  const profile = await getActorProfile(gid);
  if (!profile) throw notFound(`No actor with the gid ${gid} appears in the stored log.`);
  return profile;
});
