import { countEvents } from "@/lib/events/count-events";
import { readEventParams } from "@/lib/events/http";
import { badRequest } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** How many events match: exact when cheap or when asked (`exact=1`), otherwise an estimate. */
export const GET = route("events.count", async ({ request }) => {
  const { filter, extra } = readEventParams(request.nextUrl.searchParams, ["exact"]);
  if (extra.exact !== null && extra.exact !== "1") throw badRequest('exact: use "exact=1" to ask for an exact count', { errors: [{ param: "exact", message: 'use "exact=1"' }] });
  return countEvents(filter, { exact: extra.exact === "1" });
});
