import { getEventRaw } from "@/lib/events/get-event";
import { badRequest, notFound } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/**
 * One event's original JSON, whole, as a file: the detail carries at most its first
 * RAW_MAX characters, and links here for the rest.
 */
export const GET = route<{ gid: string }>("events.raw", async ({ params }) => {
  if (!/^[A-Za-z0-9_-]{1,64}$/.test(params.gid)) throw badRequest(`"${params.gid.slice(0, 60)}" is not an event gid`);
  const raw = await getEventRaw(params.gid);
  if (raw === null) throw notFound(`No stored event has the gid ${params.gid}.`);
  return new Response(raw, {
    headers: {
      "content-type": "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="event-${params.gid}.json"`,
      "cache-control": "no-store",
    },
  });
});
