import { notFound } from "@/lib/http/errors";
import { actorOf, route } from "@/lib/http/route";
import { CHANNEL_ID } from "@/lib/detections/notify/channel-schema";
import { sendTest } from "@/lib/detections/notify/send-test";

export const dynamic = "force-dynamic";

/** Sends a test message through the channel now and answers how it went (200 either way: the request itself worked). */
export const POST = route<{ id: string }>("channels.test", async ({ request, params, caller }) => {
  if (!CHANNEL_ID.test(params.id)) throw notFound("That channel does not exist.");
  return { outcome: await sendTest(params.id, { actor: actorOf(caller), request }) };
});
