import { notFound } from "@/lib/http/errors";
import { actorOf, readJson, route } from "@/lib/http/route";
import { CHANNEL_ID } from "@/lib/detections/notify/channel-schema";
import { getChannel } from "@/lib/detections/notify/list-channels";
import { deleteChannel, updateChannel } from "@/lib/detections/notify/save-channel";

export const dynamic = "force-dynamic";

type Params = { id: string };

function checkChannelId(id: string): string {
  if (!CHANNEL_ID.test(id)) throw notFound("That channel does not exist.");
  return id;
}

export const GET = route<Params>("channels.get", async ({ params }) => {
  const channel = await getChannel(checkChannelId(params.id));
  if (!channel) throw notFound("That channel does not exist (it may have been deleted).");
  return channel;
});

/** Changes its settings; a secret left out is kept, a new one replaces it. */
export const PATCH = route<Params>("channels.update", async ({ request, params, caller }) => updateChannel(checkChannelId(params.id), await readJson(request), { actor: actorOf(caller), request }));

export const DELETE = route<Params>("channels.delete", async ({ request, params, caller }) => ({ channel: await deleteChannel(checkChannelId(params.id), { actor: actorOf(caller), request }) }));
