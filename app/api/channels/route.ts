import { NextResponse } from "next/server";
import { actorOf, readJson, route } from "@/lib/http/route";
import { listChannels } from "@/lib/detections/notify/list-channels";
import { createChannel } from "@/lib/detections/notify/save-channel";

export const dynamic = "force-dynamic";

/** Every alert channel, with hints of where it sends and never a secret. */
export const GET = route("channels.list", async () => ({ channels: await listChannels() }));

/**
 * Creates a channel: { kind: webhook | slack | email, name, minSeverity?, ruleIds?, enabled?, …the
 * kind's settings }. A webhook's signing key, when generated, is in this answer and no other.
 */
export const POST = route("channels.create", async ({ request, caller }) => {
  const saved = await createChannel(await readJson(request), { actor: actorOf(caller), request });
  return NextResponse.json(saved, { status: 201 });
});
