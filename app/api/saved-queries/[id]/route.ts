import { recordAuditEntry } from "@/lib/audit-trail/record";
import { notFound } from "@/lib/http/errors";
import { parseInput, readJson, route } from "@/lib/http/route";
import { currentAdminEmail } from "@/lib/saved-queries/author";
import { SAVED_QUERY_ID } from "@/lib/saved-queries/ids";
import { getSavedQuery } from "@/lib/saved-queries/list-saved-queries";
import { deleteSavedQuery, updateSavedQuery } from "@/lib/saved-queries/save-query";
import { updateSavedQueryInput, type SavedQueryView } from "@/lib/saved-queries/schema";

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

/** What a change to a saved query keeps in the audit trail: whose it is, and what it was. */
function changeDetails(before: SavedQueryView, actor: string, fields: readonly (keyof SavedQueryView)[]) {
  return { owner: before.createdBy, byOwner: before.createdBy === actor, before: Object.fromEntries(fields.map((f) => [f, before[f]])) };
}

/**
 * Renames it, edits its note, replaces its view or changes its time mode. Any admin may, as
 * the queries are the team's; the trail keeps who changed whose query and what it was.
 */
export const PATCH = route<Params>("saved-queries.update", async ({ request, params, caller }) => {
  const id = checkId(params.id);
  const input = parseInput(updateSavedQueryInput, await readJson(request));
  const before = await getSavedQuery(id);
  if (!before) throw notFound("That saved query does not exist (it may have been deleted).");
  const saved = await updateSavedQuery(id, input);
  const actor = currentAdminEmail(caller);
  const changed = (Object.keys(input) as Array<keyof typeof input>).filter((k) => input[k] !== undefined);
  await recordAuditEntry({ actor, action: "saved_query.update", target: saved.id, request, details: { changed, name: saved.name, ...changeDetails(before, actor, changed) } });
  return saved;
});

export const DELETE = route<Params>("saved-queries.delete", async ({ request, params, caller }) => {
  const saved = await deleteSavedQuery(checkId(params.id));
  const actor = currentAdminEmail(caller);
  await recordAuditEntry({ actor, action: "saved_query.delete", target: saved.id, request, details: { name: saved.name, search: saved.search, ...changeDetails(saved, actor, ["name", "note", "search", "timeMode"]) } });
  return saved;
});
