import { countFacets } from "@/lib/events/count-facets";
import { readEventParams } from "@/lib/events/http";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

/** Counts per value of each dimension for the filter (the facet panel). */
export const GET = route("events.facets", async ({ request }) => {
  const { filter } = readEventParams(request.nextUrl.searchParams);
  return countFacets(filter);
});
