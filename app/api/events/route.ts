import { listEvents } from "@/lib/events/list-events";
import { readEventParams } from "@/lib/events/http";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** A page of events: the explorer's URL parameters (filters, sort, size, after/before). */
export const GET = route("events.list", async ({ request }) => {
  const { filter, view } = readEventParams(request.nextUrl.searchParams);
  return listEvents({ filter, sort: view.sort, size: view.size, page: view.page });
});
