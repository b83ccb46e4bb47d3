import { gidSchema } from "@/lib/asana/gid";
import { readEventParams } from "@/lib/events/http";
import { parseInput, route } from "@/lib/http/route";
import { getResourceHistory } from "@/lib/resources/get-resource-history";

export const dynamic = "force-dynamic";

/** A page of the events that touched the resource, under the explorer's filter and paging parameters. */
export const GET = route<{ gid: string }>("resources.events", async ({ request, params }) => {
  const gid = parseInput(gidSchema, params.gid);
  const { filter, view } = readEventParams(request.nextUrl.searchParams);
  return getResourceHistory(gid, filter, view);
});
