import { notFound } from "@/lib/http/errors";
import { parseInput, readJson, route } from "@/lib/http/route";
import { currentAdminEmail } from "@/lib/saved-queries/author";
import { SAVED_QUERY_ID } from "@/lib/saved-queries/ids";
import { getSavedQuery } from "@/lib/saved-queries/list-saved-queries";
import { deleteSavedQuery, updateSavedQuery } from "@/lib/saved-queries/save-query";
import { updateSavedQueryInput } from "@/lib/saved-queries/schema";

export const dynamic = "force-dynamic";

type Params = { id: string };

function checkId(id: string): string {
  if (!SAVED_QUERY_ID.test(id)) throw notFound("That saved query does not exist.");
  return id;
}

export const GET = route<Params>("saved-queries.get", async ({ params }) => {
  const saved = await getSavedQuery(checkId(params.id));
  if (!saved) throw notFound("That saved query does not exist (it may have been deleted).");
  return saved;
});

/**
 * Renames it, edits its note, replaces its view or changes its time mode. Any admin may, as
 * the queries are the team's; the trail keeps who changed whose query and what it was.
 */
export const PATCH = route<Params>("saved-queries.update", async ({ request, params, caller }) => {
  const input = parseInput(updateSavedQueryInput, await readJson(request));
  return updateSavedQuery(checkId(params.id), input, { actor: currentAdminEmail(caller), request });
});

export const DELETE = route<Params>("saved-queries.delete", async ({ request, params, caller }) => deleteSavedQuery(checkId(params.id), { actor: currentAdminEmail(caller), request }));
