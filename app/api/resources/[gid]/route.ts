import { gidSchema } from "@/lib/asana/gid";
import { notFound } from "@/lib/http/errors";
import { parseInput, route } from "@/lib/http/route";
import { getResourceSummary } from "@/lib/resources/get-resource-history";

export const dynamic = "force-dynamic";

/** What the log says about one resource over all time. */
export const GET = route<{ gid: string }>("resources.summary", async ({ params }) => {
  const gid = parseInput(gidSchema, params.gid);
  const summary = await getResourceSummary(gid);
  if (!summary) throw notFound(`No stored event touched a resource with the gid ${gid}.`);
  return summary;
});
