import { readEventParams } from "@/lib/events/http";
import { countNewer } from "@/lib/events/list-events";
import { decodeCursor } from "@/lib/events/view";
import { badRequest } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** How many matching events arrived after `since` (the newest row on screen): auto-refresh's badge. */
export const GET = route("events.newer", async ({ request }) => {
  const { filter, extra } = readEventParams(request.nextUrl.searchParams, ["since"]);
  const since = extra.since === null ? { error: "since: the newest row's position is required" } : decodeCursor(extra.since);
  if ("error" in since) throw badRequest(`since: ${since.error}`, { errors: [{ param: "since", message: since.error }] });
  return countNewer(filter, since);
});
