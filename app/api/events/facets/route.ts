import { countFacetPart, countFacets } from "@/lib/events/count-facets";
import { FACET_PARTS, isFacetPart } from "@/lib/events/facet-parts";
import { readEventParams } from "@/lib/events/http";
import { badRequest } from "@/lib/http/errors";
import { route } from "@/lib/http/route";

export const dynamic = "force-dynamic";

const PARTS = FACET_PARTS.join(", ");

/** Counts per value of each dimension for the filter (the facet panel): all of them, or one part (`part=values` or `part=places`). */
export const GET = route("events.facets", async ({ request }) => {
  const { filter, extra } = readEventParams(request.nextUrl.searchParams, ["part"]);
  if (extra.part === null) return countFacets(filter);
  if (!isFacetPart(extra.part)) throw badRequest(`part: one of ${PARTS}`, { errors: [{ param: "part", message: `one of ${PARTS}` }] });
  return countFacetPart(filter, extra.part);
});
