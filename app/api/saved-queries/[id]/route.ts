import { recordAuditEntry } from "@/lib/audit-trail/record";
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

/** Renames it, edits its note, replaces its view or changes its time mode. */
export const PATCH = route<Params>("saved-queries.update", async ({ request, params, caller }) => {
  const input = parseInput(updateSavedQueryInput, await readJson(request));
  const saved = await updateSavedQuery(checkId(params.id), input);
  await recordAuditEntry({ actor: currentAdminEmail(caller), action: "saved_query.update", target: saved.id, request, details: { changed: Object.keys(input), name: saved.name } });
  return saved;
});

export const DELETE = route<Params>("saved-queries.delete", async ({ request, params, caller }) => {
  const saved = await deleteSavedQuery(checkId(params.id));
  await recordAuditEntry({ actor: currentAdminEmail(caller), action: "saved_query.delete", target: saved.id, request, details: { name: saved.name, search: saved.search } });
  return saved;
});
