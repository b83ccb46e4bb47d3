import { getEvent } from "@/lib/events/get-event";
import { badRequest, notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** One event with its sentence, details and original JSON. */
export const GET = route<{ gid: string }>("events.get", async ({ params }) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(params.gid)) throw badRequest(`"${params.gid.slice(0, 60)}" is not an event gid`);
  const event = await getEvent(params.gid);
  if (!event) throw notFound(`No stored event has the gid ${params.gid}.`);
  return event;
});
